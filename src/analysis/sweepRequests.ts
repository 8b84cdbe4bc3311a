/**
 * From a sweep's description to batch requests and back: every cell of a side×side grid is one particle
 * with its own (x, y) hyperparameters, all from the same start with the same random stream, so cells
 * differ only in the two swept settings. Pure.
 */
import type { OptimizerConfig, SurfaceRef } from '../core/scene';
import type { Hyperparameters, Vec2 } from '../core/types';
import { sameStartRequest } from './sameStartRequest';
import { SUMMARY, SUMMARY_STRIDE, type BatchRequest } from '../engine/types';
import { sweepGrid, withColumn, type SweepAxis } from './sweepAxes';

export interface SweepPlan {
  readonly config: OptimizerConfig;
  readonly x: SweepAxis;
  readonly y: SweepAxis;
}

export interface SweepSetting {
  readonly surface: SurfaceRef;
  readonly start: Vec2;
  readonly steps: number;
  readonly seed: number;
  readonly lossTarget: number;
  readonly side: number;
}

export function sweepRequest(plan: SweepPlan, setting: SweepSetting): BatchRequest {
  const { side } = setting;
  const { varied } = sweepGrid(plan.x, plan.y, side);
  // One random stream for every cell (the explorer's first), so noise never explains a difference.
  return sameStartRequest(plan.config, setting, side * side, varied);
}

/** The hyperparameters of one cell: the base with both swept columns replaced. */
export function cellHyperparameters(plan: SweepPlan, xValue: number, yValue: number): Hyperparameters {
  return withColumn(withColumn(plan.config.hyperparameters, plan.x.column, xValue), plan.y.column, yValue);
}

export interface CellOutcome {
  readonly loss: number;
  readonly reachedStep: number;
  readonly divergedStep: number;
}

export function cellOutcome(summary: Float64Array, particle: number): CellOutcome {
  const o = particle * SUMMARY_STRIDE;
  return {
    loss: summary[o + SUMMARY.loss] ?? Number.NaN,
    reachedStep: summary[o + SUMMARY.reachedStep] ?? -1,
    divergedStep: summary[o + SUMMARY.divergedStep] ?? -1,
  };
}

/** "final loss 1.2e-5 · reached the tolerance at step 87" / "diverged at step 12". */
export function describeOutcome(outcome: CellOutcome): string {
  if (outcome.divergedStep >= 0) return `diverged at step ${outcome.divergedStep}`;
  const reached =
    outcome.reachedStep >= 0
      ? `reached the tolerance at step ${outcome.reachedStep}`
      : 'never reached the tolerance';
  return `final loss ${outcome.loss.toPrecision(3)} · ${reached}`;
}
