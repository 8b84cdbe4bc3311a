/**
 * torch.optim.Adagrad (Duchi et al., 2011), lecture 002's r and effective rate η/(δ+√r):
 *   η̃ = η/(1+(t−1)·decay);  r ← r + g²;  w ← w − η̃·g/(√r+ε)
 * r only grows, so the effective learning rate only shrinks.
 */
import { when } from './rule';
import { elementwiseSpec } from './ruleStep';
import { epsParam, lrParam, num, weightDecayLine, weightDecayParam } from './spec';

export const Adagrad = elementwiseSpec({
  type: 'Adagrad',
  lrViewFraction: 0.1,
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
  second: { column: 'lr_decay', spacing: 'log', min: 1e-4, max: 1, compared: [0, 0.001, 0.01] },
  paritySettings: { lr: 0.1 },
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
  rule: {
    aliases: { decay: 'weight_decay', initial: 'initial_accumulator_value' },
    state: { r: 'initial' },
    step: [
      when('decay != 0', 'g = g + decay * w'),
      'clr = lr / (1 + (t - 1) * lr_decay)',
      'r = r + g * g',
      'effective_lr = clr / (sqrt(r) + eps)',
      'update = -effective_lr * g',
    ],
  },
});
