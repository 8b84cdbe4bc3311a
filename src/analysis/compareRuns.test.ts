import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../core/optimizers';
import { resolveOptimizer } from '../core/scene';
import { decodeHyperparameters, hyperparameterLayout } from '../engine/layout';
import { SUMMARY, SUMMARY_STRIDE } from '../engine/types';
import {
  analyse,
  comparePlan,
  compareRequest,
  convergedMeaning,
  learningRates,
  LR_COUNT,
  objectiveStatement,
  settingHyperparameters,
  type ComparePlan,
  type CompareSetting,
} from './compareRuns';

const SETTING: CompareSetting = {
  surface: 'quadratic',
  start: [-1, -1],
  steps: 150,
  seed: 3,
  lossTarget: 1e-3,
  probeStep: 30,
};
/** One grid step of the 64 rates: five decades over 63 gaps. */
const DECADES_PER_RATE = 5 / 63;

type Outcome = { loss?: number; probe?: number; reached?: number; diverged?: number };

/** A hand-made summary: particle k·n + i gets outcomes[k][i] (defaults: finite, never reached, not diverged). */
function summaryOf(outcomes: readonly (readonly Outcome[])[]): Float64Array {
  const n = outcomes[0]!.length;
  const summary = new Float64Array(outcomes.length * n * SUMMARY_STRIDE);
  outcomes.forEach((curve, k) =>
    curve.forEach((o, i) => {
      const at = (k * n + i) * SUMMARY_STRIDE;
      summary[at + SUMMARY.loss] = o.loss ?? 1;
      summary[at + SUMMARY.probeLoss] = o.probe ?? o.loss ?? 1;
      summary[at + SUMMARY.reachedStep] = o.reached ?? -1;
      summary[at + SUMMARY.divergedStep] = o.diverged ?? -1;
    }),
  );
  return summary;
}

/** A plan with few rates so curves can be written out by hand. */
function smallPlan(lrs: number[], values: number[]): ComparePlan {
  return {
    config: resolveOptimizer({ type: 'SGD' }),
    lrs: Float64Array.from(lrs),
    column: 'momentum',
    values,
  };
}

describe('plans and requests', () => {
  it('uses 64 log-spaced learning rates from 1e-4 to 10', () => {
    const lrs = learningRates();
    expect(lrs).toHaveLength(LR_COUNT);
    expect(lrs[0]).toBeCloseTo(1e-4, 15);
    expect(lrs[63]).toBeCloseTo(10, 10);
    for (let i = 1; i < lrs.length; i++)
      expect(Math.log10(lrs[i]! / lrs[i - 1]!)).toBeCloseTo(DECADES_PER_RATE, 12);
  });

  it('pairs each optimizer with its second hyperparameter, or none', () => {
    expect(comparePlan(resolveOptimizer({ type: 'Adam' }))).toMatchObject({
      column: 'betas[1]',
      values: [0.9, 0.99, 0.999, 0.9999],
    });
    expect(comparePlan(resolveOptimizer({ type: 'RMSprop' }))).toMatchObject({ column: 'alpha' });
    const newton = comparePlan(resolveOptimizer({ type: 'Newton' }));
    expect(newton.column).toBeNull();
    expect(newton.values).toHaveLength(1);
  });

  it('runs particle k·64 + i with lr i and second value k, inside the spec ranges', () => {
    for (const type of ['SGD', 'Adam', 'RMSprop', 'Adadelta', 'Adagrad']) {
      const plan = comparePlan(resolveOptimizer({ type, noise: 0.1 }));
      const request = compareRequest(plan, SETTING);
      const layout = hyperparameterLayout(type);
      expect(request.count).toBe(64 * plan.values.length);
      expect(request).toMatchObject({ probeStep: 30, steps: 150, noise: 0.1, lossTarget: 1e-3 });
      expect(Array.from(request.streams!).every((s) => s === 0)).toBe(true);
      const spec = getOptimizer(type)!;
      for (let k = 0; k < plan.values.length; k++)
        for (const i of [0, 17, 63]) {
          const p = k * 64 + i;
          const hp = decodeHyperparameters(layout, request.hyperparameters, p * layout.width);
          expect(hp).toEqual(settingHyperparameters(plan, plan.lrs[i]!, plan.values[k]!));
          expect(hp.lr).toBe(plan.lrs[i]);
          expect([request.starts[2 * p], request.starts[2 * p + 1]]).toEqual([-1, -1]);
          for (const row of spec.hyperparameters) {
            if (row.kind === 'boolean') continue;
            const values = row.kind === 'pair' ? (hp[row.key] as readonly number[]) : [hp[row.key] as number];
            for (const v of values) {
              expect(v, `${type} ${row.key}`).toBeGreaterThanOrEqual(row.min);
              expect(v, `${type} ${row.key}`).toBeLessThanOrEqual(row.max);
            }
          }
        }
    }
  });

  it('keeps the base value when the optimizer has no second axis', () => {
    const plan = comparePlan(resolveOptimizer({ type: 'Newton' }));
    const request = compareRequest(plan, SETTING);
    const layout = hyperparameterLayout('Newton');
    const hp = decodeHyperparameters(layout, request.hyperparameters, 5 * layout.width);
    expect(hp).toEqual({ ...plan.config.hyperparameters, lr: plan.lrs[5] });
  });
});

