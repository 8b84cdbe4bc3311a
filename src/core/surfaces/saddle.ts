/**
 * The saddle of the lectures (001, "Another example (saddle point)"): L(w) = w1³ + w2², unbounded below,
 * with a degenerate saddle at (0, 0). At the start (−0.01, −1) the gradient is (0.0003, −2).
 */
import type { Surface } from '../types';

export const saddle: Surface = {
  id: 'saddle',
  name: 'Saddle w₁³ + w₂²',
  formula: 'w_1^3 + w_2^2',
  expression: 'w1^3 + w2^2',
  description:
    'Near the saddle at the origin the gradient along w1 almost vanishes, so plain gradient descent stalls there while per-coordinate adaptive methods escape down the unbounded w1 direction.',
  value: (w1, w2) => w1 * w1 * w1 + w2 * w2,
  gradient: (w1, w2) => [3 * w1 * w1, 2 * w2],
  hessian: (w1) => [6 * w1, 0, 2],
  valueAndGradientInto(out, w1, w2) {
    out[0] = 3 * w1 * w1;
    out[1] = 2 * w2;
    return w1 * w1 * w1 + w2 * w2;
  },
  viewBox: { w1: [-1.5, 1.5], w2: [-1.5, 1.5] },
  // The Hessian at (0, 0) is diag(0, 2): singular, and w1³ falls on one side and rises on the other.
  criticalPoints: [{ kind: 'saddle', at: [0, 0], label: 'saddle (inflection along w1)' }],
  defaultStart: [-0.01, -1],
  starts: [
    [0.5, -1],
    [-0.3, 1.2],
    [1, 0.8],
  ],
  contourScale: 'symmetric',
};
