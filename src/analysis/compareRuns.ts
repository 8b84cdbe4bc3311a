/**
 * A fair comparison: every optimizer gets the same budget of settings — 64 log-spaced learning rates
 * × a few values of its key second hyperparameter — from the same start with the same steps, and is
 * judged by one objective the user picks. Pure: requests in, per-optimizer analysis out.
 */
import { getOptimizer } from '../core/optimizers';
import type { OptimizerConfig, SurfaceRef } from '../core/scene';
import type { Hyperparameters, Vec2 } from '../core/types';
import { SUMMARY, SUMMARY_STRIDE, type BatchRequest } from '../engine/types';
import { sameStartRequest } from './sameStartRequest';
import { withColumn } from './sweepAxes';

export type Objective = 'final' | 'probe' | 'steps';

export const LR_COUNT = 64;
export const LR_RANGE: readonly [number, number] = [1e-4, 10];

export function learningRates(count = LR_COUNT, [lo, hi] = LR_RANGE): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => lo * Math.pow(hi / lo, i / (count - 1)));
}

export interface ComparePlan {
  readonly config: OptimizerConfig;
  readonly lrs: Float64Array;
  /** null: the optimizer has no second axis here (only its own value is run). */
  readonly column: string | null;
  readonly values: readonly number[];
}

export function comparePlan(config: OptimizerConfig): ComparePlan {
  // The second hyperparameter the spec says it is tuned by, and the values tried.
  const second = getOptimizer(config.type)?.second;
  return {
    config,
    lrs: learningRates(),
    column: second?.column ?? null,
    values: second?.compared ?? [Number.NaN],
  };
}

export interface CompareSetting {
  readonly surface: SurfaceRef;
  readonly start: Vec2;
  readonly steps: number;
  readonly seed: number;
  readonly lossTarget: number;
  readonly probeStep: number;
}

/** Particle k·64 + i runs lr i with second value k. */
export function compareRequest(plan: ComparePlan, setting: CompareSetting): BatchRequest {
  const n = plan.lrs.length;
  const count = n * plan.values.length;
  const lr = new Float64Array(count);
  const second = new Float64Array(count);
  for (let k = 0; k < plan.values.length; k++)
    for (let i = 0; i < n; i++) {
      const p = k * n + i;
      lr[p] = plan.lrs[i]!;
      second[p] = plan.values[k]!;
    }
  const varied: Record<string, Float64Array> = { lr };
  if (plan.column) varied[plan.column] = second;
  return sameStartRequest(plan.config, setting, count, varied);
}

export function settingHyperparameters(plan: ComparePlan, lr: number, value: number): Hyperparameters {
  const withLr = withColumn(plan.config.hyperparameters, 'lr', lr);
  return plan.column ? withColumn(withLr, plan.column, value) : withLr;
}

export interface ObjectiveTerms {
  readonly steps: number;
  readonly probeStep: number;
  /** Loss above the minimum that counts as converged. */
  readonly tolerance: number;
}

/** The objective as the figure states it: what is measured and which way is better. */
export function objectiveStatement(
  objective: Objective,
  { steps, probeStep, tolerance }: ObjectiveTerms,
): string {
  if (objective === 'steps') return `steps until loss − min ≤ ${tolerance} (of ${steps}; lower is better)`;
  if (objective === 'probe') return `loss at step ${probeStep} of ${steps} (lower is better)`;
  return `final loss after ${steps} steps (lower is better)`;
}

/** What "converged" means under the objective (the shaded lr range). */
export function convergedMeaning(
  objective: Objective,
  { steps, probeStep, tolerance }: ObjectiveTerms,
): string {
  if (objective === 'steps') return `reaches loss − min ≤ ${tolerance} within ${steps} steps`;
  return `${objective === 'probe' ? `loss at step ${probeStep}` : 'final loss'} − min ≤ ${tolerance}`;
}

export interface Curve {
  readonly value: number;
  /** Objective per lr (NaN where the run diverged). */
  readonly objective: Float64Array;
  readonly diverged: Uint8Array;
  readonly converged: Uint8Array;
  /** Widest run of consecutive converging rates, as indices [from, to], or null. */
  readonly range: readonly [number, number] | null;
}

export interface CompareAnalysis {
  readonly curves: readonly Curve[];
  readonly best: { readonly lr: number; readonly value: number; readonly objective: number } | null;
  /** The widest converging range over all second values, in decades of lr (0 when none converges). */
  readonly widthDecades: number;
  readonly widest: { readonly value: number; readonly lr: readonly [number, number] } | null;
}

function objectiveOf(summary: Float64Array, p: number, objective: Objective): number {
  const o = p * SUMMARY_STRIDE;
  if (objective === 'steps') {
    const reached = summary[o + SUMMARY.reachedStep]!;
    return reached >= 0 ? reached : Number.POSITIVE_INFINITY;
  }
  return summary[o + (objective === 'final' ? SUMMARY.loss : SUMMARY.probeLoss)]!;
}

export function analyse(
  plan: ComparePlan,
  summary: Float64Array,
  objective: Objective,
  lossTarget: number,
): CompareAnalysis {
  const n = plan.lrs.length;
  let best: CompareAnalysis['best'] = null;
  let widest: CompareAnalysis['widest'] = null;
  let widthDecades = 0;
  const curves = plan.values.map((value, k) => {
    const values = new Float64Array(n);
    const diverged = new Uint8Array(n);
    const converged = new Uint8Array(n);
    let run: [number, number] | null = null;
    let range: [number, number] | null = null;
    for (let i = 0; i < n; i++) {
      const p = k * n + i;
      const isDiverged = summary[p * SUMMARY_STRIDE + SUMMARY.divergedStep]! >= 0;
      const v = isDiverged ? Number.NaN : objectiveOf(summary, p, objective);
      values[i] = v;
      diverged[i] = isDiverged ? 1 : 0;
      const ok = !isDiverged && (objective === 'steps' ? Number.isFinite(v) : v <= lossTarget);
      converged[i] = ok ? 1 : 0;
      if (ok) {
        run = run ? [run[0], i] : [i, i];
        if (!range || run[1] - run[0] > range[1] - range[0]) range = [run[0], run[1]];
      } else run = null;
      if (!isDiverged && Number.isFinite(v) && (!best || v < best.objective))
        best = { lr: plan.lrs[i]!, value, objective: v };
    }
    if (range) {
      // A range of one rate still spans one grid cell: width in decades counts cells, not gaps.
      const step = Math.log10(plan.lrs[1]! / plan.lrs[0]!);
      const width = (range[1] - range[0] + 1) * step;
      if (width > widthDecades) {
        widthDecades = width;
        widest = { value, lr: [plan.lrs[range[0]]!, plan.lrs[range[1]]!] };
      }
    }
    return { value, objective: values, diverged, converged, range };
  });
  return { curves, best, widthDecades, widest };
}
