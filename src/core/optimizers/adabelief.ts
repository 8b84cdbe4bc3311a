/**
 * AdaBelief (Zhuang et al. 2020, "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed
 * Gradients", Algorithm 2; keys lr, betas, eps, weight_decay): Adam whose second moment is the variance
 * of g around its prediction m, so steps are large where the gradient is as predicted.
 *   m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)(g−m)² + ε;  w ← w − η·m̂/(√ŝ + ε)
 * ε is added to s each step as in Algorithm 2 (and the authors' adabelief-pytorch). Weight decay is
 * decoupled, w ← w(1 − ηλ), the authors' default (weight_decouple=True); Algorithm 2 itself has none.
 * eps defaults to the authors' 1e-16 (their equivalent of Adam's 1e-8).
 */
import { elementwiseSpec } from './ruleStep';
import { betasParam, epsParam, lrParam, num, weightDecayParam } from './spec';

export const AdaBelief = elementwiseSpec({
  type: 'AdaBelief',
  lrViewFraction: 0.025,
  label: 'AdaBelief',
  family: 'adaptive',
  description:
    'Adam that divides by the spread of g around its running mean m (its “belief”) rather than by the size of g: a steady gradient, however large, gets a large step.',
  equations: (hp) => [
    ...(num(hp, 'weight_decay') > 0 ? ['w_t \\leftarrow w_t\\,(1 - \\eta\\lambda)'] : []),
    'm_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\, g_t',
    's_t = \\beta_2 s_{t-1} + (1-\\beta_2)\\,(g_t - m_t)^2 + \\epsilon',
    'w_{t+1} = w_t - \\eta\\, \\frac{m_t/(1-\\beta_1^t)}{\\sqrt{s_t/(1-\\beta_2^t)} + \\epsilon}',
  ],
  second: {
    column: 'betas[1]',
    spacing: 'oneMinusLog',
    min: 0.5,
    max: 0.9999,
    compared: [0.9, 0.99, 0.999, 0.9999],
  },
  paritySettings: { lr: 0.05 },
  hyperparameters: [lrParam(1e-3), betasParam, epsParam(1e-16), weightDecayParam()],
  accumulators: [
    { key: 'm', label: 'm (first moment)', help: 'exponentially weighted average of gradients', moment: 'm' },
    { key: 's', label: 's (belief)', help: 'exponentially weighted average of (g − m)², plus ε' },
  ],
  rule: {
    aliases: { beta1: 'betas[0]', beta2: 'betas[1]', decay: 'weight_decay' },
    state: { m: '0', s: '0' },
    step: [
      'm = beta1 * m + (1 - beta1) * g',
      's = beta2 * s + (1 - beta2) * (g - m) * (g - m) + eps',
      'first_correction = 1 - pow(beta1, t)',
      'second_correction = 1 - pow(beta2, t)',
      'effective_lr = lr / (sqrt(s / second_correction) + eps)',
      'update = -effective_lr * m / first_correction - lr * decay * w',
    ],
  },
});
