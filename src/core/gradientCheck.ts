/**
 * Lecture 000's gradient check: the numerical gradient (perturb one coordinate by h, recompute the loss,
 * divide by h) against the analytic one, with the relative error |a − n| / max(|a|, |n|) of CS231n.
 */
import type { Vec2 } from './types';

export interface LossOracle {
  value(w1: number, w2: number): number;
  gradient(w1: number, w2: number): Vec2;
}

/** The lecture's worked form: (L(w + h·eᵢ) − L(w)) / h, with the two losses it was computed from. */
export function forwardDifference(f: LossOracle, w: Vec2, i: 0 | 1, h: number) {
  const base = f.value(w[0], w[1]);
  const perturbed = i === 0 ? f.value(w[0] + h, w[1]) : f.value(w[0], w[1] + h);
  return { base, perturbed, slope: (perturbed - base) / h };
}

/** (L(w + h·eᵢ) − L(w − h·eᵢ)) / 2h: error O(h²) instead of O(h). */
export function centredDifference(f: LossOracle, w: Vec2, i: 0 | 1, h: number): number {
  const plus = i === 0 ? f.value(w[0] + h, w[1]) : f.value(w[0], w[1] + h);
  const minus = i === 0 ? f.value(w[0] - h, w[1]) : f.value(w[0], w[1] - h);
  return (plus - minus) / (2 * h);
}

/** |a − n| / max(|a|, |n|); 0 when both are 0. */
export function relativeError(analytic: number, numerical: number): number {
  const scale = Math.max(Math.abs(analytic), Math.abs(numerical));
  return scale === 0 ? 0 : Math.abs(analytic - numerical) / scale;
}

export interface GradientCheck {
  readonly analytic: Vec2;
  readonly forward: Vec2;
  readonly centred: Vec2;
  /** Of the centred difference against the analytic gradient, per coordinate. */
  readonly relativeError: Vec2;
}

export function checkGradient(f: LossOracle, w: Vec2, h: number): GradientCheck {
  const analytic = f.gradient(w[0], w[1]);
  const forward: Vec2 = [forwardDifference(f, w, 0, h).slope, forwardDifference(f, w, 1, h).slope];
  const centred: Vec2 = [centredDifference(f, w, 0, h), centredDifference(f, w, 1, h)];
  return {
    analytic,
    forward,
    centred,
    relativeError: [relativeError(analytic[0], centred[0]), relativeError(analytic[1], centred[1])],
  };
}

/** The worst relative error over the points of a path (interleaved w₁, w₂), and where it is. */
export function worstAlongPath(
  f: LossOracle,
  path: Float64Array,
  h: number,
): { error: number; step: number } {
  let worst = { error: 0, step: 0 };
  for (let k = 0; k < path.length / 2; k++) {
    const check = checkGradient(f, [path[2 * k]!, path[2 * k + 1]!], h);
    const error = Math.max(check.relativeError[0], check.relativeError[1]);
    if (error > worst.error || !Number.isFinite(error)) worst = { error, step: k };
    if (!Number.isFinite(error)) break;
  }
  return worst;
}

/** CS231n's reading of a relative error: below 1e-7 the gradient is right; above 1e-4 it is probably wrong. */
export function verdict(error: number): 'agree' | 'borderline' | 'disagree' {
  return error < 1e-7 ? 'agree' : error < 1e-4 ? 'borderline' : 'disagree';
}
