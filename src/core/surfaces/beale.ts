/**
 * Beale function (Surjanovic & Bingham, Virtual Library of Simulation Experiments, "Beale Function"):
 * f = (1.5 − w1 + w1·w2)² + (2.25 − w1 + w1·w2²)² + (2.625 − w1 + w1·w2³)², minimum 0 at (3, 0.5).
 * Each term is r_k = c_k − w1 + w1·w2^k, so f = Σ r_k² and its derivatives follow from those of r_k.
 */
import type { Surface, Vec2, Hessian2 } from '../types';

const COEFFICIENTS = [1.5, 2.25, 2.625] as const;

function value(w1: number, w2: number): number {
  let sum = 0;
  COEFFICIENTS.forEach((c, index) => {
    const r = c - w1 + w1 * w2 ** (index + 1);
    sum += r * r;
  });
  return sum;
}

function gradient(w1: number, w2: number): Vec2 {
  let g1 = 0;
  let g2 = 0;
  COEFFICIENTS.forEach((c, index) => {
    const k = index + 1;
    const r = c - w1 + w1 * w2 ** k;
    g1 += 2 * r * (w2 ** k - 1);
    g2 += 2 * r * k * w1 * w2 ** (k - 1);
  });
  return [g1, g2];
}

/** ∇²f = 2 Σ (∇r ∇rᵀ + r ∇²r), with ∇²r = [[0, k·w2^(k−1)], [k·w2^(k−1), k(k−1)·w1·w2^(k−2)]]. */
function hessian(w1: number, w2: number): Hessian2 {
  let h11 = 0;
  let h12 = 0;
  let h22 = 0;
  COEFFICIENTS.forEach((c, index) => {
    const k = index + 1;
    const r = c - w1 + w1 * w2 ** k;
    const d1 = w2 ** k - 1;
    const d2 = k * w1 * w2 ** (k - 1);
    h11 += 2 * d1 * d1;
    h12 += 2 * (d1 * d2 + r * k * w2 ** (k - 1));
    h22 += 2 * (d2 * d2 + r * k * (k - 1) * w1 * (k >= 2 ? w2 ** (k - 2) : 0));
  });
  return [h11, h12, h22];
}

export const beale: Surface = {
  id: 'beale',
  name: 'Beale',
  formula: '(1.5 - w_1 + w_1 w_2)^2 + (2.25 - w_1 + w_1 w_2^2)^2 + (2.625 - w_1 + w_1 w_2^3)^2',
  expression: '(1.5 - w1 + w1*w2)^2 + (2.25 - w1 + w1*w2^2)^2 + (2.625 - w1 + w1*w2^3)^2',
  description:
    'Flat plateaus beside steep walls that grow like w2⁶: gradients span orders of magnitude on the way to the narrow valley of the minimum at (3, 0.5).',
  value,
  gradient,
  hessian,
  viewBox: { w1: [-4.5, 4.5], w2: [-4.5, 4.5] },
  // Computed by Newton's method on the analytic gradient. Along w1 = 0 the function is constant (14.203125).
  criticalPoints: [
    { kind: 'minimum', at: [3, 0.5], label: 'global minimum' },
    { kind: 'saddle', at: [0, 1] },
    { kind: 'saddle', at: [0.1005379373241584, -2.644513585023125] },
  ],
  defaultStart: [1, 1.5],
  starts: [
    [-1, -1],
    [3, 4], // on the steep wall: a gradient of about 6·10⁴
    [-3, 1.5], // on the plateau left of the saddle: descent drifts away from the minimum
  ],
  contourScale: 'log',
};
