/** The focused run's sharpness trace and, for plain gradient descent, its gradient-flow reference. */
import { useMemo } from 'react';
import { gradientFlow, sharpnessAlong, type SharpnessTrace } from '../../core/stability';
import { eigenvalues } from '../../core/hessian';
import type { ResolvedSurface } from '../../core';
import type { Run } from '../simulation/deriveSimulation';

export interface StabilityView {
  readonly trace: SharpnessTrace | null;
  /** Gradient flow at the times t_k = η₁ + … + η_k of the run's steps (points 0…n), or null. */
  readonly flow: Float64Array | null;
}

export const isPlainGradientDescent = (run: Run): boolean =>
  run.entry.type === 'SGD' && run.entry.hyperparameters.momentum === 0;

export function useStability(surface: ResolvedSurface | null, run: Run | null): StabilityView {
  return useMemo(() => {
    if (!surface || !run) return { trace: null, flow: null };
    const t = run.trajectory;
    const trace = sharpnessAlong(surface.hessian, t);
    if (!isPlainGradientDescent(run) || t.steps === 0) return { trace, flow: null };
    const times = [0];
    for (let k = 0; k < t.steps; k++) times.push(times[k]! + t.learningRate[k]!);
    // Sub-steps well inside RK4's stability for the sharpest curvature at the start.
    const sharpest = Math.abs(eigenvalues(surface.hessian(t.path[0]!, t.path[1]!))[1]) || 1;
    // …but at most 200,000 sub-steps, so a long run on a sharp surface stays interactive.
    const substep = Math.max(0.05 / Math.max(1, sharpest), times.at(-1)! / 200_000);
    const flow = gradientFlow(surface.gradient, [t.path[0]!, t.path[1]!], times, substep);
    return { trace, flow };
  }, [surface, run]);
}
