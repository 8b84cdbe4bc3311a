/**
 * torch.optim.Adamax (Kingma & Ba 2015, §7.1): Adam with the infinity norm in place of √v.
 *   m ← β₁m + (1−β₁)g;  u ← max(β₂u, |g|+ε);  w ← w − η/(1−β₁ᵗ)·m/u
 */
import { when } from './rule';
import { elementwiseSpec } from './ruleStep';
import { betasParam, epsParam, lrParam, weightDecayParam } from './spec';

export const Adamax = elementwiseSpec({
  type: 'Adamax',
  lrViewFraction: 0.025,
  label: 'Adamax',
  family: 'adaptive',
  description: 'Adam with the running maximum of |g| in place of the root mean square.',
  equations: [
    'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t',
    'u_t = \\max(\\beta_2 u_{t-1}, |g_t| + \\epsilon)',
    'w_{t+1} = w_t - \\frac{\\eta}{1-\\beta_1^t} m_t / u_t',
  ],
  second: {
    column: 'betas[1]',
    spacing: 'oneMinusLog',
    min: 0.5,
    max: 0.9999,
    compared: [0.9, 0.99, 0.999, 0.9999],
  },
  paritySettings: { lr: 0.05 },
  hyperparameters: [lrParam(2e-3), betasParam, epsParam(1e-8), weightDecayParam()],
  accumulators: [
    { key: 'm', label: 'm (first moment)', help: 'exponentially weighted average of gradients', moment: 'm' },
    { key: 'u', label: 'u (infinity norm)', help: 'decaying maximum of |g|' },
  ],
  rule: {
    aliases: { beta1: 'betas[0]', beta2: 'betas[1]', decay: 'weight_decay' },
    state: { m: '0', u: '0' },
    step: [
      when('decay != 0', 'g = g + decay * w'),
      'm = beta1 * m + (1 - beta1) * g',
      'u = max(beta2 * u, abs(g) + eps)',
      'first_correction = 1 - pow(beta1, t)',
      'effective_lr = lr / u',
      'update = -effective_lr * m / first_correction',
    ],
  },
});
