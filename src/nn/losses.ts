/**
 * Per-example multiclass losses of lecture 000 on a score vector s with correct class y, each writing
 * ∂L_i/∂s into `ds`:
 *   softmax cross-entropy  L_i = −log(e^{s_y} / Σ_j e^{s_j})
 *   multiclass SVM (hinge) L_i = Σ_{j≠y} max(0, s_j − s_y + 1)
 *   mean squared error     L_i = (1/K) Σ_j (s_j − onehot(y)_j)²
 * and the weight penalties R(W) (L2 Σ W², L1 Σ |W|, elastic net Σ β W² + |W|).
 */
import { DIGITS_LOSSES, DIGITS_REGULARIZERS, type DigitsLoss, type DigitsRegularizer } from '../core/network';

// The names are part of the digits scene's schema (src/core/network.ts).
export const CLASS_LOSSES = DIGITS_LOSSES;
export type ClassLoss = DigitsLoss;

export function softmaxCrossEntropy(scores: ArrayLike<number>, label: number, ds?: Float64Array): number {
  const k = scores.length;
  let max = -Infinity;
  for (let j = 0; j < k; j++) max = Math.max(max, scores[j]!);
  let total = 0;
  for (let j = 0; j < k; j++) total += Math.exp(scores[j]! - max);
  const logTotal = Math.log(total) + max;
  if (ds) for (let j = 0; j < k; j++) ds[j] = Math.exp(scores[j]! - logTotal) - (j === label ? 1 : 0);
  return logTotal - scores[label]!;
}

/** Margin 1; where a margin is exactly met the subgradient 0 is used. */
export function multiclassHinge(scores: ArrayLike<number>, label: number, ds?: Float64Array): number {
  const k = scores.length;
  let loss = 0;
  let violated = 0;
  for (let j = 0; j < k; j++) {
    if (ds) ds[j] = 0;
    if (j === label) continue;
    const margin = scores[j]! - scores[label]! + 1;
    if (margin > 0) {
      loss += margin;
      violated++;
      if (ds) ds[j] = 1;
    }
  }
  if (ds) ds[label] = -violated;
  return loss;
}

export function squaredError(scores: ArrayLike<number>, label: number, ds?: Float64Array): number {
  const k = scores.length;
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const diff = scores[j]! - (j === label ? 1 : 0);
    sum += diff * diff;
    if (ds) ds[j] = (2 * diff) / k;
  }
  return sum / k;
}

export function classLoss(
  kind: ClassLoss,
  scores: ArrayLike<number>,
  label: number,
  ds?: Float64Array,
): number {
  if (kind === 'hinge') return multiclassHinge(scores, label, ds);
  if (kind === 'mse') return squaredError(scores, label, ds);
  return softmaxCrossEntropy(scores, label, ds);
}

export const REGULARIZERS = DIGITS_REGULARIZERS;
export type Regularizer = DigitsRegularizer;

/**
 * λ·R(W) as the MLP's two penalty weights: (l2/2)·Σ W² + l1·Σ |W|. Lecture 000's R: L2 Σ W², L1 Σ |W|,
 * elastic net Σ β W² + |W|.
 */
export function penaltyWeights(kind: Regularizer, lambda: number, beta: number): { l2: number; l1: number } {
  if (kind === 'l2') return { l2: 2 * lambda, l1: 0 };
  if (kind === 'l1') return { l2: 0, l1: lambda };
  if (kind === 'elastic') return { l2: 2 * lambda * beta, l1: lambda };
  return { l2: 0, l1: 0 };
}
