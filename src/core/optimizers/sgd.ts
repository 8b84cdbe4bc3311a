/**
 * torch.optim.SGD: plain gradient descent, momentum (lecture "Trick 7"), Nesterov, and with
 * dampening = momentum the exponentially-weighted-average momentum of lecture 004.
 *   g ← g + λw;  b ← μb + (1−τ)g (b₁ = g);  g ← g + μb if Nesterov else b;  w ← w − ηg
 */
import { when } from './rule';
import { elementwiseSpec } from './ruleStep';
import { bool, lrParam, num, weightDecayLine, weightDecayParam } from './spec';

export const SGD = elementwiseSpec({
  type: 'SGD',
  label: 'SGD',
  family: 'gradient descent',
  description:
    'Steps against the gradient. With momentum μ it keeps a velocity (a ball rolling downhill); Nesterov evaluates the momentum step ahead.',
  equations: (hp) => {
    const momentum = num(hp, 'momentum');
    const dampening = num(hp, 'dampening');
    if (momentum === 0) return [...weightDecayLine(hp), 'w_{t+1} = w_t - \\eta\\, g_t'];
    const start = bool(hp, 'zero_init_buffer') ? '(b_0 = 0)' : '(b_1 = g_1)';
    const buffer =
      dampening === 0
        ? `b_t = \\mu\\, b_{t-1} + g_t \\quad ${start}`
        : `b_t = \\mu\\, b_{t-1} + (1-\\tau)\\, g_t \\quad ${start}`;
    const step = bool(hp, 'nesterov')
      ? 'w_{t+1} = w_t - \\eta\\,(g_t + \\mu\\, b_t)'
      : 'w_{t+1} = w_t - \\eta\\, b_t';
    return [...weightDecayLine(hp), buffer, step];
  },
  lectureForm: (hp) => {
    const momentum = num(hp, 'momentum');
    const dampening = num(hp, 'dampening');
    if (momentum === 0) return null;
    if (bool(hp, 'nesterov'))
      return {
        lecture: '001',
        equations: [
          'v_{t+1} = \\mu\\, v_t - \\eta\\, \\nabla L(\\theta_t + \\mu\\, v_t)',
          '\\theta_{t+1} = \\theta_t + v_{t+1}',
        ],
        note: 'torch tracks the look-ahead point φ = θ + μv (v = −ηb), so the path drawn is φ: the same run seen one momentum step ahead. With arrows on, the surface marks the lecture’s θ too.',
      };
    if (dampening === 0)
      return {
        lecture: '001',
        equations: ['v_{t+1} = \\mu\\, v_t - \\eta\\, \\nabla L(w_t)', 'w_{t+1} = w_t + v_{t+1}'],
        note: 'v = −ηb with v₀ = 0: the same trajectory as torch’s (for a constant η).',
      };
    return {
      lecture: '004',
      equations: [
        'V_t = \\beta\\, V_{t-1} + (1-\\beta)\\, g_t \\quad (V_0 = 0)',
        'w_{t+1} = w_t - \\alpha\\, V_t',
      ],
      note: bool(hp, 'zero_init_buffer')
        ? 'β = μ = τ, α = η, and the buffer starts at V₀ = 0 as the lecture’s does: the run drawn is the lecture’s.'
        : 'β = μ, α = η. torch starts its buffer at b₁ = g₁, the lecture at V₀ = 0 (V₁ = (1−β)g₁), so the first steps differ: tick “buffer from V₀ = 0” to run the lecture’s form.',
    };
  },
  second: { column: 'momentum', spacing: 'linear', min: 0, max: 0.99, compared: [0, 0.5, 0.9, 0.99] },
  paritySettings: { lr: 1e-3, momentum: 0.9 },
  hyperparameters: [
    lrParam(1e-3),
    {
      key: 'momentum',
      kind: 'number',
      label: 'momentum μ',
      default: 0,
      min: 0,
      max: 0.9999,
      scale: 'linear',
    },
    {
      key: 'dampening',
      kind: 'number',
      label: 'dampening τ',
      default: 0,
      min: 0,
      max: 1,
      scale: 'linear',
      help: 'τ = μ turns the velocity into an exponentially weighted average of gradients',
    },
    { key: 'nesterov', kind: 'boolean', label: 'Nesterov', default: false },
    weightDecayParam(),
    {
      key: 'zero_init_buffer',
      kind: 'boolean',
      label: 'buffer from V₀ = 0 (lecture 004)',
      default: false,
      help: 'lecture 004 starts the average at V₀ = 0 (V₁ = (1−τ)g₁); torch at b₁ = g₁',
    },
  ],
  accumulators: [
    { key: 'velocity', label: 'velocity b', help: 'momentum buffer (running sum of gradients)', moment: 'b' },
  ],
  validate(hp) {
    // torch.optim.SGD: "Nesterov momentum requires a momentum and zero dampening".
    if (!bool(hp, 'nesterov')) return null;
    if (num(hp, 'momentum') <= 0)
      return { field: 'nesterov', message: 'Nesterov momentum needs momentum > 0' };
    if (num(hp, 'dampening') !== 0)
      return { field: 'nesterov', message: 'Nesterov momentum needs dampening = 0' };
    return null;
  },
  rule: {
    aliases: { decay: 'weight_decay' },
    state: { velocity: '0' },
    step: [
      when('decay != 0', 'g = g + decay * w'),
      // torch starts the buffer at the first gradient (b₁ = g); lecture 004's average starts at V₀ = 0.
      when(
        'momentum != 0',
        'velocity = t == 1 && !zero_init_buffer ? g : momentum * velocity + (1 - dampening) * g',
        'g = nesterov ? g + momentum * velocity : velocity',
      ),
      'update = -lr * g',
      'effective_lr = lr',
    ],
  },
});
