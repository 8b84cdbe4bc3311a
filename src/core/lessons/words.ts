/** Numbers as captions print them: a few significant digits, a true minus sign, powers of ten. */

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** x with `digits` significant digits (trailing zeros dropped); scientific form outside [1e-3, 1e5). */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : 'NaN';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude < 1e-3 || magnitude >= 1e5) {
    const [mantissa, exponent] = x.toExponential(digits - 1).split('e') as [string, string];
    const m = String(Number(mantissa));
    const e = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
    return `${m === '1' ? '' : m === '-1' ? '−' : `${m}·`}10${e}`.replace('-', '−');
  }
  return String(Number(x.toPrecision(digits))).replace('-', '−');
}

/** 10ⁿ for a threshold such as 1e-3. */
export const power = (x: number): string => {
  const exponent = String(Math.round(Math.log10(x))).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `10${exponent}`;
};

/** (a, b) with the caption's number format. */
export const pt = (a: number, b: number, digits = 2): string => `(${num(a, digits)}, ${num(b, digits)})`;

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "once", "twice", "five times", "30 times". */
export const times = (n: number): string =>
  n === 1 ? 'once' : n === 2 ? 'twice' : `${COUNT_WORDS[n] ?? n} times`;
