/**
 * A cliff for the gradient-clipping demo (lecture 002, "Exploding gradients due to cliffs"; Goodfellow,
 * Bengio & Courville, Deep Learning, §8.2.4 and §10.11.1; Pascanu, Mikolov & Bengio 2013):
 *   f = ½(w1 − 1.5)² + ½w2² + 50·(1 + √((w1 − 0.5)² + ε²) − √((w1 + 0.5)² + ε²)),  ε = 0.01.
 * The second part is a smoothed clamp (C^∞, no exp, so it cannot overflow in float32): a plateau of
 * height 100 for w1 < −0.5, a cliff face of slope −100 on −0.5 < w1 < 0.5 (softened over ±ε at its edges)
 * and 0 beyond. The bowl pulls every start on the plateau towards the cliff; a step that lands on the face
 * gets a gradient of ≈ 100 and plain gradient descent is thrown ≈ 100·η to the right (≈ 10 for η = 0.1),
 * while clipping the gradient norm to 1 walks down the face in steps of at most η. (A step that happens to
 * land within ~ε of the top edge gets only part of the slope; for most η in [0.05, 0.3] the throw is full.)
 */
import type { Surface } from '../types';

const HALF_SLOPE = 50;
const EDGE = 0.5;
const EPSILON_SQUARED = 1e-4;

const softDistance = (x: number): number => Math.sqrt(x * x + EPSILON_SQUARED);

export const cliff: Surface = {
  id: 'cliff',
  name: 'Cliff',
  formula:
    '\\tfrac{1}{2}(w_1 - 1.5)^2 + \\tfrac{1}{2} w_2^2 + 50\\left(1 + \\sqrt{(w_1 - 0.5)^2 + 10^{-4}} - \\sqrt{(w_1 + 0.5)^2 + 10^{-4}}\\right)',
  expression:
    '0.5*(w1 - 1.5)^2 + 0.5*w2^2 + 50*(1 + sqrt((w1 - 0.5)^2 + 0.0001) - sqrt((w1 + 0.5)^2 + 0.0001))',
  description:
    'A gentle bowl cut by a cliff of slope 100: a step that lands on the cliff face throws plain gradient descent far away, while clipping the gradient norm walks it down safely.',
  value: (w1, w2) =>
    0.5 * (w1 - 1.5) ** 2 +
    0.5 * w2 * w2 +
    HALF_SLOPE * (1 + softDistance(w1 - EDGE) - softDistance(w1 + EDGE)),
  gradient: (w1, w2) => [
    w1 - 1.5 + HALF_SLOPE * ((w1 - EDGE) / softDistance(w1 - EDGE) - (w1 + EDGE) / softDistance(w1 + EDGE)),
    w2,
  ],
  // d/dx (x/√(x² + ε²)) = ε²/(x² + ε²)^(3/2)
  hessian: (w1) => [
    1 + HALF_SLOPE * EPSILON_SQUARED * (softDistance(w1 - EDGE) ** -3 - softDistance(w1 + EDGE) ** -3),
    0,
    1,
  ],
  viewBox: { w1: [-3, 3], w2: [-2, 2] },
  // The cliff's tail nudges the bowl's minimum from w1 = 1.5 (Newton's method on the analytic gradient).
  criticalPoints: [{ kind: 'minimum', at: [1.50186668328202, 0], label: 'global minimum' }],
  defaultStart: [-2.5, 1.5],
  starts: [
    [-2.5, -1.5],
    [-1, 0.2],
    [2.5, 1.5], // below the cliff: an ordinary bowl
  ],
  contourScale: 'log',
};
