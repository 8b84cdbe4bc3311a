/**
 * Rosenbrock's banana function with a = 1, b = 100 (Rosenbrock 1960; Surjanovic & Bingham, Virtual Library
 * of Simulation Experiments, "Rosenbrock Function"): f = (1 − w1)² + 100·(w2 − w1²)², minimum 0 at (1, 1).
 */
import type { Surface } from '../types';

export const rosenbrock: Surface = {
  id: 'rosenbrock',
  name: 'Rosenbrock',
  formula: '(1 - w_1)^2 + 100 (w_2 - w_1^2)^2',
  expression: '(1 - w1)^2 + 100*(w2 - w1^2)^2',
  description:
    'A curved valley with a nearly flat floor: reaching the valley is easy, following its bend to the minimum at (1, 1) is slow.',
  value: (w1, w2) => (1 - w1) ** 2 + 100 * (w2 - w1 * w1) ** 2,
  gradient: (w1, w2) => [-2 * (1 - w1) - 400 * w1 * (w2 - w1 * w1), 200 * (w2 - w1 * w1)],
  hessian: (w1, w2) => [2 - 400 * w2 + 1200 * w1 * w1, -400 * w1, 200],
  valueAndGradientInto(out, w1, w2) {
    out[0] = -2 * (1 - w1) - 400 * w1 * (w2 - w1 * w1);
    out[1] = 200 * (w2 - w1 * w1);
    return (1 - w1) ** 2 + 100 * (w2 - w1 * w1) ** 2;
  },
  viewBox: { w1: [-2, 2], w2: [-1, 3] },
  criticalPoints: [{ kind: 'minimum', at: [1, 1], label: 'global minimum' }],
  defaultStart: [-1.5, 1.5],
  starts: [
    [-1.2, 1], // Rosenbrock's own start
    [1.5, -0.5],
    [-0.5, 2.5],
  ],
  contourScale: 'log',
};
