/**
 * torch.optim.RAdam (Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and Beyond",
 * Algorithm 2): Adam whose adaptive rate is switched on only once the variance of v̂ is tractable.
 *   ρ∞ = 2/(1−β₂) − 1;  ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ);  if ρₜ > 5: w ← w − η·rₜ·m̂/(√v̂+ε), else w ← w − η·m̂
 *   rₜ = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ))
 * torch 1.13 and the current torch documentation agree for these keys (the later decoupled_weight_decay
 * option is not offered).
 */
import { when } from './rule';
import { elementwiseSpec } from './ruleStep';
import { betasParam, epsParam, lrParam, weightDecayLine, weightDecayParam } from './spec';

export const RAdam = elementwiseSpec({
  type: 'RAdam',
  label: 'RAdam',
  family: 'adaptive',
  description:
    'Rectified Adam: momentum SGD with bias-corrected m until enough steps make the variance of v̂ tractable (ρₜ > 5), then Adam scaled by a rectification factor that grows towards 1.',
  equations: (hp) => [
    ...weightDecayLine(hp),
    'm_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\, g_t, \\quad v_t = \\beta_2 v_{t-1} + (1-\\beta_2)\\, g_t^2',
    '\\rho_\\infty = \\frac{2}{1-\\beta_2} - 1, \\quad \\rho_t = \\rho_\\infty - \\frac{2t\\,\\beta_2^t}{1-\\beta_2^t}',
    'r_t = \\sqrt{\\frac{(\\rho_t-4)(\\rho_t-2)\\,\\rho_\\infty}{(\\rho_\\infty-4)(\\rho_\\infty-2)\\,\\rho_t}}',
    'w_{t+1} = w_t - \\eta\\, \\frac{m_t}{1-\\beta_1^t} \\cdot \\begin{cases} r_t \\frac{\\sqrt{1-\\beta_2^t}}{\\sqrt{v_t} + \\epsilon} & \\rho_t > 5 \\\\ 1 & \\text{otherwise} \\end{cases}',
  ],
  second: {
    column: 'betas[1]',
    spacing: 'oneMinusLog',
    min: 0.5,
    max: 0.9999,
    compared: [0.9, 0.99, 0.999, 0.9999],
  },
  paritySettings: { lr: 1e-3 },
  hyperparameters: [lrParam(1e-3), betasParam, epsParam(1e-8), weightDecayParam()],
  accumulators: [
    { key: 'm', label: 'm (first moment)', help: 'exponentially weighted average of gradients', moment: 'm' },
    { key: 'v', label: 'v (second moment)', help: 'exponentially weighted average of squared gradients' },
  ],
  rule: {
    aliases: { beta1: 'betas[0]', beta2: 'betas[1]', decay: 'weight_decay' },
    state: { m: '0', v: '0' },
    step: [
      when('decay != 0', 'g = g + decay * w'),
      'm = beta1 * m + (1 - beta1) * g',
      'v = beta2 * v + (1 - beta2) * g * g',
      'first_correction = 1 - pow(beta1, t)',
      'second_correction = 1 - pow(beta2, t)',
      'rho_inf = 2 / (1 - beta2) - 1',
      'rho = rho_inf - 2 * t * pow(beta2, t) / second_correction',
      // The rectification exists only for ρₜ > 5 (below 4 its root is of a negative number).
      'rectification = 1',
      when(
        'rho > 5',
        'rectification = sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))',
      ),
      'effective_lr = rho > 5 ? lr * rectification * sqrt(second_correction) / (sqrt(v) + eps) : lr',
      'update = -effective_lr * m / first_correction',
    ],
  },
});
