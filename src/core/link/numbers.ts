/**
 * Numbers in links: printed with JavaScript's shortest round-tripping form (ECMA-262 Number::toString, so
 * 0.035 stays "0.035" and 1e-8 stays "1e-8"), read back strictly — "", "0x10", "1_000", "Infinity" and
 * "NaN" are rejected, not coerced (tensorflow/playground's `+value` turned bad input into NaN, its issue #63).
 */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function formatNumber(x: number): string {
  if (Object.is(x, -0)) return '-0';
  // "1e+21" → "1e21": Number() reads both, and "+" is easy to mangle in a pasted link.
  return String(x).replace('e+', 'e');
}

/** A finite number, or undefined when the text is not a plain decimal. */
export function parseNumber(text: string): number | undefined {
  if (text.length === 0 || text.length > 40 || !DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export interface Range {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** Clamps (and rounds) into the range; `note` receives a message when the value had to change. */
export function fitToRange(value: number, range: Range, note: (message: string) => void): number {
  let fitted = range.integer ? Math.round(value) : value;
  if (fitted < range.min) fitted = range.min;
  if (fitted > range.max) fitted = range.max;
  if (fitted !== value)
    note(`${formatNumber(value)} is outside ${describeRange(range)}; using ${formatNumber(fitted)}`);
  return fitted;
}

export function describeRange(range: Range): string {
  const kind = range.integer ? 'integers ' : '';
  return `${kind}[${formatNumber(range.min)}, ${formatNumber(range.max)}]`;
}

const TRUE = new Set(['', '1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** A bare key ("nesterov") means true; 1/0, true/false, yes/no, on/off are read too. */
export function parseBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return undefined;
}
