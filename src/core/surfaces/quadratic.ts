/**
 * The ravine of the lectures (001, "Steepest Descent" and "AdaGrad"): L(w) = w1² + 25·w2², started at
 * (−1, −1) where ∇L = (−2, −50). Curvature 2 along w1 and 50 along w2, condition number 25.
 */
import type { Surface } from '../types';

export const quadratic: Surface = {
  id: 'quadratic',
  name: 'Quadratic ravine',
  formula: 'w_1^2 + 25 w_2^2',
  expression: 'w1^2 + 25*w2^2',
  description:
    'A bowl 25 times steeper across than along: plain gradient descent zigzags across the ravine while momentum and per-coordinate step sizes follow its floor.',
  value: (w1, w2) => w1 * w1 + 25 * w2 * w2,
  gradient: (w1, w2) => [2 * w1, 50 * w2],
  hessian: () => [2, 0, 50],
  valueAndGradientInto(out, w1, w2) {
    out[0] = 2 * w1;
    out[1] = 50 * w2;
    return w1 * w1 + 25 * w2 * w2;
  },
  viewBox: { w1: [-1.5, 1.5], w2: [-1.2, 1.2] },
  criticalPoints: [{ kind: 'minimum', at: [0, 0], label: 'global minimum' }],
  defaultStart: [-1, -1],
  starts: [
    [1.2, 0.6],
    [-1.4, 0.1],
    [0.2, 1],
  ],
  contourScale: 'log',
};
