/**
 * torch.optim.Rprop (Riedmiller & Braun 1993, resilient backpropagation, in torch's form without
 * weight backtracking): only the sign of each gradient coordinate is used. Its step size grows by η₊
 * while the sign holds and shrinks by η₋ when it flips; after a flip that coordinate skips one step.
 *   s ← clamp(s·η₊ if g·g_prev > 0, s·η₋ if < 0, s if = 0);  g ← 0 where it flipped;  w ← w − sign(g)·s
 * The step sizes start at η. torch 1.13 and the current torch documentation agree.
 */
import { elementwiseSpec } from './ruleStep';
import { lrParam, pair } from './spec';

export const Rprop = elementwiseSpec({
  type: 'Rprop',
  label: 'Rprop',
  family: 'adaptive',
  description:
    'Uses only the sign of each gradient coordinate. Its own step size per coordinate grows while the sign holds and shrinks when it flips, so the gradient’s magnitude never matters.',
  equations: [
    's_t = \\operatorname{clamp}\\Big(s_{t-1} \\cdot \\begin{cases} \\eta_+ & g_t g_{t-1} > 0 \\\\ \\eta_- & g_t g_{t-1} < 0 \\\\ 1 & \\text{otherwise} \\end{cases},\\ s_{\\min},\\ s_{\\max}\\Big) \\quad (s_0 = \\eta)',
    'g_t \\leftarrow 0 \\ \\text{where}\\ g_t g_{t-1} < 0',
    'w_{t+1} = w_t - \\operatorname{sign}(g_t)\\, s_t',
  ],
  second: { column: 'etas[1]', spacing: 'linear', min: 1.01, max: 2, compared: [1.1, 1.2, 1.5] },
  paritySettings: { lr: 0.01 },
  hyperparameters: [
    lrParam(1e-2),
    {
      key: 'etas',
      kind: 'pair',
      label: 'etas',
      labels: ['η₋ (shrink on a flip)', 'η₊ (grow while the sign holds)'],
      default: [0.5, 1.2],
      min: 0,
      max: 10,
      scale: 'linear',
    },
    {
      key: 'step_sizes',
      kind: 'pair',
      label: 'step sizes',
      labels: ['smallest step', 'largest step'],
      default: [1e-6, 50],
      min: 0,
      max: 1000,
      scale: 'log',
    },
  ],
  accumulators: [
    { key: 'step_size', label: 'step size s', help: 'each coordinate’s own step length' },
    { key: 'prev', label: 'previous g', help: 'the gradient of the last step (0 after a sign flip)' },
  ],
  validate(hp) {
    // torch.optim.Rprop: "Invalid eta values", 0 < etaminus < 1 < etaplus.
    const [minus, plus] = pair(hp, 'etas');
    if (!(minus > 0 && minus < 1 && plus > 1))
      return { field: 'etas', message: 'Rprop needs 0 < η₋ < 1 < η₊' };
    const [smallest, largest] = pair(hp, 'step_sizes');
    if (!(smallest <= largest))
      return { field: 'step_sizes', message: 'the smallest step must not exceed the largest' };
    return null;
  },
  rule: {
    aliases: {
      eta_minus: 'etas[0]',
      eta_plus: 'etas[1]',
      step_min: 'step_sizes[0]',
      step_max: 'step_sizes[1]',
    },
    state: { step_size: '0', prev: '0' },
    step: [
      // torch starts every step size at the learning rate of the first step.
      'step_size = t == 1 ? lr : step_size',
      // A condition must be one scalar, so the per-coordinate cases are written with sign(): each of
      // grows and flipped is exactly 0 or 1.
      'agreement = sign(g * prev)',
      'grows = max(agreement, 0)',
      'flipped = max(-agreement, 0)',
      'factor = grows * eta_plus + flipped * eta_minus + (1 - grows - flipped)',
      'step_size = min(max(step_size * factor, step_min), step_max)',
      'g = g * (1 - flipped)',
      'prev = g',
      'update = -sign(g) * step_size',
      'effective_lr = step_size',
    ],
  },
});
