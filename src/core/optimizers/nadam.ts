/**
 * torch.optim.NAdam (Dozat 2016): Adam with Nesterov momentum and a momentum warm-up schedule
 *   μₜ = β₁(1 − ½·0.96^{tψ});  w ← w − η(1−μₜ)/(1−∏μ)·g/d − ημₜ₊₁/(1−∏μ·μₜ₊₁)·m/d,  d = √(v/(1−β₂ᵗ)) + ε
 */
import { when } from './rule';
import { elementwiseSpec } from './ruleStep';
import { betasParam, epsParam, lrParam, weightDecayParam } from './spec';

export const NAdam = elementwiseSpec({
  type: 'NAdam',
  lrViewFraction: 0.025,
  label: 'NAdam',
  family: 'adaptive',
  description: 'Adam whose momentum looks ahead like Nesterov’s, with a slowly warming momentum coefficient.',
  equations: [
    '\\mu_t = \\beta_1 (1 - \\tfrac12 0.96^{t\\psi})',
    'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t,\\ v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2',
    'w_{t+1} = w_t - \\eta \\frac{1-\\mu_t}{1-\\prod\\mu} \\frac{g_t}{d_t} - \\eta \\frac{\\mu_{t+1}}{1-\\prod\\mu\\,\\mu_{t+1}} \\frac{m_t}{d_t}',
  ],
  second: {
    column: 'betas[1]',
    spacing: 'oneMinusLog',
    min: 0.5,
    max: 0.9999,
    compared: [0.9, 0.99, 0.999, 0.9999],
  },
  paritySettings: { lr: 0.05 },
  hyperparameters: [
    lrParam(2e-3),
    betasParam,
    epsParam(1e-8),
    weightDecayParam(),
    {
      key: 'momentum_decay',
      kind: 'number',
      label: 'momentum decay ψ',
      default: 4e-3,
      min: 0,
      max: 1,
      scale: 'linear',
    },
  ],
  accumulators: [
    { key: 'm', label: 'm (first moment)', help: 'exponentially weighted average of gradients', moment: 'm' },
    { key: 'v', label: 'v (second moment)', help: 'exponentially weighted average of squared gradients' },
  ],
  rule: {
    aliases: { beta1: 'betas[0]', beta2: 'betas[1]', decay: 'weight_decay', psi: 'momentum_decay' },
    state: { m: '0', v: '0', mu_product: { scalar: '1' } },
    step: [
      when('decay != 0', 'g = g + decay * w'),
      'mu = beta1 * (1 - 0.5 * pow(0.96, t * psi))',
      'mu_next = beta1 * (1 - 0.5 * pow(0.96, (t + 1) * psi))',
      'mu_product = mu_product * mu',
      'm = beta1 * m + (1 - beta1) * g',
      'v = beta2 * v + (1 - beta2) * g * g',
      'second_correction = 1 - pow(beta2, t)',
      'denominator = sqrt(v / second_correction) + eps',
      'gradient_weight = lr * (1 - mu) / (1 - mu_product)',
      'momentum_weight = lr * mu_next / (1 - mu_product * mu_next)',
      'update = -(gradient_weight * g + momentum_weight * m) / denominator',
      'effective_lr = lr / denominator',
    ],
  },
});
