/**
 * Newton's method (lecture 000): jump to the minimum of the local quadratic model,
 *   w ← w − η(H + λI)⁻¹g
 * It solves a quadratic in one step — and at a saddle it is attracted to the saddle, because the
 * model's stationary point is the saddle itself. Damping λ > 0 shifts the curvature towards descent.
 */
import { impliedLearningRate, lrParam, num, type OptimizerSpec } from './spec';

export const Newton: OptimizerSpec<Record<string, never>> = {
  type: 'Newton',
  label: 'Newton',
  family: 'second order',
  description:
    'Uses the Hessian to jump to the stationary point of the local quadratic model: one step on a quadratic, but drawn to saddles.',
  equations: ['w_{t+1} = w_t - \\eta\\,(H_t + \\lambda I)^{-1} g_t'],
  paritySettings: { lr: 0.5, damping: 1 },
  hyperparameters: [
    lrParam(1, 10),
    { key: 'damping', kind: 'number', label: 'damping λ', default: 0, min: 0, max: 100, scale: 'linear' },
  ],
  accumulators: [],
  init: () => ({}),
  step({ lr, w, g, hp, oracle }) {
    const damping = num(hp, 'damping');
    const [hxx, hxy, hyy] = oracle.hessian(w[0], w[1]);
    const a = hxx + damping;
    const c = hyy + damping;
    const determinant = a * c - hxy * hxy;
    if (!Number.isFinite(determinant) || Math.abs(determinant) < 1e-300) {
      return { update: [0, 0], effectiveLr: [Number.NaN, Number.NaN], failure: 'singular Hessian' };
    }
    // (H+λI)⁻¹ = [c −b; −b a]/det for H+λI = [a b; b c].
    const update: [number, number] = [
      (-lr * (c * g[0] - hxy * g[1])) / determinant,
      (-lr * (-hxy * g[0] + a * g[1])) / determinant,
    ];
    return { update, effectiveLr: impliedLearningRate(update, g) };
  },
  readAccumulators: () => [],
};
