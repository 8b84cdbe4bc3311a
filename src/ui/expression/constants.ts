/** Slider ranges and defaults for the named constants of a typed function. */
import { niceCeil } from '../../core/expressionView';

/** A new constant starts at 1: multiplying by it changes nothing, so the shape typed is the shape shown. */
export const DEFAULT_CONSTANT = 1;
/** What the number input accepts (the slider covers a range around the value). */
export const CONSTANT_LIMIT = 1e6;

/** A symmetric slider range around 0 that holds `value` with room on either side: 1 → ±2, 100 → ±200. */
export function constantRange(value: number): readonly [number, number] {
  const size = Number.isFinite(value) && value !== 0 ? niceCeil(2 * Math.abs(value)) : 1;
  const top = Math.min(CONSTANT_LIMIT, size);
  return [-top, top];
}

/** Slider values are tidy: three significant digits, and exactly 0 near the middle. */
export function tidy(value: number, range: readonly [number, number]): number {
  if (Math.abs(value) < (range[1] - range[0]) * 1e-3) return 0;
  return Number(value.toPrecision(3));
}
