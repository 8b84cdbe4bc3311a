/**
 * torch.optim.SGD: plain gradient descent, momentum (lecture "Trick 7"), Nesterov, and with
 * dampening = momentum the exponentially-weighted-average momentum of lecture 004.
 *   g ← g + λw;  b ← μb + (1−τ)g (b₁ = g);  g ← g + μb if Nesterov else b;  w ← w − ηg
 */
import { lrParam, map2, num, bool, weightDecayParam, withWeightDecay, type OptimizerSpec } from './spec';

interface SgdState {
  buffer: [number, number] | null;
}

export const SGD: OptimizerSpec<SgdState> = {
  type: 'SGD',
  label: 'SGD',
  family: 'gradient descent',
  description:
    'Steps against the gradient. With momentum μ it keeps a velocity (a ball rolling downhill); Nesterov evaluates the momentum step ahead.',
  equations: [
    'b_t = \\mu b_{t-1} + (1-\\tau) g_t',
    'g_t \\leftarrow g_t + \\mu b_t \\text{ (Nesterov) or } b_t',
    'w_{t+1} = w_t - \\eta g_t',
  ],
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
  ],
  accumulators: [
    { key: 'velocity', label: 'velocity b', help: 'momentum buffer (running sum of gradients)' },
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
  init: () => ({ buffer: null }),
  step({ lr, w, g: rawGradient, hp, state }) {
    const momentum = num(hp, 'momentum');
    const dampening = num(hp, 'dampening');
    let g = withWeightDecay(rawGradient, w, num(hp, 'weight_decay'));
    if (momentum !== 0) {
      const previous = state.buffer;
      const buffer = previous
        ? map2(previous, (b, i) => momentum * b + (1 - dampening) * g[i])
        : map2(g, (x) => x);
      state.buffer = buffer;
      g = bool(hp, 'nesterov') ? map2(g, (x, i) => x + momentum * buffer[i]) : buffer;
    }
    return { update: map2(g, (x) => -lr * x), effectiveLr: [lr, lr] };
  },
  readAccumulators: (state) => [state.buffer ?? [0, 0]],
};