describe('analyse', () => {
  const lrs = [1e-3, 1e-2, 1e-1, 1, 10];
  const target = 1e-3;

  it('finds the widest run of converging rates and the best setting', () => {
    const plan = smallPlan(lrs, [0, 0.9]);
    const summary = summaryOf([
      // μ = 0: converges at 1e-2 and 1e-1 (2 rates), then diverges.
      [{ loss: 0.5 }, { loss: 5e-4 }, { loss: 1e-5 }, { diverged: 3 }, { diverged: 1 }],
      // μ = 0.9: converges at 1e-3, then 1e-1 … 1 (a gap at 1e-2 breaks the run).
      [{ loss: 1e-4 }, { loss: 0.2 }, { loss: 2e-6 }, { loss: 9e-4 }, { diverged: 2 }],
    ]);
    const a = analyse(plan, summary, 'final', target);
    expect(Array.from(a.curves[0]!.converged)).toEqual([0, 1, 1, 0, 0]);
    expect(Array.from(a.curves[0]!.diverged)).toEqual([0, 0, 0, 1, 1]);
    expect(a.curves[0]!.objective[3]).toBeNaN();
    expect(a.curves[0]!.range).toEqual([1, 2]);
    expect(a.curves[1]!.range).toEqual([2, 3]);
    // Both ranges are two rates wide: the first found is kept; two rates span two cells of one decade.
    expect(a.widthDecades).toBeCloseTo(2, 12);
    expect(a.widest).toEqual({ value: 0, lr: [1e-2, 1e-1] });
    expect(a.best).toEqual({ lr: 1e-1, value: 0.9, objective: 2e-6 });
  });

  it('prefers the longer run when it comes later', () => {
    const plan = smallPlan(lrs, [0]);
    const summary = summaryOf([
      [{ loss: 1e-4 }, { loss: 1 }, { loss: 1e-4 }, { loss: 1e-4 }, { loss: 1e-4 }],
    ]);
    const a = analyse(plan, summary, 'final', target);
    expect(a.curves[0]!.range).toEqual([2, 4]);
    expect(a.widthDecades).toBeCloseTo(3, 12);
    expect(a.widest).toEqual({ value: 0, lr: [1e-1, 10] });
    // Two runs of equal length within one curve: the first (smaller rates) is the range.
    const tie = summaryOf([[{ loss: 1e-4 }, { loss: 1 }, { loss: 1e-4 }, { loss: 1 }, { loss: 1 }]]);
    expect(analyse(plan, tie, 'final', target).curves[0]!.range).toEqual([0, 0]);
  });

  it('reports nothing when every run diverged', () => {
    const plan = smallPlan(lrs, [0, 0.5]);
    const summary = summaryOf([lrs.map(() => ({ diverged: 4 })), lrs.map(() => ({ diverged: 0, loss: 0 }))]);
    for (const objective of ['final', 'probe', 'steps'] as const) {
      const a = analyse(plan, summary, objective, target);
      expect(a.best).toBeNull();
      expect(a.widest).toBeNull();
      expect(a.widthDecades).toBe(0);
      for (const curve of a.curves) {
        expect(curve.range).toBeNull();
        expect(Array.from(curve.diverged)).toEqual([1, 1, 1, 1, 1]);
        expect(Array.from(curve.objective).every(Number.isNaN)).toBe(true);
      }
    }
  });

  it('still names the best setting when none converges, with zero width', () => {
    const plan = smallPlan(lrs, [0]);
    const summary = summaryOf([
      [{ loss: 0.9 }, { loss: 0.3 }, { loss: 0.05 }, { loss: 0.2 }, { diverged: 5 }],
    ]);
    const a = analyse(plan, summary, 'final', target);
    expect(Array.from(a.curves[0]!.converged)).toEqual([0, 0, 0, 0, 0]);
    expect(a.curves[0]!.range).toBeNull();
    expect(a.widthDecades).toBe(0);
    expect(a.widest).toBeNull();
    expect(a.best).toEqual({ lr: 0.1, value: 0, objective: 0.05 });
  });

  it('counts steps to tolerance: never reaching is infinite, never best', () => {
    const plan = smallPlan(lrs, [0]);
    const summary = summaryOf([
      [{ reached: -1 }, { reached: 120 }, { reached: 40 }, { reached: 9, diverged: 30 }, { reached: -1 }],
    ]);
    const a = analyse(plan, summary, 'steps', target);
    const curve = a.curves[0]!;
    expect(curve.objective[0]).toBe(Number.POSITIVE_INFINITY);
    expect(curve.objective[1]).toBe(120);
    // Reaching the tolerance and diverging later still counts as diverged.
    expect(curve.objective[3]).toBeNaN();
    expect(Array.from(curve.converged)).toEqual([0, 1, 1, 0, 0]);
    expect(a.best).toEqual({ lr: 0.1, value: 0, objective: 40 });
    const none = analyse(plan, summaryOf([lrs.map(() => ({ reached: -1 }))]), 'steps', target);
    expect(none.best).toBeNull();
    expect(none.widthDecades).toBe(0);
  });

  it('judges the probe objective by the loss at step k, ignoring the final loss', () => {
    const plan = smallPlan(lrs, [0]);
    const summary = summaryOf([
      [{ loss: 1e-9, probe: 0.4 }, { loss: 1e-9, probe: 5e-4 }, { loss: 1, probe: Number.NaN }, {}, {}],
    ]);
    const a = analyse(plan, summary, 'probe', target);
    expect(Array.from(a.curves[0]!.converged)).toEqual([0, 1, 0, 0, 0]);
    expect(a.best).toEqual({ lr: 1e-2, value: 0, objective: 5e-4 });
    // One converging rate is one cell wide.
    expect(a.widthDecades).toBeCloseTo(1, 12);
  });

  it('measures a 64-rate range in decades of the real grid', () => {
    const plan = comparePlan(resolveOptimizer({ type: 'Newton' }));
    const outcomes = Array.from({ length: 64 }, (_, i) => ({ loss: i >= 10 && i < 31 ? 1e-6 : 1 }));
    const a = analyse(plan, summaryOf([outcomes]), 'final', target);
    expect(a.curves[0]!.range).toEqual([10, 30]);
    expect(a.widthDecades).toBeCloseTo(21 * DECADES_PER_RATE, 12);
  });
});

describe('objective statements', () => {
  const terms = { steps: 150, probeStep: 30, tolerance: 1e-3 };
  it('states what is measured and which way is better', () => {
    expect(objectiveStatement('final', terms)).toBe('final loss after 150 steps (lower is better)');
    expect(objectiveStatement('probe', terms)).toBe('loss at step 30 of 150 (lower is better)');
    expect(objectiveStatement('steps', terms)).toBe(
      'steps until loss − min ≤ 0.001 (of 150; lower is better)',
    );
  });
  it('states what counts as converged', () => {
    expect(convergedMeaning('final', terms)).toBe('final loss − min ≤ 0.001');
    expect(convergedMeaning('probe', terms)).toBe('loss at step 30 − min ≤ 0.001');
    expect(convergedMeaning('steps', terms)).toBe('reaches loss − min ≤ 0.001 within 150 steps');
  });
});
