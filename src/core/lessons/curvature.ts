/** The surface's Hessian where a caption needs curvature. */
import type { Hessian2 } from '../types';
import type { LessonRuns } from './claims';

export { eigenvalues } from '../hessian';

export const surfaceHessian = (runs: LessonRuns, w1: number, w2: number): Hessian2 =>
  runs.simulation.surface.hessian(w1, w2);
