/**
 * torch.optim.Adagrad (Duchi et al., 2011), lecture 002's r and effective rate η/(δ+√r):
 *   η̃ = η/(1+(t−1)·decay);  r ← r + g²;  w ← w − η̃·g/(√r+ε)
 * r only grows, so the effective learning rate only shrinks.
 */
import {
  epsParam,
  lrParam,
  map2,
  num,
  weightDecayLine,
  weightDecayParam,
  withWeightDecay,
  type OptimizerSpec,
} from './spec';

interface AdagradState {
  sum: [number, number];
}

export const Adagrad: OptimizerSpec<AdagradState> = {
  type: 'Adagrad',
  label: 'AdaGrad',
  family: 'adaptive',
  description:
    'Divides each coordinate’s step by the root of its summed squared gradients: steep directions slow down, flat ones speed up — and every rate only shrinks.',
  equations: (hp) => [
    ...weightDecayLine(hp),
    ...(num(hp, 'lr_decay') > 0 ? ['\\tilde\\eta_t = \\frac{\\eta}{1 + (t-1)\\,\\text{decay}}'] : []),
    `r_t = r_{t-1} + g_t^2 \\quad (r_0 = ${num(hp, 'initial_accumulator_value')})`,
    `w_{t+1} = w_t - \\frac{${num(hp, 'lr_decay') > 0 ? '\\tilde\\eta_t' : '\\eta'}}{\\sqrt{r_t} + \\epsilon}\\, g_t`,
  ],
  lectureForm: () => ({
    lecture: '001',
    equations: [
      'G^{(t+1)} = G^{(t)} + g_t^2',
      'w^{(t+1)} = w^{(t)} - \\frac{\\eta}{\\sqrt{G^{(t+1)}} + 10^{-7}} \\odot g_t',
    ],
    note: 'G is r; the lectures’ δ = 10⁻⁷ is torch’s eps (default 10⁻¹⁰). The same rule.',
  }),
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
