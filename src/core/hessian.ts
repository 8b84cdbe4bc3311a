/** Curvature of a 2×2 symmetric Hessian [a, b, c] = [[a, b], [b, c]]: eigenvalues and condition number. */
import type { Hessian2 } from './types';

/** Eigenvalues λ₁ ≤ λ₂. */
export function eigenvalues([a, b, c]: Hessian2): [number, number] {
  const mid = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mid - radius, mid + radius];
}

/** κ = |λ|max / |λ|min; ∞ where the Hessian is singular. */
export function conditionNumber(h: Hessian2): number {
  const [low, high] = eigenvalues(h)
    .map(Math.abs)
    .sort((x, y) => x - y) as [number, number];
  return low === 0 ? Infinity : high / low;
}
