import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../core/optimizers';
import { resolveOptimizer, type OptimizerConfig } from '../core/scene';
import { decodeHyperparameters, hyperparameterLayout } from '../engine/layout';
import { SUMMARY, SUMMARY_STRIDE } from '../engine/types';
import { axisValues, defaultAxes } from './sweepAxes';
import {
  cellHyperparameters,
  cellOutcome,
  describeOutcome,
  sweepRequest,
  type SweepPlan,
  type SweepSetting,
} from './sweepRequests';

const SETTING: SweepSetting = {
  surface: 'rosenbrock',
  start: [-1.5, 1.5],
  steps: 200,
  seed: 7,
  lossTarget: 1e-3,
  side: 8,
};

function planFor(config: OptimizerConfig): SweepPlan {
  return { config, ...defaultAxes(config.type) };
}

/** Decoded hyperparameters of every particle of a request. */
function rows(type: string, hyperparameters: Float64Array, count: number) {
  const layout = hyperparameterLayout(type);
  expect(hyperparameters).toHaveLength(count * layout.width);
  return Array.from({ length: count }, (_, p) =>
    decodeHyperparameters(layout, hyperparameters, p * layout.width),
  );
}

describe('sweepRequest', () => {
  it('gives Adam particle row·side + column the lr of its column and the β₂ of its row, the rest unchanged', () => {
    const config = resolveOptimizer({ type: 'Adam', lr: 0.05, betas: [0.8, 0.999], eps: 1e-6, noise: 0.3 });
    const plan = planFor(config);
    const request = sweepRequest(plan, SETTING);
    expect(request.count).toBe(64);
    expect(request.optimizerType).toBe('Adam');
    const xs = axisValues(plan.x, 8);
    const ys = axisValues(plan.y, 8);
    const decoded = rows('Adam', request.hyperparameters, 64);
    for (let row = 0; row < 8; row++)
      for (let column = 0; column < 8; column++) {
        const hp = decoded[row * 8 + column]!;
        expect(hp.lr).toBeCloseTo(xs[column]!, 12);
        expect((hp.betas as readonly number[])[1]).toBeCloseTo(ys[row]!, 12);
        expect((hp.betas as readonly number[])[0]).toBe(0.8);
        expect(hp.eps).toBe(1e-6);
        expect(hp.amsgrad).toBe(false);
        expect(hp.bias_correction).toBe(true);
      }
    // Corners: the smallest lr with the smallest β₂, the largest lr with the largest β₂.
    expect(decoded[0]!.lr).toBeCloseTo(Math.pow(10, -4 + 5 / 16), 12);
    expect((decoded[63]!.betas as readonly number[])[1]).toBeGreaterThan(0.999);
    expect((decoded[63]!.betas as readonly number[])[1]).toBeLessThan(0.9999);
  });

  it('keeps every per-particle value inside the spec ranges', () => {
    for (const type of ['SGD', 'Adam', 'RMSprop', 'Adadelta', 'Adagrad', 'NAdam']) {
      const request = sweepRequest(planFor(resolveOptimizer({ type })), SETTING);
      const spec = getOptimizer(type)!;
      for (const hp of rows(type, request.hyperparameters, request.count))
        for (const row of spec.hyperparameters) {
          if (row.kind === 'boolean') continue;
          const values = row.kind === 'pair' ? (hp[row.key] as readonly number[]) : [hp[row.key] as number];
          for (const v of values) {
            expect(v, `${type} ${row.key}`).toBeGreaterThanOrEqual(row.min);
            expect(v, `${type} ${row.key}`).toBeLessThanOrEqual(row.max);
          }
        }
    }
  });

  it('starts every cell at the scene start with one random stream, carrying the scene setting', () => {
    const config = resolveOptimizer({
      type: 'SGD',
      momentum: 0.5,
      noise: 0.25,
      clip: { type: 'norm', max: 2 },
      schedule: { type: 'step', step_size: 10, gamma: 0.5 },
    });
    const request = sweepRequest(planFor(config), { ...SETTING, side: 3 });
    expect(request.count).toBe(9);
    expect(Array.from(request.starts)).toEqual(Array.from({ length: 9 }, () => [-1.5, 1.5]).flat());
    expect(Array.from(request.streams!)).toEqual(new Array(9).fill(0));
    expect(request).toMatchObject({
      surface: 'rosenbrock',
      steps: 200,
      seed: 7,
      lossTarget: 1e-3,
      noise: 0.25,
      clip: { type: 'norm', max: 2 },
      schedule: config.schedule,
    });
    // SGD's y axis is momentum: rows differ in μ, dampening and Nesterov stay the base's.
    const decoded = rows('SGD', request.hyperparameters, 9);
    expect(decoded.map((hp) => hp.momentum)).toEqual(
      [0, 0, 0, 1, 1, 1, 2, 2, 2].map((r) => ((r + 0.5) / 3) * 0.99),
    );
    expect(decoded.every((hp) => hp.dampening === 0 && hp.nesterov === false)).toBe(true);
  });

  it('applies exactly the setting the engine ran for a cell', () => {
    const config = resolveOptimizer({ type: 'RMSprop', lr: 0.01, centered: true });
    const plan = planFor(config);
    const request = sweepRequest(plan, SETTING);
    const layout = hyperparameterLayout('RMSprop');
    const [column, row] = [5, 2];
    const hp = cellHyperparameters(plan, axisValues(plan.x, 8)[column]!, axisValues(plan.y, 8)[row]!);
    expect(hp).toEqual(
      decodeHyperparameters(layout, request.hyperparameters, (row * 8 + column) * layout.width),
    );
    expect(hp.centered).toBe(true);
  });
});

describe('cell outcomes', () => {
  const summary = new Float64Array(3 * SUMMARY_STRIDE).fill(Number.NaN);
  const set = (p: number, field: keyof typeof SUMMARY, value: number) => {
    summary[p * SUMMARY_STRIDE + SUMMARY[field]] = value;
  };
  set(0, 'loss', 1.23456e-5);
  set(0, 'reachedStep', 87);
  set(0, 'divergedStep', -1);
  set(1, 'loss', 0.5);
  set(1, 'reachedStep', -1);
  set(1, 'divergedStep', -1);
  set(2, 'reachedStep', -1);
  set(2, 'divergedStep', 12);

  it('reads a particle’s summary and says what happened', () => {
    expect(cellOutcome(summary, 0)).toEqual({ loss: 1.23456e-5, reachedStep: 87, divergedStep: -1 });
    expect(describeOutcome(cellOutcome(summary, 0))).toBe(
      'final loss 0.0000123 · reached the tolerance at step 87',
    );
    expect(describeOutcome(cellOutcome(summary, 1))).toBe('final loss 0.500 · never reached the tolerance');
    expect(describeOutcome(cellOutcome(summary, 2))).toBe('diverged at step 12');
    expect(describeOutcome({ loss: Number.NaN, reachedStep: -1, divergedStep: 0 })).toBe(
      'diverged at step 0',
    );
  });

  it('reads past the end as no outcome', () => {
    expect(cellOutcome(summary, 3)).toEqual({ loss: Number.NaN, reachedStep: -1, divergedStep: -1 });
  });
});
