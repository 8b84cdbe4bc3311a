/**
 * torch.optim.RMSprop (Tieleman & Hinton, 2012): AdaGrad with a leaky (exponentially weighted) r, so
 * the effective learning rate η/(δ+√r) can grow again when gradients shrink (lecture 002).
 *   r ← αr + (1−α)g²;  [centered: ḡ ← αḡ + (1−α)g, r̃ = r − ḡ²];  w ← w − η·g/(√r̃+ε) (or via a momentum buffer)
 */
import {
  bool,
  epsParam,
  lrParam,
  map2,
  num,
  weightDecayLine,
  weightDecayParam,
  withWeightDecay,
  type OptimizerSpec,
} from './spec';

interface RmspropState {
  squareAverage: [number, number];
  gradientAverage: [number, number];
  buffer: [number, number];
}

export const RMSprop: OptimizerSpec<RmspropState> = {
  type: 'RMSprop',
  label: 'RMSProp',
  family: 'adaptive',
  description:
    'Like AdaGrad, but r is an exponentially weighted average of g², so old gradients are forgotten and the rate can recover.',
  equations: (hp) => {
    const centered = bool(hp, 'centered');
    const r = centered ? 'r_t - \\bar g_t^2' : 'r_t';
    const scaled = `\\frac{g_t}{\\sqrt{${r}} + \\epsilon}`;
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
          note: 'β = torch’s alpha, α = η. Lectures 001 (γ, G) and 002 (ρ, r, step ε/(δ + √r)) write the root outside as torch does; lecture 004 puts ε inside it, which differs only while s is as small as ε.',
        },
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
  ],
  accumulators: [
    { key: 'r', label: 'r (average of g²)', help: 'exponentially weighted average of squared gradients' },
    { key: 'gbar', label: 'ḡ (average of g)', help: 'average gradient (centered variant)' },
    { key: 'velocity', label: 'velocity b', help: 'momentum buffer' },
  ],
  init: () => ({ squareAverage: [0, 0], gradientAverage: [0, 0], buffer: [0, 0] }),
  step({ lr, w, g: rawGradient, hp, state }) {
    const g = withWeightDecay(rawGradient, w, num(hp, 'weight_decay'));
    const alpha = num(hp, 'alpha');
    const eps = num(hp, 'eps');
    const momentum = num(hp, 'momentum');
    state.squareAverage = map2(state.squareAverage, (r, i) => alpha * r + (1 - alpha) * g[i] * g[i]);
    let variance: readonly [number, number] = state.squareAverage;
    if (bool(hp, 'centered')) {
      state.gradientAverage = map2(state.gradientAverage, (m, i) => alpha * m + (1 - alpha) * g[i]);
      const gbar = state.gradientAverage;
      variance = map2(state.squareAverage, (r, i) => r - gbar[i] * gbar[i]);
    }
    const denominator = map2(variance, (v) => Math.sqrt(v) + eps);
    const effectiveLr = map2(denominator, (d) => lr / d);
    if (momentum > 0) {
      state.buffer = map2(state.buffer, (b, i) => momentum * b + g[i] / denominator[i]);
      return { update: map2(state.buffer, (b) => -lr * b), effectiveLr };
    }
    return { update: map2(g, (x, i) => -effectiveLr[i] * x), effectiveLr };
  },
  readAccumulators: (state) => [state.squareAverage, state.gradientAverage, state.buffer],
};
