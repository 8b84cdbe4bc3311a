/** The pieces of one update, read from a trajectory: what the "inside the step" views show. */
import type { Trajectory, Vec2 } from '../../core';

export interface StepParts {
  /** Index of the update (0-based): it moves point `index` to point `index + 1`. */
  readonly index: number;
  /** True when the timeline is past the run's last update (the last one is shown). */
  readonly atEnd: boolean;
  readonly at: Vec2;
  readonly next: Vec2;
  readonly loss: number;
  readonly nextLoss: number;
  readonly gradient: Vec2;
  readonly moment: { key: string; symbol: string; label: string; value: Vec2 } | null;
  readonly accumulators: readonly { key: string; label: string; value: Vec2 }[];
  readonly learningRate: number;
  readonly effectiveLr: Vec2;
  readonly update: Vec2;
  /** Angle in degrees between −g and Δw: 0 means a plain gradient step's direction. */
  readonly turn: number;
}

const pairAt = (values: Float64Array, i: number): Vec2 => [
  values[2 * i] ?? Number.NaN,
  values[2 * i + 1] ?? Number.NaN,
];

export function stepParts(trajectory: Trajectory, step: number): StepParts | null {
  if (trajectory.steps === 0) return null;
  const index = Math.max(0, Math.min(step, trajectory.steps - 1));
  const accumulators = trajectory.accumulators.map((a) => ({
    key: a.key,
    label: a.label,
    value: pairAt(a.values, index),
  }));
  // The spec marks which accumulator is the step's moment (SGD's b, Adam's m) and its symbol.
  const momentIndex = accumulators.findIndex(
    (a, k) => trajectory.accumulators[k]!.moment !== undefined && (a.value[0] !== 0 || a.value[1] !== 0),
  );
  const momentTrace = accumulators[momentIndex];
  const gradient = pairAt(trajectory.gradient, index);
  const update = pairAt(trajectory.update, index);
  const dot = -gradient[0] * update[0] - gradient[1] * update[1];
  const norms = Math.hypot(gradient[0], gradient[1]) * Math.hypot(update[0], update[1]);
  return {
    index,
    atEnd: step >= trajectory.steps,
    at: pairAt(trajectory.path, index),
    next: pairAt(trajectory.path, index + 1),
    loss: trajectory.loss[index] ?? Number.NaN,
    nextLoss: trajectory.loss[index + 1] ?? Number.NaN,
    gradient,
    moment: momentTrace ? { ...momentTrace, symbol: trajectory.accumulators[momentIndex]!.moment! } : null,
    accumulators,
    learningRate: trajectory.learningRate[index] ?? Number.NaN,
    effectiveLr: pairAt(trajectory.effectiveLr, index),
    update,
    turn: norms > 0 ? (Math.acos(Math.max(-1, Math.min(1, dot / norms))) * 180) / Math.PI : Number.NaN,
  };
}
