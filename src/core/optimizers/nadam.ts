/**
 * torch.optim.NAdam (Dozat 2016): Adam with Nesterov momentum and a momentum warm-up schedule
 *   μₜ = β₁(1 − ½·0.96^{tψ});  w ← w − η(1−μₜ)/(1−∏μ)·g/d − ημₜ₊₁/(1−∏μ·μₜ₊₁)·m/d,  d = √(v/(1−β₂ᵗ)) + ε
 */
import {
  betasParam,
  epsParam,
  lrParam,
  map2,
  num,
  pair,
  weightDecayParam,
  withWeightDecay,
  type OptimizerSpec,
} from './spec';

interface NadamState {
  m: [number, number];
  v: [number, number];
  muProduct: number;
}

export const NAdam: OptimizerSpec<NadamState> = {
  type: 'NAdam',
  label: 'NAdam',
  family: 'adaptive',
  description: 'Adam whose momentum looks ahead like Nesterov’s, with a slowly warming momentum coefficient.',
  equations: [
    '\\mu_t = \\beta_1 (1 - \\tfrac12 0.96^{t\\psi})',
    'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t,\\ v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2',
    'w_{t+1} = w_t - \\eta \\frac{1-\\mu_t}{1-\\prod\\mu} \\frac{g_t}{d_t} - \\eta \\frac{\\mu_{t+1}}{1-\\prod\\mu\\,\\mu_{t+1}} \\frac{m_t}{d_t}',
  ],
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
    { key: 'm', label: 'm (first moment)', help: 'exponentially weighted average of gradients' },
    { key: 'v', label: 'v (second moment)', help: 'exponentially weighted average of squared gradients' },
  ],
  init: () => ({ m: [0, 0], v: [0, 0], muProduct: 1 }),
  step({ t, lr, w, g: rawGradient, hp, state }) {
    const g = withWeightDecay(rawGradient, w, num(hp, 'weight_decay'));
    const [beta1, beta2] = pair(hp, 'betas');
    const eps = num(hp, 'eps');
    const psi = num(hp, 'momentum_decay');
    const mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * psi));
    const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
    state.muProduct *= mu;
    const muProduct = state.muProduct;
    state.m = map2(state.m, (m, i) => beta1 * m + (1 - beta1) * g[i]);
    state.v = map2(state.v, (v, i) => beta2 * v + (1 - beta2) * g[i] * g[i]);
    const secondCorrection = 1 - Math.pow(beta2, t);
    const denominator = map2(state.v, (v) => Math.sqrt(v / secondCorrection) + eps);
    const gradientWeight = (lr * (1 - mu)) / (1 - muProduct);
    const momentumWeight = (lr * muNext) / (1 - muProduct * muNext);
    return {
      update: map2(g, (x, i) => -(gradientWeight * x + momentumWeight * state.m[i]) / denominator[i]),
      effectiveLr: map2(denominator, (d) => lr / d),
    };
  },
  readAccumulators: (state) => [state.m, state.v],
};
