/**
 * Random search, lecture 000's "very bad idea", in its two forms. Local (the default): propose w + η·z with
 * z ~ N(0, I) and keep it only if the loss is lower — a walk from the start. Global (`global_search`, the
 * lecture's own loop): draw fresh weights η·z each step, as its `W = np.random.randn(...) * 0.0001`, and keep
 * the best seen. Seeded, so every run reproduces. It needs no gradient — and shows why we want one.
 */
import { bool, lrParam, type OptimizerSpec } from './spec';

export const RandomSearch: OptimizerSpec<Record<string, never>> = {
  type: 'RandomSearch',
  label: 'Random search',
  family: 'baseline',
  description:
    'No gradient used. Local (default): tries a random nearby point each step and keeps it if the loss is lower. Global (lecture 000): draws fresh random weights each step and keeps the best.',
  equations: (hp) => [
    bool(hp, 'global_search')
      ? '\\tilde w = \\eta z,\\ z \\sim \\mathcal N(0, I) \\quad \\text{(fresh weights)}'
      : '\\tilde w = w_t + \\eta z,\\ z \\sim \\mathcal N(0, I) \\quad \\text{(a nearby point)}',
    'w_{t+1} = \\tilde w \\text{ if } L(\\tilde w) < L(w_t) \\text{, else } w_t',
  ],
  paritySettings: { lr: 0.05 },
  hyperparameters: [
    lrParam(0.1, 10),
    {
      key: 'global_search',
      kind: 'boolean',
      label: 'global: fresh weights (lecture 000)',
      default: false,
      help: 'lecture 000 draws new weights each step and keeps the best; off: a random step from the current point',
    },
  ],
  accumulators: [],
  init: () => ({}),
  step({ t, lr, w, loss, oracle, random, hp }) {
    // Box–Muller from four counter-based uniforms per step.
    const radius1 = Math.sqrt(-2 * Math.log(random(4 * t)));
    const radius2 = Math.sqrt(-2 * Math.log(random(4 * t + 2)));
    const z: [number, number] = [
      radius1 * Math.cos(2 * Math.PI * random(4 * t + 1)),
      radius2 * Math.cos(2 * Math.PI * random(4 * t + 3)),
    ];
    if (bool(hp, 'global_search')) {
      const fresh: [number, number] = [lr * z[0], lr * z[1]];
      const better = oracle.value(fresh[0], fresh[1]) < loss;
      return {
        update: better ? [fresh[0] - w[0], fresh[1] - w[1]] : [0, 0],
        effectiveLr: [Number.NaN, Number.NaN],
      };
    }
    const candidate: [number, number] = [w[0] + lr * z[0], w[1] + lr * z[1]];
    const accepted = oracle.value(candidate[0], candidate[1]) < loss;
    return {
      update: accepted ? [lr * z[0], lr * z[1]] : [0, 0],
      effectiveLr: [Number.NaN, Number.NaN],
    };
  },
  readAccumulators: () => [],
};
