/**
 * The sharpness a run sees along its path: the Hessian's eigenvalues at each point where a gradient was
 * taken, the preconditioned sharpness λmax(P⁻¹H) for adaptive methods (P read off the run's recorded
 * effective rates, η/P per coordinate), and the stability threshold c/η of the settings in force.
 */
import { eigenvalues } from '../hessian';
import type { Trajectory } from '../simulate';
import type { Hessian2 } from '../types';
import { thresholdRule, type ThresholdRule } from './thresholds';

export interface SharpnessTrace {
  readonly rule: ThresholdRule;
  /** Per update k = 1…n, at the point w_{k−1} where its gradient was taken. */
  readonly lambdaMax: Float64Array;
  readonly lambdaMin: Float64Array;
  /** λmax(P⁻¹H), the quantity compared with the threshold (λmax(H) when P = I). */
  readonly sharpness: Float64Array;
  /** c/η_k. */
  readonly threshold: Float64Array;
}

/** Largest eigenvalue of D^(1/2) H D^(1/2) for a diagonal D = (d₁, d₂): λmax(P⁻¹H) with P⁻¹ = D. */
export function preconditionedSharpness([a, b, c]: Hessian2, d1: number, d2: number): number {
  return eigenvalues([a * d1, b * Math.sqrt(d1 * d2), c * d2])[1];
}

export function sharpnessAlong(
  hessian: (w1: number, w2: number) => Hessian2,
  t: Trajectory,
): SharpnessTrace | null {
  const rule = thresholdRule(t.config);
  if (!rule) return null;
  const n = t.steps;
  const lambdaMax = new Float64Array(n);
  const lambdaMin = new Float64Array(n);
  const sharpness = new Float64Array(n);
  const threshold = new Float64Array(n);
  for (let k = 1; k <= n; k++) {
    const h = hessian(t.path[2 * (k - 1)]!, t.path[2 * (k - 1) + 1]!);
    const [low, high] = eigenvalues(h);
    const eta = t.learningRate[k - 1]!;
    lambdaMin[k - 1] = low;
    lambdaMax[k - 1] = high;
    threshold[k - 1] = rule.c / eta;
    if (!rule.preconditioned) {
      sharpness[k - 1] = high;
      continue;
    }
    // The recorded effective rate is η/P (times m̂'s 1/(1−β₁ᵗ) folded back in for Adam's P).
    const correction = rule.firstMomentCorrection === null ? 1 : 1 - rule.firstMomentCorrection ** k;
    const d1 = t.effectiveLr[2 * (k - 1)]! / (eta * correction);
    const d2 = t.effectiveLr[2 * (k - 1) + 1]! / (eta * correction);
    sharpness[k - 1] = preconditionedSharpness(h, d1, d2);
  }
  return { rule, lambdaMax, lambdaMin, sharpness, threshold };
}
