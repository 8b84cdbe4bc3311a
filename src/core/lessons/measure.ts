/** What captions read off a trajectory: coordinates, sign changes, first steps below a loss, extremes. */
import type { Trajectory } from '../simulate';

export type Coordinate = 0 | 1;

export const coord = (t: Trajectory, k: number, i: Coordinate): number => t.path[2 * k + i]!;
export const last = (t: Trajectory, i: Coordinate): number => coord(t, t.steps, i);

/** How often wᵢ changes sign between steps `from` and `to` (points on 0 do not count as a change). */
export function signChanges(t: Trajectory, i: Coordinate, from = 0, to = t.steps): number {
  let changes = 0;
  let previous = Math.sign(coord(t, from, i));
  for (let k = from + 1; k <= Math.min(to, t.steps); k++) {
    const sign = Math.sign(coord(t, k, i));
    if (sign !== 0 && previous !== 0 && sign !== previous) changes++;
    if (sign !== 0) previous = sign;
  }
  return changes;
}

/** The largest value of f(wᵢ) over steps from..to. */
export function maxOf(
  t: Trajectory,
  i: Coordinate,
  f: (x: number) => number,
  from = 0,
  to = t.steps,
): number {
  let best = -Infinity;
  for (let k = from; k <= Math.min(to, t.steps); k++) best = Math.max(best, f(coord(t, k, i)));
  return best;
}

/** The first step from which the loss stays below the threshold to the end of the run; null if never. */
export function settlesBelow(t: Trajectory, threshold: number): number | null {
  if (!(t.loss[t.steps]! < threshold)) return null;
  let k = t.steps;
  while (k > 0 && t.loss[k - 1]! < threshold) k--;
  return k;
}

/** Δw of update k (1-based), per coordinate. */
export const update = (t: Trajectory, k: number, i: Coordinate): number => t.update[2 * (k - 1) + i]!;
export const gradient = (t: Trajectory, k: number, i: Coordinate): number => t.gradient[2 * (k - 1) + i]!;
export const stepLength = (t: Trajectory, k: number): number => Math.hypot(update(t, k, 0), update(t, k, 1));

/** One coordinate of an interleaved per-step series (effective rates, accumulators). */
export function series(values: Float64Array, i: Coordinate): number[] {
  return Array.from({ length: values.length / 2 }, (_, k) => values[2 * k + i]!);
}

export const mean = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
/** Mean of the last `count` values. */
export const tailMean = (xs: ArrayLike<number>, count: number): number => mean(Array.from(xs).slice(-count));

/** Whether every value is at most the one before (to rounding). */
export const nonIncreasing = (xs: readonly number[]): boolean =>
  xs.every((x, i) => i === 0 || x <= xs[i - 1]! * (1 + 1e-12));

/** Mean absolute change between neighbours: how jagged a series is. */
export const roughness = (xs: readonly number[]): number =>
  xs.slice(1).reduce((sum, x, i) => sum + Math.abs(x - xs[i]!), 0) / Math.max(1, xs.length - 1);

/** The run's (constant) hyperparameter, as the scene resolved it. */
export function hp(t: Trajectory, key: string): number {
  const value = t.config.hyperparameters[key];
  if (typeof value !== 'number') throw new Error(`${t.config.label}: hyperparameter ${key} is not a number`);
  return value;
}

/** Accumulator `key` after update k (1-based), coordinate i. */
export function accumulator(t: Trajectory, key: string, k: number, i: Coordinate): number {
  const trace = t.accumulators.find((a) => a.key === key);
  if (!trace) throw new Error(`${t.config.label} records no accumulator ${key}`);
  return trace.values[2 * (k - 1) + i]!;
}
