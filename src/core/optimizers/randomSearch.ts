/**
 * Random local search: propose w + η·z with z ~ N(0, I) and keep it only if the loss is lower. Seeded, so
 * every run reproduces. It needs no gradient — and shows why we want one. (Lecture 000's "very bad idea"
 * is the global variant: fresh random weights each time, keeping the best; this one walks from the start.)
 */
import { lrParam, type OptimizerSpec } from './spec';

export const RandomSearch: OptimizerSpec<Record<string, never>> = {
  type: 'RandomSearch',
  label: 'Random local search',
  family: 'baseline',
  description:
    'Random local search: tries a random nearby point each step and keeps it if the loss is lower. No gradient used. (Lecture 000’s random search draws fresh random weights instead of nearby ones.)',
  equations: [
    '\\tilde w = w_t + \\eta z,\\ z \\sim \\mathcal N(0, I)',
    'w_{t+1} = \\tilde w \\text{ if } L(\\tilde w) < L(w_t)',
  ],
  paritySettings: { lr: 0.05 },
  hyperparameters: [lrParam(0.1, 10)],
  accumulators: [],
  init: () => ({}),
  step({ t, lr, w, loss, oracle, random }) {
    // Box–Muller from four counter-based uniforms per step.
    const radius1 = Math.sqrt(-2 * Math.log(random(4 * t)));
    const radius2 = Math.sqrt(-2 * Math.log(random(4 * t + 2)));
    const z: [number, number] = [
      radius1 * Math.cos(2 * Math.PI * random(4 * t + 1)),
      radius2 * Math.cos(2 * Math.PI * random(4 * t + 3)),
    ];
    const candidate: [number, number] = [w[0] + lr * z[0], w[1] + lr * z[1]];
    const accepted = oracle.value(candidate[0], candidate[1]) < loss;
    return {
      update: accepted ? [lr * z[0], lr * z[1]] : [0, 0],
      effectiveLr: [Number.NaN, Number.NaN],
    };
  },
  readAccumulators: () => [],
};
