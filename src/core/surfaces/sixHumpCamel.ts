/**
 * Six-hump camel function (Surjanovic & Bingham, Virtual Library of Simulation Experiments, "Six-Hump Camel
 * Function"): f = (4 − 2.1·w1² + w1⁴/3)·w1² + w1·w2 + (−4 + 4·w2²)·w2², global minimum ≈ −1.0316 at
 * ±(0.0898, −0.7126). The critical points were computed by Newton's method on the analytic gradient.
 */
import type { Surface } from '../types';

export const sixHumpCamel: Surface = {
  id: 'six-hump-camel',
  name: 'Six-hump camel',
  formula:
    '\\left(4 - 2.1 w_1^2 + \\tfrac{1}{3} w_1^4\\right) w_1^2 + w_1 w_2 + \\left(-4 + 4 w_2^2\\right) w_2^2',
  expression: '(4 - 2.1*w1^2 + w1^4/3)*w1^2 + w1*w2 + (-4 + 4*w2^2)*w2^2',
  description:
    'Six minima, two of them global, separated by saddles: start points close together can end in different basins.',
  value: (w1, w2) => {
    const s = w1 * w1;
    const t = w2 * w2;
    return (4 - 2.1 * s + (s * s) / 3) * s + w1 * w2 + (-4 + 4 * t) * t;
  },
  gradient: (w1, w2) => [8 * w1 - 8.4 * w1 ** 3 + 2 * w1 ** 5 + w2, w1 - 8 * w2 + 16 * w2 ** 3],
  hessian: (w1, w2) => [8 - 25.2 * w1 * w1 + 10 * w1 ** 4, 1, -8 + 48 * w2 * w2],
  valueAndGradientInto(out, w1, w2) {
    out[0] = 8 * w1 - 8.4 * w1 ** 3 + 2 * w1 ** 5 + w2;
    out[1] = w1 - 8 * w2 + 16 * w2 ** 3;
    const s = w1 * w1;
    const t = w2 * w2;
    return (4 - 2.1 * s + (s * s) / 3) * s + w1 * w2 + (-4 + 4 * t) * t;
  },
  viewBox: { w1: [-2.2, 2.2], w2: [-1.2, 1.2] },
  criticalPoints: [
    { kind: 'minimum', at: [0.08984201310031807, -0.7126564030207396], label: 'global minimum' },
    { kind: 'minimum', at: [-0.08984201310031807, 0.7126564030207396], label: 'global minimum' },
    { kind: 'minimum', at: [-1.703606714969981, 0.7960835686726251], label: 'local minimum' },
    { kind: 'minimum', at: [1.703606714969981, -0.7960835686726251], label: 'local minimum' },
    { kind: 'minimum', at: [-1.607104752920197, -0.5686514548841313], label: 'local minimum' },
    { kind: 'minimum', at: [1.607104752920197, 0.5686514548841313], label: 'local minimum' },
    { kind: 'saddle', at: [0, 0] },
    { kind: 'saddle', at: [-1.109205336804786, 0.7682680925095399] },
    { kind: 'saddle', at: [1.109205336804786, -0.7682680925095399] },
    { kind: 'saddle', at: [-1.638067984189779, -0.2286740690443941] },
    { kind: 'saddle', at: [1.638067984189779, 0.2286740690443941] },
    { kind: 'saddle', at: [-1.296070267167109, -0.6050843880386585] },
    { kind: 'saddle', at: [1.296070267167109, 0.6050843880386585] },
    { kind: 'maximum', at: [1.230229876516653, 0.162334584458995], label: 'local maximum' },
    { kind: 'maximum', at: [-1.230229876516653, -0.162334584458995], label: 'local maximum' },
  ],
  // Gradient descent from here settles in a local minimum next to a global one.
  defaultStart: [-1.2, 0.2],
  starts: [
    [0, 0.1], // these two start 0.2 apart, either side of the saddle, and end in different global minima
    [0, -0.1],
    [-1.6, -1], // into the highest local minimum
  ],
  contourScale: 'linear',
};
