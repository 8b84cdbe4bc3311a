/**
 * Sophia with the exact Hessian diagonal (Liu et al. 2023, "Sophia: A Scalable Stochastic Second-order
 * Optimizer for Language Model Pre-training", Algorithm 3; keys lr, betas, rho, weight_decay as in the
 * authors' SophiaG). The paper estimates diag(∇²L) every k steps (Hutchinson or Gauss-Newton-Bartlett);
 * on a 2-D surface the exact diagonal is at hand, so this is the exact-Hessian variant, updated every step
 * (k = 1):
 *   m ← β₁m + (1−β₁)g;  h ← β₂h + (1−β₂)diag(∇²L(w));  w ← w − ηλw − η·clip(m / max(ρh, ε), 1)
 * with clip(z, 1) = max(−1, min(1, z)) per coordinate and ε = 1e-12 (fixed): where the curvature is
 * negative or tiny the step is a sign step of η. Reading the Hessian needs the surface, so it does not
 * train the Network view's networks.
 */
import { elementwiseSpec } from './ruleStep';
import { lrParam, num, weightDecayParam } from './spec';

export const Sophia = elementwiseSpec({
  type: 'Sophia',
  lrViewFraction: 0.0125,
  label: 'Sophia (exact Hessian)',
  family: 'second order',
  description:
    'Sophia with the exact Hessian diagonal: momentum divided by a running average of the curvature per coordinate, each step clipped to at most η, so it moves like Newton where the surface is convex and like sign descent elsewhere.',
  equations: (hp) => [
    'm_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\, g_t',
    'h_t = \\beta_2 h_{t-1} + (1-\\beta_2)\\, \\operatorname{diag}(\\nabla^2 L(w_t)) \\quad \\text{(exact)}',
    num(hp, 'weight_decay') > 0
      ? 'w_{t+1} = w_t - \\eta\\lambda w_t - \\eta\\, \\operatorname{clip}\\!\\left(\\frac{m_t}{\\max(\\rho\\, h_t, \\epsilon)}, 1\\right)'
      : 'w_{t+1} = w_t - \\eta\\, \\operatorname{clip}\\!\\left(\\frac{m_t}{\\max(\\rho\\, h_t, \\epsilon)}, 1\\right)',
  ],
  second: { column: 'rho', spacing: 'log', min: 1e-3, max: 10, compared: [0.01, 0.04, 0.1, 1] },
  paritySettings: { lr: 0.01 },
  hyperparameters: [
    lrParam(1e-4),
    {
      key: 'betas',
      kind: 'pair',
      label: 'betas',
      labels: ['β₁ (momentum)', 'β₂ (Hessian average)'],
      default: [0.965, 0.99],
      min: 0,
      max: 0.99999,
      scale: 'linear',
    },
    {
      key: 'rho',
      kind: 'number',
      label: 'ρ (clip scale)',
      default: 0.04,
      min: 1e-6,
      max: 100,
      scale: 'log',
      help: 'the curvature is multiplied by ρ before dividing; the ratio is clipped to ±1',
    },
    weightDecayParam(),
  ],
  accumulators: [
    { key: 'm', label: 'm (momentum)', help: 'exponentially weighted average of gradients', moment: 'm' },
    { key: 'h', label: 'h (Hessian diagonal)', help: 'exponentially weighted average of ∂²L/∂wᵢ²' },
  ],
  rule: {
    aliases: { beta1: 'betas[0]', beta2: 'betas[1]', decay: 'weight_decay' },
    state: { m: '0', h: '0' },
    step: [
      'm = beta1 * m + (1 - beta1) * g',
      'curvature = hessian_diagonal_at(w)',
      'h = beta2 * h + (1 - beta2) * curvature',
      'scale = max(rho * h, 1e-12)',
      'update = -lr * max(-1, min(1, m / scale)) - lr * decay * w',
      'effective_lr = lr * min(1 / scale, 1 / abs(m))',
    ],
  },
});
