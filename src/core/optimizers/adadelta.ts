/**
 * torch.optim.Adadelta (Zeiler 2012): a unit-correct ratio of running RMS of updates and gradients.
 *   r ← ρr + (1−ρ)g²;  Δ = √(a+ε)/√(r+ε)·g;  a ← ρa + (1−ρ)Δ²;  w ← w − ηΔ
 */
import { when } from './rule';
import { elementwiseSpec } from './ruleStep';
import { epsParam, lrParam, weightDecayParam } from './spec';

export const Adadelta = elementwiseSpec({
  type: 'Adadelta',
  label: 'Adadelta',
  family: 'adaptive',
  description: 'Scales each step by the ratio of the running RMS of past updates to that of gradients.',
  equations: [
    'r_t = \\rho r_{t-1} + (1-\\rho) g_t^2',
    '\\Delta_t = \\sqrt{a_{t-1}+\\epsilon} / \\sqrt{r_t+\\epsilon}\\; g_t',
    'a_t = \\rho a_{t-1} + (1-\\rho) \\Delta_t^2,\\ w_{t+1} = w_t - \\eta \\Delta_t',
  ],
  second: { column: 'rho', spacing: 'oneMinusLog', min: 0.5, max: 0.9999, compared: [0.9, 0.95, 0.99] },
  paritySettings: { lr: 1 },
  hyperparameters: [
    lrParam(1.0),
    { key: 'rho', kind: 'number', label: 'ρ', default: 0.9, min: 0, max: 0.9999, scale: 'linear' },
    epsParam(1e-6),
    weightDecayParam(),
  ],
  accumulators: [
    { key: 'r', label: 'r (average of g²)', help: 'running average of squared gradients' },
    { key: 'a', label: 'a (average of Δ²)', help: 'running average of squared updates' },
  ],
  rule: {
    aliases: { decay: 'weight_decay' },
    state: { r: '0', a: '0' },
    step: [
      when('decay != 0', 'g = g + decay * w'),
      'r = rho * r + (1 - rho) * g * g',
      'ratio = sqrt(a + eps) / sqrt(r + eps)',
      'delta = ratio * g',
      'a = rho * a + (1 - rho) * delta * delta',
      'update = -lr * delta',
      'effective_lr = lr * ratio',
    ],
  },
});
