/**
 * What a person types into a number field, read as they mean it: a decimal comma ("0,05", common in much
 * of Europe) or a typographic minus ("−1") is a number; anything else gets a reason and the range that
 * applies, never a silent revert.
 */
import { format } from 'd3';

const show = format('~g');

/** The number typed, or NaN. Accepts one decimal comma (when there is no point) and U+2212 minus. */
export function parseTypedNumber(text: string): number {
  let t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return Number.NaN;
  if (!t.includes('.') && /^[-+]?\d*,\d+(e[-+]?\d+)?$/i.test(t)) t = t.replace(',', '.');
  return Number(t);
}

/** Why the text is not an accepted value, with the range; null when it is. */
export function validateNumber(text: string, min: number, max: number, integer = false): string | null {
  const range = `from ${show(min)} to ${show(max)}`;
  const trimmed = text.trim();
  if (trimmed === '') return `Enter a ${integer ? 'whole number' : 'number'} ${range}.`;
  const value = parseTypedNumber(trimmed);
  if (!Number.isFinite(value)) return `“${trimmed}” is not a number: enter one ${range}.`;
  if (integer && !Number.isInteger(value)) return `Enter a whole number ${range}.`;
  if (value < min) return `${show(value)} is below the smallest allowed value: enter one ${range}.`;
  if (value > max) return `${show(value)} is above the largest allowed value: enter one ${range}.`;
  return null;
}
