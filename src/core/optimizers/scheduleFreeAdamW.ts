/**
 * Schedule-Free AdamW (Defazio et al. 2024, "The Road Less Scheduled", Algorithm 1; keys lr, betas, eps,
 * weight_decay, warmup_steps as in the authors' AdamWScheduleFree). Three sequences: the gradient is taken
 * at y, an interpolation of the base iterate z (plain AdamW steps) and the average x; no schedule is needed.
 *   y = (1−β₁)z + β₁x;  g = ∇L(y);  v ← β₂v + (1−β₂)g²;  γₜ = η√(1−β₂ᵗ)·min(1, t/T_warmup)
 *   z ← z − γₜ g/(√v+ε) − γₜλy;  cₜ₊₁ = γₜ²/Σᵢγᵢ²;  x ← (1−cₜ₊₁)x + cₜ₊₁z
 * The position drawn, and the loss reported, are the average x (what the authors evaluate); z and y are
 * shown as accumulators. The gradient at y gets no noise or clipping (rule.ts, gradient_at).
 */
import { elementwiseSpec } from './ruleStep';
import { betasParam, epsParam, lrParam, num, weightDecayParam } from './spec';

export const ScheduleFreeAdamW = elementwiseSpec({
  type: 'AdamWScheduleFree',
  lrViewFraction: 0.025,
  label: 'Schedule-Free AdamW',
  family: 'adaptive',
  description:
    'AdamW steps on a base iterate z, with the gradient taken between z and the running average x; the average is the answer, so no learning-rate schedule is needed. The path drawn, and the loss the loss panel reports, are those of x.',
  equations: (hp) => [
    'y_t = (1-\\beta_1)\\, z_t + \\beta_1 x_t, \\quad g_t = \\nabla L(y_t) \\quad (z_1 = x_1)',
    'v_t = \\beta_2 v_{t-1} + (1-\\beta_2)\\, g_t^2',
    num(hp, 'warmup_steps') > 0
      ? '\\gamma_t = \\eta \\sqrt{1-\\beta_2^t}\\, \\min(1, t/T_{\\text{warmup}})'
      : '\\gamma_t = \\eta \\sqrt{1-\\beta_2^t}',
    num(hp, 'weight_decay') > 0
      ? 'z_{t+1} = z_t - \\gamma_t \\frac{g_t}{\\sqrt{v_t} + \\epsilon} - \\gamma_t \\lambda\\, y_t'
      : 'z_{t+1} = z_t - \\gamma_t \\frac{g_t}{\\sqrt{v_t} + \\epsilon}',
    'x_{t+1} = (1 - c_{t+1})\\, x_t + c_{t+1} z_{t+1}, \\quad c_{t+1} = \\frac{\\gamma_t^2}{\\sum_{i \\le t} \\gamma_i^2}',
  ],
  second: {
    column: 'betas[0]',
    spacing: 'oneMinusLog',
    min: 0.5,
    max: 0.999,
    compared: [0.5, 0.9, 0.95, 0.98],
  },
  paritySettings: { lr: 0.05 },
  hyperparameters: [
    lrParam(2.5e-3),
    betasParam,
    epsParam(1e-8),
    weightDecayParam(),
    {
      key: 'warmup_steps',
      kind: 'number',
      label: 'warm-up steps',
      default: 0,
      min: 0,
      max: 10000,
      scale: 'linear',
      integer: true,
      help: 'γ grows linearly over the first steps',
    },
  ],
  accumulators: [
    { key: 'z', label: 'z (base iterate)', help: 'the point the AdamW steps move' },
    { key: 'y', label: 'y (gradient point)', help: 'where the gradient is taken: (1−β₁)z + β₁x' },
    { key: 'v', label: 'v (second moment)', help: 'exponentially weighted average of squared gradients' },
  ],
  rule: {
    aliases: { beta1: 'betas[0]', beta2: 'betas[1]', decay: 'weight_decay', warmup: 'warmup_steps' },
    state: { z: '0', y: '0', v: '0', weight_sum: { scalar: '0' } },
    step: [
      // w is the average x; z starts there.
      'z = t == 1 ? w : z',
      'y = (1 - beta1) * z + beta1 * w',
      'g = gradient_at(y)',
      'v = beta2 * v + (1 - beta2) * g * g',
      'warm = warmup > 0 ? min(1, t / warmup) : 1',
      'gamma = lr * sqrt(1 - pow(beta2, t)) * warm',
      'effective_lr = gamma / (sqrt(v) + eps)',
      'z = z - effective_lr * g - gamma * decay * y',
      'weight_sum = weight_sum + gamma * gamma',
      'c = weight_sum > 0 ? gamma * gamma / weight_sum : 0',
      'update = c * (z - w)',
    ],
  },
});
