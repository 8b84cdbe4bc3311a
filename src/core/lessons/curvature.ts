/** The surface's Hessian where a caption needs curvature (eigenvalues of the 2×2 symmetric matrix). */
import type { Hessian2 } from '../types';
import type { LessonRuns } from './claims';

export const surfaceHessian = (runs: LessonRuns, w1: number, w2: number): Hessian2 =>
  runs.simulation.surface.hessian(w1, w2);

/** Eigenvalues λ₁ ≤ λ₂ of [[a, b], [b, c]]. */
export function eigenvalues([a, b, c]: Hessian2): [number, number] {
  const mid = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mid - radius, mid + radius];
}
