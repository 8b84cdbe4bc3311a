/**
 * The monkey saddle f = w1³ − 3·w1·w2² = Re((w1 + i·w2)³): three valleys and three ridges meet at the
 * origin, where gradient and Hessian both vanish (Wikipedia, "Monkey saddle").
 */
import type { Surface } from '../types';

export const monkeySaddle: Surface = {
  id: 'monkey-saddle',
  name: 'Monkey saddle',
  formula: 'w_1^3 - 3 w_1 w_2^2',
  expression: 'w1^3 - 3*w1*w2^2',
  description:
    'A saddle with three downhill valleys where the Hessian vanishes too, so neither the gradient nor the curvature shows the way down near the origin.',
  value: (w1, w2) => w1 * w1 * w1 - 3 * w1 * w2 * w2,
  gradient: (w1, w2) => [3 * w1 * w1 - 3 * w2 * w2, -6 * w1 * w2],
  hessian: (w1, w2) => [6 * w1, -6 * w2, -6 * w1],
  valueAndGradientInto(out, w1, w2) {
    out[0] = 3 * w1 * w1 - 3 * w2 * w2;
    out[1] = -6 * w1 * w2;
    return w1 * w1 * w1 - 3 * w1 * w2 * w2;
  },
  viewBox: { w1: [-1.5, 1.5], w2: [-1.5, 1.5] },
  criticalPoints: [{ kind: 'saddle', at: [0, 0], label: 'monkey saddle (zero Hessian)' }],
  // On the ridge along +w1, slightly off the axis: descent runs to the origin, then slowly turns into a valley.
  defaultStart: [1.2, 0.05],
  starts: [
    [1.2, -0.05],
    [-0.3, 1.2],
    [0.9, 0.9],
  ],
  contourScale: 'symmetric',
};
