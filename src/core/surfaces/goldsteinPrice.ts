/**
 * Goldstein–Price function (Surjanovic & Bingham, Virtual Library of Simulation Experiments,
 * "Goldstein-Price Function"): f = A·B with
 *   A = 1 + u²·P,  u = w1 + w2 + 1,  P = 19 − 14w1 + 3w1² − 14w2 + 6w1w2 + 3w2²,
 *   B = 30 + v²·Q, v = 2w1 − 3w2,    Q = 18 − 32w1 + 12w1² + 48w2 − 36w1w2 + 27w2²,
 * global minimum 3 at (0, −1). Product rule throughout: ∇f = A∇B + B∇A, ∇²f = A∇²B + B∇²A + ∇A∇Bᵀ + ∇B∇Aᵀ.
 * The other critical points were computed by Newton's method on the analytic gradient.
 */
import type { Hessian2, Surface, Vec2 } from '../types';

/** A factor c + s²·R of the product, with its gradient and Hessian. */
interface Factor {
  readonly value: number;
  readonly gradient: Vec2;
  readonly hessian: Hessian2;
}

/**
 * c + s²·R where s = s1·w1 + s2·w2 + s0 is linear and R is quadratic with gradient rGrad and constant
 * Hessian rHess: ∇ = 2s·∇s·R + s²·∇R, ∇² = 2R·∇s∇sᵀ + 2s(∇s∇Rᵀ + ∇R∇sᵀ) + s²·∇²R.
 */
function factor(c: number, s: number, sGrad: Vec2, r: number, rGrad: Vec2, rHess: Hessian2): Factor {
  const [a1, a2] = sGrad;
  const [b1, b2] = rGrad;
  return {
    value: c + s * s * r,
    gradient: [2 * s * a1 * r + s * s * b1, 2 * s * a2 * r + s * s * b2],
    hessian: [
      2 * r * a1 * a1 + 4 * s * a1 * b1 + s * s * rHess[0],
      2 * r * a1 * a2 + 2 * s * (a1 * b2 + b1 * a2) + s * s * rHess[1],
      2 * r * a2 * a2 + 4 * s * a2 * b2 + s * s * rHess[2],
    ],
  };
}

function factorA(w1: number, w2: number): Factor {
  const p = 19 - 14 * w1 + 3 * w1 * w1 - 14 * w2 + 6 * w1 * w2 + 3 * w2 * w2;
  const dp = -14 + 6 * w1 + 6 * w2;
  return factor(1, w1 + w2 + 1, [1, 1], p, [dp, dp], [6, 6, 6]);
}

function factorB(w1: number, w2: number): Factor {
  const q = 18 - 32 * w1 + 12 * w1 * w1 + 48 * w2 - 36 * w1 * w2 + 27 * w2 * w2;
  return factor(
    30,
    2 * w1 - 3 * w2,
    [2, -3],
    q,
    [-32 + 24 * w1 - 36 * w2, 48 - 36 * w1 + 54 * w2],
    [24, -36, 54],
  );
}

export const goldsteinPrice: Surface = {
  id: 'goldstein-price',
  name: 'Goldstein–Price',
  formula:
    '\\left[1 + (w_1 + w_2 + 1)^2 (19 - 14 w_1 + 3 w_1^2 - 14 w_2 + 6 w_1 w_2 + 3 w_2^2)\\right] \\left[30 + (2 w_1 - 3 w_2)^2 (18 - 32 w_1 + 12 w_1^2 + 48 w_2 - 36 w_1 w_2 + 27 w_2^2)\\right]',
  expression:
    '(1 + (w1 + w2 + 1)^2*(19 - 14*w1 + 3*w1^2 - 14*w2 + 6*w1*w2 + 3*w2^2))*(30 + (2*w1 - 3*w2)^2*(18 - 32*w1 + 12*w1^2 + 48*w2 - 36*w1*w2 + 27*w2^2))',
  description:
    'Values spanning more than five orders of magnitude around several local minima: only a log scale shows the global minimum at (0, −1), and fixed learning rates struggle.',
  value: (w1, w2) => factorA(w1, w2).value * factorB(w1, w2).value,
  gradient: (w1, w2) => {
    const a = factorA(w1, w2);
    const b = factorB(w1, w2);
    return [
      a.value * b.gradient[0] + b.value * a.gradient[0],
      a.value * b.gradient[1] + b.value * a.gradient[1],
    ];
  },
  hessian: (w1, w2) => {
    const a = factorA(w1, w2);
    const b = factorB(w1, w2);
    const [ga1, ga2] = a.gradient;
    const [gb1, gb2] = b.gradient;
    return [
      a.value * b.hessian[0] + b.value * a.hessian[0] + 2 * ga1 * gb1,
      a.value * b.hessian[1] + b.value * a.hessian[1] + ga1 * gb2 + gb1 * ga2,
      a.value * b.hessian[2] + b.value * a.hessian[2] + 2 * ga2 * gb2,
    ];
  },
  viewBox: { w1: [-2, 2], w2: [-2, 2] },
  // Newton's method lands on these decimal points to machine precision.
  criticalPoints: [
    { kind: 'minimum', at: [0, -1], label: 'global minimum' },
    { kind: 'minimum', at: [-0.6, -0.4], label: 'local minimum' },
    { kind: 'minimum', at: [1.8, 0.2], label: 'local minimum' },
    { kind: 'minimum', at: [1.2, 0.8], label: 'local minimum' },
    { kind: 'saddle', at: [-0.4, -0.6] },
    { kind: 'saddle', at: [1.2, -0.2] },
    { kind: 'saddle', at: [1.4, 0.6] },
    { kind: 'saddle', at: [0.6, 0.4] },
    { kind: 'maximum', at: [0.8, 0.2], label: 'local maximum' },
  ],
  // Gradient descent from here stops in the local minimum at (−0.6, −0.4); Adam reaches (0, −1).
  defaultStart: [-1, 0],
  starts: [
    [1.5, 1.5], // into the local minimum at (1.2, 0.8)
    [1.5, -1.5],
    [0, 1],
  ],
  contourScale: 'log',
};
