/**
 * Everything a CPU kernel needs that is fixed for the whole batch, decided once before the particle loop:
 * the surface, gradient processing, the schedule, sampling and stop rules.
 * The generated kernels (generated/ruleKernels.ts) destructure it into locals.
 */
import type { Clipping } from '../core/gradientProcessing';
import { LIMITS } from '../core/limits';
import { getOptimizer, type Oracle, type OptimizerSpec } from '../core/optimizers';
import type { Schedule } from '../core/schedules';
import type { Hessian2, Vec2 } from '../core/types';
import { holdsOneRow, hyperparameterLayout, type HyperparameterLayout } from '../engine/layout';
import { sampleCountOf, type BatchRequest } from '../engine/types';

/** A surface as the kernel takes it: an Oracle, with an allocation-free evaluation when it has one. */
export type KernelSurface = Oracle & {
  /** Writes ∇L into out[0..1] and returns L, bit-identical to value() and gradient(). */
  valueAndGradientInto?(out: [number, number], w1: number, w2: number): number;
};

export interface KernelJob {
  readonly request: BatchRequest;
  readonly spec: OptimizerSpec;
  readonly layout: HyperparameterLayout;
  readonly oracle: Oracle;
  /** The oracle with valueAndGradientInto (its own, or one built from value() and gradient()). */
  readonly surface: Required<KernelSurface>;
  readonly from: number;
  readonly to: number;
  readonly summary: Float64Array;
  readonly trajectories: Float32Array;
  /** Floats between two particles' hyperparameter rows (0: every particle shares row 0). */
  readonly rowStride: number;
  readonly lrColumn: number;
  readonly sampleCount: number;
  readonly every: number;
  readonly probeStep: number;
  readonly bound: number;
  readonly processed: boolean;
  readonly noise: number;
  readonly clip: Clipping;
  readonly schedule: Schedule;
  readonly constantRate: boolean;
}

/** Wraps value() and gradient() for surfaces without their own valueAndGradientInto. */
class CombinedEvaluation {
  constructor(private readonly surface: Oracle) {}
  value(w1: number, w2: number): number {
    return this.surface.value(w1, w2);
  }
  gradient(w1: number, w2: number): Vec2 {
    return this.surface.gradient(w1, w2);
  }
  hessian(w1: number, w2: number): Hessian2 {
    return this.surface.hessian(w1, w2);
  }
  valueAndGradientInto(out: [number, number], w1: number, w2: number): number {
    const gradient = this.surface.gradient(w1, w2);
    out[0] = gradient[0];
    out[1] = gradient[1];
    return this.surface.value(w1, w2);
  }
}

export function prepareJob(
  request: BatchRequest,
  oracle: KernelSurface,
  from: number,
  to: number,
  summary: Float64Array,
  trajectories: Float32Array,
): KernelJob {
  const spec = getOptimizer(request.optimizerType);
  if (!spec) throw new Error(`unknown optimizer type ${request.optimizerType}`);
  const layout = hyperparameterLayout(request.optimizerType);
  return {
    request,
    spec,
    layout,
    oracle,
    surface: oracle.valueAndGradientInto
      ? (oracle as Required<KernelSurface>)
      : new CombinedEvaluation(oracle),
    from,
    to,
    summary,
    trajectories,
    rowStride: holdsOneRow(request.hyperparameters, layout.width) ? 0 : layout.width,
    lrColumn: layout.columns.findIndex((column) => column.name === 'lr'),
    sampleCount: sampleCountOf(request),
    every: request.sampleEvery ?? 0,
    probeStep: request.probeStep ?? -1,
    bound: LIMITS.divergenceBound,
    processed: request.noise > 0 || request.clip.type !== 'none',
    noise: request.noise,
    clip: request.clip,
    schedule: request.schedule,
    constantRate: request.schedule.type === 'constant',
  };
}
