/**
 * Himmelblau's function (Himmelblau 1972; Wikipedia, "Himmelblau's function"):
 * f = (w1² + w2 − 11)² + (w1 + w2² − 7)², four minima of value 0. The non-integer critical points were
 * computed by Newton's method on the analytic gradient to machine precision.
 */
import type { Surface } from '../types';

export const himmelblau: Surface = {
  id: 'himmelblau',
  name: 'Himmelblau',
  formula: '(w_1^2 + w_2 - 11)^2 + (w_1 + w_2^2 - 7)^2',
  expression: '(w1^2 + w2 - 11)^2 + (w1 + w2^2 - 7)^2',
  description:
    'Four equally deep minima: which one an optimizer reaches depends on where it starts and how it moves.',
  value: (w1, w2) => (w1 * w1 + w2 - 11) ** 2 + (w1 + w2 * w2 - 7) ** 2,
  gradient: (w1, w2) => {
    const a = w1 * w1 + w2 - 11;
    const b = w1 + w2 * w2 - 7;
    return [4 * w1 * a + 2 * b, 2 * a + 4 * w2 * b];
  },
  hessian: (w1, w2) => [12 * w1 * w1 + 4 * w2 - 42, 4 * (w1 + w2), 12 * w2 * w2 + 4 * w1 - 26],
  valueAndGradientInto(out, w1, w2) {
    const a = w1 * w1 + w2 - 11;
    const b = w1 + w2 * w2 - 7;
    out[0] = 4 * w1 * a + 2 * b;
    out[1] = 2 * a + 4 * w2 * b;
    return (w1 * w1 + w2 - 11) ** 2 + (w1 + w2 * w2 - 7) ** 2;
  },
  viewBox: { w1: [-5, 5], w2: [-5, 5] },
  criticalPoints: [
    { kind: 'minimum', at: [3, 2], label: 'global minimum' },
    { kind: 'minimum', at: [-2.805118086952745, 3.131312518250573], label: 'global minimum' },
    { kind: 'minimum', at: [-3.779310253377747, -3.283185991286169], label: 'global minimum' },
    { kind: 'minimum', at: [3.584428340330492, -1.848126526964404], label: 'global minimum' },
    { kind: 'maximum', at: [-0.2708445906673476, -0.9230385564799815], label: 'local maximum' },
    { kind: 'saddle', at: [3.385154183607021, 0.0738518798377493] },
    { kind: 'saddle', at: [0.08667750455539636, 2.884254701174776] },
    { kind: 'saddle', at: [-3.07302575076439, -0.08135304428796751] },
    { kind: 'saddle', at: [-0.1279613467306801, -1.953714980244577] },
  ],
  defaultStart: [0, 0],
  // Each start below reaches a different minimum by gradient descent; from (1, −1) Adam and SGD disagree.
  starts: [
    [-0.5, 0],
    [-1, -1],
    [1, -1],
  ],
  contourScale: 'log',
};
