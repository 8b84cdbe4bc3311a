/**
 * torch.optim.Adagrad (Duchi et al., 2011), lecture 002's r and effective rate η/(δ+√r):
 *   η̃ = η/(1+(t−1)·decay);  r ← r + g²;  w ← w − η̃·g/(√r+ε)
 * r only grows, so the effective learning rate only shrinks.
 */
import { epsParam, lrParam, map2, num, weightDecayParam, withWeightDecay, type OptimizerSpec } from './spec';

interface AdagradState {
  sum: [number, number];
}

export const Adagrad: OptimizerSpec<AdagradState> = {
  type: 'Adagrad',
  label: 'AdaGrad',
  family: 'adaptive',
  description:
    'Divides each coordinate’s step by the root of its summed squared gradients: steep directions slow down, flat ones speed up — and every rate only shrinks.',
  equations: [
    'r_t = r_{t-1} + g_t^2',
    '\\eta_t = \\eta / (\\delta + \\sqrt{r_t})',
    'w_{t+1} = w_t - \\eta_t g_t',
  ],
  hyperparameters: [
    lrParam(1e-2),
    { key: 'lr_decay', kind: 'number', label: 'lr decay', default: 0, min: 0, max: 1, scale: 'linear' },
    weightDecayParam(),
    {
      key: 'initial_accumulator_value',
      kind: 'number',
      label: 'initial r',
      default: 0,
      min: 0,
      max: 10,
      scale: 'linear',
    },
    epsParam(1e-10),
  ],
  accumulators: [{ key: 'r', label: 'r (sum of g²)', help: 'accumulated squared gradients' }],
  init: (hp) => {
    const r0 = num(hp, 'initial_accumulator_value');
    return { sum: [r0, r0] };
  },
  step({ t, lr, w, g: rawGradient, hp, state }) {
    const g = withWeightDecay(rawGradient, w, num(hp, 'weight_decay'));
    const eps = num(hp, 'eps');
    const clr = lr / (1 + (t - 1) * num(hp, 'lr_decay'));
    state.sum = map2(state.sum, (r, i) => r + g[i] * g[i]);
    const effectiveLr = map2(state.sum, (r) => clr / (Math.sqrt(r) + eps));
    return { update: map2(g, (x, i) => -effectiveLr[i] * x), effectiveLr };
  },
  readAccumulators: (state) => [state.sum],
};
