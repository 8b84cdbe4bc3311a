/**
 * torch.optim.RMSprop (Tieleman & Hinton, 2012): AdaGrad with a leaky (exponentially weighted) r, so
 * the effective learning rate η/(δ+√r) can grow again when gradients shrink (lecture 002).
 *   r ← αr + (1−α)g²;  [centered: ḡ ← αḡ + (1−α)g, r̃ = r − ḡ²];  w ← w − η·g/(√r̃+ε) (or via a momentum buffer)
 */
import { when } from './rule';
import { elementwiseSpec } from './ruleStep';
import { bool, epsParam, lrParam, num, weightDecayLine, weightDecayParam } from './spec';

export const RMSprop = elementwiseSpec({
  type: 'RMSprop',
  lrViewFraction: 0.0125,
  label: 'RMSProp',
  family: 'adaptive',
  description:
    'Like AdaGrad, but r is an exponentially weighted average of g², so old gradients are forgotten and the rate can recover.',
  equations: (hp) => {
    const centered = bool(hp, 'centered');
    const r = centered ? 'r_t - \\bar g_t^2' : 'r_t';
    const scaled = bool(hp, 'eps_in_sqrt')
      ? `\\frac{g_t}{\\sqrt{${r} + \\epsilon}}`
      : `\\frac{g_t}{\\sqrt{${r}} + \\epsilon}`;
    return [
      ...weightDecayLine(hp),
      'r_t = \\alpha\\, r_{t-1} + (1-\\alpha)\\, g_t^2',
      ...(centered ? ['\\bar g_t = \\alpha\\, \\bar g_{t-1} + (1-\\alpha)\\, g_t'] : []),
      ...(num(hp, 'momentum') > 0
        ? [`b_t = \\mu\\, b_{t-1} + ${scaled}`, 'w_{t+1} = w_t - \\eta\\, b_t']
        : [`w_{t+1} = w_t - \\eta\\, ${scaled}`]),
    ];
  },
  lectureForm: (hp) =>
    bool(hp, 'centered') || num(hp, 'momentum') > 0
      ? null
      : {
          lecture: '004',
          equations: [
            's_t = \\beta\\, s_{t-1} + (1-\\beta)\\, g_t^2',
            'w_{t+1} = w_t - \\alpha\\, \\frac{g_t}{\\sqrt{s_t + \\epsilon}}',
          ],
          note: `β = torch’s alpha, α = η. Lectures 001 (γ, G) and 002 (ρ, r, step ε/(δ + √r)) write the root outside as torch does; lecture 004 puts ε inside it, which differs only while s is as small as ε${bool(hp, 'eps_in_sqrt') ? ' — the run drawn is the lecture’s (ε inside the root is on).' : ': tick “ε inside the root” to run it.'}`,
        },
  second: { column: 'alpha', spacing: 'oneMinusLog', min: 0.5, max: 0.9999, compared: [0.9, 0.99, 0.999] },
  paritySettings: { lr: 1e-2 },
  hyperparameters: [
    lrParam(1e-2),
    {
      key: 'alpha',
      kind: 'number',
      label: 'decay rate α',
      default: 0.99,
      min: 0,
      max: 0.9999,
      scale: 'linear',
    },
    epsParam(1e-8),
    weightDecayParam(),
    {
      key: 'momentum',
      kind: 'number',
      label: 'momentum μ',
      default: 0,
      min: 0,
      max: 0.9999,
      scale: 'linear',
    },
    { key: 'centered', kind: 'boolean', label: 'centered', default: false },
    {
      key: 'eps_in_sqrt',
      kind: 'boolean',
      label: 'ε inside the root (lecture 004)',
      default: false,
      help: 'lecture 004 divides by √(s + ε); torch and lectures 001–002 by √s + ε',
    },
  ],
  accumulators: [
    { key: 'r', label: 'r (average of g²)', help: 'exponentially weighted average of squared gradients' },
    { key: 'gbar', label: 'ḡ (average of g)', help: 'average gradient (centered variant)' },
    { key: 'velocity', label: 'velocity b', help: 'momentum buffer', moment: 'b' },
  ],
  rule: {
    aliases: { decay: 'weight_decay' },
    state: { r: '0', gbar: '0', velocity: '0' },
    step: [
      when('decay != 0', 'g = g + decay * w'),
      'r = alpha * r + (1 - alpha) * g * g',
      'variance = r',
      when('centered', 'gbar = alpha * gbar + (1 - alpha) * g', 'variance = r - gbar * gbar'),
      'denominator = eps_in_sqrt ? sqrt(variance + eps) : sqrt(variance) + eps',
      'effective_lr = lr / denominator',
      {
        if: 'momentum > 0',
        then: ['velocity = momentum * velocity + g / denominator', 'update = -lr * velocity'],
        else: ['update = -effective_lr * g'],
      },
    ],
  },
});
