/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2 and its reference
 * implementation, keys lr, betas, weight_decay): the sign of an interpolation of momentum and gradient,
 * so every coordinate moves by exactly ±η — the path walks a lattice of spacing η.
 *   c = β₁m + (1−β₁)g;  w ← w − η(sign(c) + λw);  m ← β₂m + (1−β₂)g
 */
import { elementwiseSpec } from './ruleStep';
import { lrParam, num, weightDecayParam } from './spec';

export const Lion = elementwiseSpec({
  type: 'Lion',
  lrViewFraction: 0.0125,
  label: 'Lion',
  family: 'adaptive',
  description:
    'EvoLved sign momentum: each coordinate steps exactly ±η by the sign of a blend of momentum and gradient, so the path walks a lattice and ends in a small limit cycle.',
  equations: (hp) => [
    'c_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\, g_t',
    num(hp, 'weight_decay') > 0
      ? 'w_{t+1} = w_t - \\eta\\,(\\operatorname{sign}(c_t) + \\lambda w_t)'
      : 'w_{t+1} = w_t - \\eta\\, \\operatorname{sign}(c_t)',
    'm_t = \\beta_2 m_{t-1} + (1-\\beta_2)\\, g_t',
  ],
  second: { column: 'betas[1]', spacing: 'oneMinusLog', min: 0.5, max: 0.9999, compared: [0.9, 0.99, 0.999] },
  paritySettings: { lr: 0.01 },
  hyperparameters: [
    lrParam(1e-4),
    {
      key: 'betas',
      kind: 'pair',
      label: 'betas',
      labels: ['β₁ (interpolation)', 'β₂ (momentum)'],
      default: [0.9, 0.99],
      min: 0,
      max: 0.99999,
      scale: 'linear',
    },
    weightDecayParam(),
  ],
  accumulators: [
    {
      key: 'm',
      label: 'm (momentum)',
      help: 'exponentially weighted average of gradients (β₂)',
      moment: 'm',
    },
  ],
  rule: {
    aliases: { beta1: 'betas[0]', beta2: 'betas[1]', decay: 'weight_decay' },
    state: { m: '0' },
    step: [
      'c = beta1 * m + (1 - beta1) * g',
      'update = -lr * (sign(c) + decay * w)',
      'm = beta2 * m + (1 - beta2) * g',
      'effective_lr = lr',
    ],
  },
});
