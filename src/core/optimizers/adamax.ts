/**
 * torch.optim.Adamax (Kingma & Ba 2015, §7.1): Adam with the infinity norm in place of √v.
 *   m ← β₁m + (1−β₁)g;  u ← max(β₂u, |g|+ε);  w ← w − η/(1−β₁ᵗ)·m/u
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

interface AdamaxState {
  m: [number, number];
  u: [number, number];
}

export const Adamax: OptimizerSpec<AdamaxState> = {
  type: 'Adamax',
  label: 'Adamax',
  family: 'adaptive',
  description: 'Adam with the running maximum of |g| in place of the root mean square.',
  equations: [
    'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t',
    'u_t = \\max(\\beta_2 u_{t-1}, |g_t| + \\epsilon)',
    'w_{t+1} = w_t - \\frac{\\eta}{1-\\beta_1^t} m_t / u_t',
  ],
  hyperparameters: [lrParam(2e-3), betasParam, epsParam(1e-8), weightDecayParam()],
  accumulators: [
    { key: 'm', label: 'm (first moment)', help: 'exponentially weighted average of gradients' },
    { key: 'u', label: 'u (infinity norm)', help: 'decaying maximum of |g|' },
  ],
  init: () => ({ m: [0, 0], u: [0, 0] }),
  step({ t, lr, w, g: rawGradient, hp, state }) {
    const g = withWeightDecay(rawGradient, w, num(hp, 'weight_decay'));
    const [beta1, beta2] = pair(hp, 'betas');
    const eps = num(hp, 'eps');
    state.m = map2(state.m, (m, i) => beta1 * m + (1 - beta1) * g[i]);
    state.u = map2(state.u, (u, i) => Math.max(beta2 * u, Math.abs(g[i]) + eps));
    const firstCorrection = 1 - Math.pow(beta1, t);
    const effectiveLr = map2(state.u, (u) => lr / u);
    return { update: map2(state.m, (m, i) => (-effectiveLr[i] * m) / firstCorrection), effectiveLr };
  },
  readAccumulators: (state) => [state.m, state.u],
};
