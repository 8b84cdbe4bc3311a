/**
 * torch.optim.ASGD (Polyak & Juditsky 1992; torch's form after Bottou's SGD-QN notes): SGD with a
 * decaying rate and an average ā of the iterates, started at step t₀.
 *   w ← w(1 − λη_t) − η_t·g;  ā ← ā + μ_t(w − ā);  η_{t+1} = η/(1+λη t)^α;  μ_{t+1} = 1/max(1, t − t₀)
 * The path drawn is the iterate w (what torch's parameter holds); ā is shown as an accumulator.
 * torch 1.13 and the current torch documentation agree.
 */
import { when } from './rule';
import { elementwiseSpec } from './ruleStep';
import { lrParam, weightDecayLine, weightDecayParam } from './spec';

export const ASGD = elementwiseSpec({
  type: 'ASGD',
  label: 'ASGD',
  family: 'gradient descent',
  description:
    'Averaged SGD: plain steps with a slowly decaying rate, while an average of the iterates (from step t₀ on) is kept as the estimate.',
  equations: (hp) => [
    ...weightDecayLine(hp),
    'w_{t+1} = w_t\\,(1 - \\lambda \\eta_t) - \\eta_t\\, g_t \\quad (\\eta_1 = \\eta)',
    '\\bar w_{t+1} = \\bar w_t + \\mu_t\\,(w_{t+1} - \\bar w_t) \\quad (\\mu_1 = 1)',
    '\\eta_{t+1} = \\frac{\\eta}{(1 + \\lambda \\eta\\, t)^{\\alpha}}, \\quad \\mu_{t+1} = \\frac{1}{\\max(1,\\ t - t_0)}',
  ],
  second: { column: 'lambd', spacing: 'log', min: 1e-5, max: 1, compared: [1e-4, 1e-2, 1e-1] },
  paritySettings: { lr: 1e-3 },
  hyperparameters: [
    lrParam(1e-2),
    {
      key: 'lambd',
      kind: 'number',
      label: 'decay term λ',
      default: 1e-4,
      min: 0,
      max: 10,
      scale: 'log',
      help: 'shrinks w by λη each step and sets how fast η decays',
    },
    {
      key: 'alpha',
      kind: 'number',
      label: 'power α',
      default: 0.75,
      min: 0,
      max: 2,
      scale: 'linear',
      help: 'η_t = η/(1+ληt)^α',
    },
    {
      key: 't0',
      kind: 'number',
      label: 'averaging start t₀',
      default: 1e6,
      min: 0,
      max: 1e6,
      scale: 'linear',
      help: 'the average follows w until step t₀, then averages',
    },
    weightDecayParam(),
  ],
  accumulators: [
    { key: 'average', label: 'average ā', help: 'running average of the iterates (from step t₀)' },
  ],
  rule: {
    aliases: { decay: 'weight_decay' },
    state: { average: '0', eta: { scalar: '0' }, mu: { scalar: '1' } },
    step: [
      when('decay != 0', 'g = g + decay * w'),
      // torch's η starts at the learning rate; later steps use the η the previous step computed.
      'eta = t == 1 ? lr : eta',
      'update = -eta * (lambd * w + g)',
      'effective_lr = eta',
      'average = mu != 1 ? average + (w + update - average) * mu : w + update',
      'eta = lr / pow(1 + lambd * lr * t, alpha)',
      'mu = 1 / max(1, t - t0)',
    ],
  },
});
