/**
 * torch.optim.Adadelta (Zeiler 2012): a unit-correct ratio of running RMS of updates and gradients.
 *   r ← ρr + (1−ρ)g²;  Δ = √(a+ε)/√(r+ε)·g;  a ← ρa + (1−ρ)Δ²;  w ← w − ηΔ
 */
import { epsParam, lrParam, map2, num, weightDecayParam, withWeightDecay, type OptimizerSpec } from './spec';

interface AdadeltaState {
  squareAverage: [number, number];
  deltaAverage: [number, number];
}

export const Adadelta: OptimizerSpec<AdadeltaState> = {
  type: 'Adadelta',
  label: 'Adadelta',
  family: 'adaptive',
  description: 'Scales each step by the ratio of the running RMS of past updates to that of gradients.',
  equations: [
    'r_t = \\rho r_{t-1} + (1-\\rho) g_t^2',
    '\\Delta_t = \\sqrt{a_{t-1}+\\epsilon} / \\sqrt{r_t+\\epsilon}\\; g_t',
    'a_t = \\rho a_{t-1} + (1-\\rho) \\Delta_t^2,\\ w_{t+1} = w_t - \\eta \\Delta_t',
  ],
  hyperparameters: [
    lrParam(1.0),
    { key: 'rho', kind: 'number', label: 'ρ', default: 0.9, min: 0, max: 0.9999, scale: 'linear' },
    epsParam(1e-6),
    weightDecayParam(),
  ],
  accumulators: [
    { key: 'r', label: 'r (average of g²)', help: 'running average of squared gradients' },
    { key: 'a', label: 'a (average of Δ²)', help: 'running average of squared updates' },
  ],
  init: () => ({ squareAverage: [0, 0], deltaAverage: [0, 0] }),
  step({ lr, w, g: rawGradient, hp, state }) {
    const g = withWeightDecay(rawGradient, w, num(hp, 'weight_decay'));
    const rho = num(hp, 'rho');
    const eps = num(hp, 'eps');
    state.squareAverage = map2(state.squareAverage, (r, i) => rho * r + (1 - rho) * g[i] * g[i]);
    const ratio = map2(
      state.deltaAverage,
      (a, i) => Math.sqrt(a + eps) / Math.sqrt(state.squareAverage[i] + eps),
    );
    const delta = map2(g, (x, i) => ratio[i] * x);
    state.deltaAverage = map2(state.deltaAverage, (a, i) => rho * a + (1 - rho) * delta[i] * delta[i]);
    return { update: map2(delta, (d) => -lr * d), effectiveLr: map2(ratio, (r) => lr * r) };
  },
  readAccumulators: (state) => [state.squareAverage, state.deltaAverage],
};
