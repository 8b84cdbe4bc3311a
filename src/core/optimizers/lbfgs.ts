/**
 * torch.optim.LBFGS with max_iter=1 (one iteration per step, no line search), so each step here is one
 * call of torch's step(closure). The two-loop recursion (Nocedal & Wright, Algorithm 7.4) turns the last
 * m curvature pairs (s, y) into a quasi-Newton direction; the first step is scaled by min(1, 1/‖g‖₁).
 */
import type { Vec2 } from '../types';
import { impliedLearningRate, lrParam, num, type OptimizerSpec } from './spec';

const TOLERANCE_GRAD = 1e-7;
const TOLERANCE_CHANGE = 1e-9;

interface LbfgsState {
  iteration: number;
  direction: [number, number];
  stepLength: number;
  previousGradient: Vec2;
  steps: Vec2[];
  gradientChanges: Vec2[];
  inverseCurvatures: number[];
  hessianDiagonal: number;
}

const dot = (a: Vec2, b: Vec2) => a[0] * b[0] + a[1] * b[1];

function twoLoopDirection(g: Vec2, state: LbfgsState): [number, number] {
  const count = state.steps.length;
  const alphas = new Array<number>(count).fill(0);
  const q: [number, number] = [-g[0], -g[1]];
  for (let i = count - 1; i >= 0; i--) {
    const s = state.steps[i]!;
    const y = state.gradientChanges[i]!;
    const alpha = dot(s, q) * state.inverseCurvatures[i]!;
    alphas[i] = alpha;
    q[0] -= alpha * y[0];
    q[1] -= alpha * y[1];
  }
  const r: [number, number] = [q[0] * state.hessianDiagonal, q[1] * state.hessianDiagonal];
  for (let i = 0; i < count; i++) {
    const s = state.steps[i]!;
    const beta = dot(state.gradientChanges[i]!, r) * state.inverseCurvatures[i]!;
    r[0] += s[0] * (alphas[i]! - beta);
    r[1] += s[1] * (alphas[i]! - beta);
  }
  return r;
}

export const LBFGS: OptimizerSpec<LbfgsState> = {
  type: 'LBFGS',
  label: 'L-BFGS',
  family: 'second order',
  description:
    'Builds a Hessian approximation from the last m steps and gradient changes: Newton-like steps from gradients alone.',
  equations: [
    's_k = w_{k+1} - w_k,\\ y_k = g_{k+1} - g_k',
    'd_t = -H_t g_t \\text{ (two-loop recursion over the last } m \\text{ pairs)}',
    'w_{t+1} = w_t + \\eta d_t',
  ],
  paritySettings: { lr: 0.2 },
  hyperparameters: [
    lrParam(1, 10),
    {
      key: 'history_size',
      kind: 'number',
      label: 'history m',
      default: 10,
      min: 1,
      max: 32,
      scale: 'linear',
      integer: true,
      help: 'torch defaults to 100; in two dimensions 10 pairs are plenty and keep GPU state small',
    },
  ],
  accumulators: [{ key: 'direction', label: 'direction d', help: 'the quasi-Newton search direction' }],
  init: () => ({
    iteration: 0,
    direction: [0, 0],
    stepLength: 0,
    previousGradient: [0, 0],
    steps: [],
    gradientChanges: [],
    inverseCurvatures: [],
    hessianDiagonal: 1,
  }),
  step({ lr, g, hp, state }) {
    if (Math.max(Math.abs(g[0]), Math.abs(g[1])) <= TOLERANCE_GRAD) {
      return { update: [0, 0], effectiveLr: [Number.NaN, Number.NaN] };
    }
    state.iteration += 1;
    if (state.iteration === 1) {
      state.direction = [-g[0], -g[1]];
      state.hessianDiagonal = 1;
    } else {
      const y: Vec2 = [g[0] - state.previousGradient[0], g[1] - state.previousGradient[1]];
      const s: Vec2 = [state.direction[0] * state.stepLength, state.direction[1] * state.stepLength];
      const ys = dot(y, s);
      if (ys > 1e-10) {
        if (state.steps.length === num(hp, 'history_size')) {
          state.steps.shift();
          state.gradientChanges.shift();
          state.inverseCurvatures.shift();
        }
        state.steps.push(s);
        state.gradientChanges.push(y);
        state.inverseCurvatures.push(1 / ys);
        state.hessianDiagonal = ys / dot(y, y);
      }
      state.direction = twoLoopDirection(g, state);
    }
    state.previousGradient = [g[0], g[1]];
    state.stepLength = state.iteration === 1 ? Math.min(1, 1 / (Math.abs(g[0]) + Math.abs(g[1]))) * lr : lr;
    if (dot(g, state.direction) > -TOLERANCE_CHANGE) {
      return { update: [0, 0], effectiveLr: [Number.NaN, Number.NaN] };
    }
    const update: Vec2 = [state.stepLength * state.direction[0], state.stepLength * state.direction[1]];
    return { update, effectiveLr: impliedLearningRate(update, g) };
  },
  readAccumulators: (state) => [state.direction],
};
