/**
 * Rastrigin function in two dimensions with A = 10 (Surjanovic & Bingham, Virtual Library of Simulation
 * Experiments, "Rastrigin Function"): f = 2A + Σ (w_i² − A·cos(2π·w_i)), global minimum 0 at the origin,
 * a local minimum near every integer point.
 */
import type { Surface } from '../types';

const A = 10;
const TWO_PI = 2 * Math.PI;

export const rastrigin: Surface = {
  id: 'rastrigin',
  name: 'Rastrigin',
  formula: '20 + w_1^2 - 10 \\cos(2\\pi w_1) + w_2^2 - 10 \\cos(2\\pi w_2)',
  expression: '20 + w1^2 - 10*cos(2*pi*w1) + w2^2 - 10*cos(2*pi*w2)',
  description:
    'A bowl covered with a regular grid of local minima: gradient methods settle in the nearest dent, while large steps or gradient noise can hop between them.',
  value: (w1, w2) => 2 * A + w1 * w1 - A * Math.cos(TWO_PI * w1) + w2 * w2 - A * Math.cos(TWO_PI * w2),
  gradient: (w1, w2) => [
    2 * w1 + A * TWO_PI * Math.sin(TWO_PI * w1),
    2 * w2 + A * TWO_PI * Math.sin(TWO_PI * w2),
  ],
  hessian: (w1, w2) => [
    2 + A * TWO_PI * TWO_PI * Math.cos(TWO_PI * w1),
    0,
    2 + A * TWO_PI * TWO_PI * Math.cos(TWO_PI * w2),
  ],
  valueAndGradientInto(out, w1, w2) {
    out[0] = 2 * w1 + A * TWO_PI * Math.sin(TWO_PI * w1);
    out[1] = 2 * w2 + A * TWO_PI * Math.sin(TWO_PI * w2);
    return 2 * A + w1 * w1 - A * Math.cos(TWO_PI * w1) + w2 * w2 - A * Math.cos(TWO_PI * w2);
  },
  viewBox: { w1: [-5.12, 5.12], w2: [-5.12, 5.12] },
  // Only the global minimum is listed; the ~100 local minima sit just inside each integer point.
  criticalPoints: [{ kind: 'minimum', at: [0, 0], label: 'global minimum' }],
  defaultStart: [-3.4, 3.7],
  starts: [
    [0.6, -0.4],
    [4.5, -2.3],
    [-1.5, -4.5],
  ],
  contourScale: 'linear',
};
