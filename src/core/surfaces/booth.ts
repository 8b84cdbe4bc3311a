/**
 * Booth function (Surjanovic & Bingham, Virtual Library of Simulation Experiments, "Booth Function"):
 * f = (w1 + 2·w2 − 7)² + (2·w1 + w2 − 5)², minimum 0 at (1, 3). Constant Hessian [[10, 8], [8, 10]] with
 * eigenvalues 18 and 2 along the diagonals.
 */
import type { Surface } from '../types';

export const booth: Surface = {
  id: 'booth',
  name: 'Booth',
  formula: '(w_1 + 2 w_2 - 7)^2 + (2 w_1 + w_2 - 5)^2',
  expression: '(w1 + 2*w2 - 7)^2 + (2*w1 + w2 - 5)^2',
  description:
    'A bowl whose ravine runs diagonally (condition number 9), so scaling each coordinate separately cannot undo its conditioning.',
  value: (w1, w2) => (w1 + 2 * w2 - 7) ** 2 + (2 * w1 + w2 - 5) ** 2,
  gradient: (w1, w2) => [10 * w1 + 8 * w2 - 34, 8 * w1 + 10 * w2 - 38],
  hessian: () => [10, 8, 10],
  valueAndGradientInto(out, w1, w2) {
    out[0] = 10 * w1 + 8 * w2 - 34;
    out[1] = 8 * w1 + 10 * w2 - 38;
    return (w1 + 2 * w2 - 7) ** 2 + (2 * w1 + w2 - 5) ** 2;
  },
  viewBox: { w1: [-4, 6], w2: [-2, 8] },
  criticalPoints: [{ kind: 'minimum', at: [1, 3], label: 'global minimum' }],
  // Mostly along the shallow diagonal with a little of the steep one, so the zigzag shows.
  defaultStart: [-3, 6],
  starts: [
    [5, 7], // along the steep diagonal
    [5, -1.5],
    [-3, -1],
  ],
  contourScale: 'log',
};
