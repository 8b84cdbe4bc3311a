/**
 * Gradient flow ẇ = −∇L(w), integrated with classical Runge–Kutta (RK4) in sub-steps small enough for the
 * surface's curvature, sampled at the times t_k = Σ η_i that gradient descent's steps correspond to.
 */
import type { Vec2 } from '../types';

export function gradientFlow(
  gradient: (w1: number, w2: number) => Vec2,
  start: Vec2,
  times: readonly number[],
  maxSubstep: number,
): Float64Array {
  const out = new Float64Array(2 * times.length);
  let [w1, w2] = start;
  let now = 0;
  const f = (a: number, b: number) => gradient(a, b);
  for (let i = 0; i < times.length; i++) {
    const target = times[i]!;
    while (now < target && Number.isFinite(w1) && Number.isFinite(w2)) {
      const h = Math.min(maxSubstep, target - now);
      const k1 = f(w1, w2);
      const k2 = f(w1 - (h / 2) * k1[0], w2 - (h / 2) * k1[1]);
      const k3 = f(w1 - (h / 2) * k2[0], w2 - (h / 2) * k2[1]);
      const k4 = f(w1 - h * k3[0], w2 - h * k3[1]);
      w1 -= (h / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
      w2 -= (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
      now += h;
    }
    out[2 * i] = w1;
    out[2 * i + 1] = w2;
  }
  return out;
}
