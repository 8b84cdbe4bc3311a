import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../core/optimizers';
import { resolveOptimizer } from '../core/scene';
import { runOptimizer } from '../core/simulate';
import { SURFACES, getSurface } from '../core/surfaces';
import { hyperparameterLayout, particleHyperparameters } from '../engine/layout';
import { readFileSync } from 'node:fs';
import { SUMMARY, SUMMARY_STRIDE, sliceRequest, type BatchRequest, type BatchResult } from '../engine/types';
import { resolveSurface } from '../core/resolveSurface';
import { CpuBatchEngine } from './cpuEngine';
import { formatRuleKernels, RULE_KERNELS_PATH } from './formatKernels';
import { RULE_KERNELS } from './generated/ruleKernels';
import { cpuRuleSources } from './kernelGenerator';

function requestFor(
  surfaceId: string,
  type: string,
  starts: number[],
  extra: Partial<BatchRequest> = {},
): BatchRequest {
  const config = resolveOptimizer({ type });
  const count = starts.length / 2;
  return {
    surface: surfaceId,
    optimizerType: type,
    count,
    starts: Float64Array.from(starts),
    hyperparameters: particleHyperparameters(type, config.hyperparameters, count),
    steps: 60,
    seed: 3,
    schedule: { type: 'constant' },
    clip: { type: 'none' },
    noise: 0,
    lossTarget: 1e-3,
    sampleEvery: 1,
    ...extra,
  };
}

describe('CPU engine', () => {
  it.each(OPTIMIZERS.map((spec) => spec.type))(
    '%s equals runOptimizer exactly on every surface',
    async (type) => {
      const engine = new CpuBatchEngine({ workers: 0 });
      for (const surface of SURFACES) {
        const starts = [...surface.defaultStart, ...(surface.starts[0] ?? surface.defaultStart)];
        const request = requestFor(surface.id, type, starts, {
          noise: 0.1,
          clip: { type: 'norm', max: 10 },
          schedule: { type: 'exponential', k: 0.01 },
        });
        const result = await engine.run(request);
        for (let p = 0; p < 2; p++) {
          const config = {
            ...resolveOptimizer({ type }),
            noise: 0.1,
            clip: request.clip,
            schedule: request.schedule,
          };
          const reference = runOptimizer(
            surface,
            config,
            [starts[2 * p]!, starts[2 * p + 1]!],
            request.steps,
            request.seed,
            p,
          );
          const row = p * SUMMARY_STRIDE;
          expect(result.summary[row + SUMMARY.completedSteps]).toBe(reference.steps);
          expect(result.summary[row + SUMMARY.w1]).toBe(reference.path[2 * reference.steps]);
          expect(result.summary[row + SUMMARY.w2]).toBe(reference.path[2 * reference.steps + 1]);
          expect(result.summary[row + SUMMARY.divergedStep]).toBe(
            reference.divergence ? reference.divergence.step : -1,
          );
          const minLoss = Math.min(...reference.loss);
          expect(result.summary[row + SUMMARY.minLoss]).toBe(minLoss);
          const reached = Array.from(reference.loss).findIndex((loss) => loss <= request.lossTarget);
          expect(result.summary[row + SUMMARY.reachedStep]).toBe(reached);
          for (let k = 0; k <= reference.steps; k++) {
            expect(result.trajectories[(p * result.sampleCount + k) * 3]).toBe(
              Math.fround(reference.path[2 * k]!),
            );
          }
        }
      }
    },
  );

  it.each([
    ['SGD', { momentum: 0.9, dampening: 0.1, nesterov: true, weight_decay: 0.01 }],
    ['Adagrad', { lr_decay: 0.01, initial_accumulator_value: 0.1, weight_decay: 0.01 }],
    ['RMSprop', { momentum: 0.5, centered: true, weight_decay: 0.01 }],
    ['Adam', { amsgrad: true, weight_decay: 0.01 }],
    ['Adam', { bias_correction: false, betas: [0.8, 0.99] }],
    ['AdamW', { amsgrad: true, weight_decay: 0.1 }],
    ['Adamax', { weight_decay: 0.01 }],
    ['NAdam', { weight_decay: 0.01, momentum_decay: 0.008 }],
    ['Adadelta', { weight_decay: 0.01 }],
    ['Newton', { damping: 0.5 }],
  ] as const)('%s with non-default settings %j equals runOptimizer exactly', async (type, settings) => {
    const engine = new CpuBatchEngine({ workers: 0 });
    for (const surfaceId of ['quadratic', 'rosenbrock', 'himmelblau']) {
      const surface = getSurface(surfaceId)!;
      const config = resolveOptimizer({ type, ...settings });
      const starts = [...surface.defaultStart];
      const request: BatchRequest = {
        ...requestFor(surfaceId, type, starts),
        hyperparameters: particleHyperparameters(type, config.hyperparameters, 1),
      };
      const result = await engine.run(request);
      const reference = runOptimizer(surface, config, surface.defaultStart, request.steps, request.seed, 0);
      expect(result.summary[SUMMARY.completedSteps]).toBe(reference.steps);
      expect(result.summary[SUMMARY.w1]).toBe(reference.path[2 * reference.steps]);
      expect(result.summary[SUMMARY.w2]).toBe(reference.path[2 * reference.steps + 1]);
      expect(result.summary[SUMMARY.minLoss]).toBe(Math.min(...reference.loss));
    }
  });

  it('samples every k steps, holds the last point after a stop, and reports the probe loss', async () => {
    const engine = new CpuBatchEngine({ workers: 0 });
    const request = requestFor('quadratic', 'SGD', [-1, -1], { steps: 10, sampleEvery: 4, probeStep: 8 });
    const result = await engine.run(request);
    expect(result.sampleCount).toBe(3);
    const reference = runOptimizer(
      getSurface('quadratic')!,
      resolveOptimizer({ type: 'SGD' }),
      [-1, -1],
      10,
      3,
      0,
    );
    expect(result.trajectories[3]).toBe(Math.fround(reference.path[8]!));
    expect(result.summary[SUMMARY.probeLoss]).toBe(reference.loss[8]);
  });

  it('reports progress and stops when cancelled', async () => {
    const engine = new CpuBatchEngine({ workers: 0 });
    const starts = Array.from({ length: 2 * 120_000 }, (_, i) => (i % 7) / 7 - 0.5);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = engine.run(requestFor('quadratic', 'Adam', starts, { steps: 100, sampleEvery: 0 }), {
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        controller.abort();
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(seen.length).toBe(1);
  });
});

/** Particle p's summary holds runOptimizer's step count, end point and divergence step, bit for bit. */
function expectSummaryRowToEqual(
  result: BatchResult,
  p: number,
  reference: ReturnType<typeof runOptimizer>,
): void {
  const row = p * SUMMARY_STRIDE;
  expect(result.summary[row + SUMMARY.completedSteps]).toBe(reference.steps);
  expect(result.summary[row + SUMMARY.w1]).toBe(reference.path[2 * reference.steps]);
  expect(result.summary[row + SUMMARY.w2]).toBe(reference.path[2 * reference.steps + 1]);
  expect(result.summary[row + SUMMARY.divergedStep]).toBe(reference.divergence?.step ?? -1);
}

describe('CPU kernels', () => {
  it('are generated from the rules and ruleSources.ts and the committed file is up to date (npm run generate:kernels)', async () => {
    const committed = readFileSync(RULE_KERNELS_PATH, 'utf8');
    expect(committed).toBe(await formatRuleKernels());
    expect(Object.keys(RULE_KERNELS)).toEqual(Object.keys(cpuRuleSources()));
  });

  it.each(['SGD', 'Adam', 'RMSprop', 'Newton', 'LBFGS'])(
    '%s: a batch of particles with their own learning rates, some diverging, equals runOptimizer per particle',
    async (type) => {
      const surface = getSurface('rosenbrock')!;
      const count = 37;
      const starts = Array.from({ length: 2 * count }, (_, i) => ((i * 7919) % 97) / 40 - 1.2);
      // Rates from 1e-4 up to far too large (1e5 every ninth particle), and one start that is not a number.
      const lrs = Array.from({ length: count }, (_, p) => (p % 9 === 8 ? 1e5 : 1e-4 * 3 ** (p % 9)));
      starts[8] = Number.NaN;
      const config = resolveOptimizer({ type });
      const request: BatchRequest = {
        ...requestFor('rosenbrock', type, starts, { steps: 40 }),
        hyperparameters: particleHyperparameters(type, config.hyperparameters, count, { lr: lrs }),
      };
      const result = await new CpuBatchEngine({ workers: 0 }).run(request);
      let stopped = 0;
      for (let p = 0; p < count; p++) {
        const settings = { ...config, hyperparameters: { ...config.hyperparameters, lr: lrs[p]! } };
        const start: [number, number] = [starts[2 * p]!, starts[2 * p + 1]!];
        const reference = runOptimizer(surface, settings, start, request.steps, request.seed, p);
        expectSummaryRowToEqual(result, p, reference);
        if (reference.divergence) stopped++;
      }
      // The batch exercises both paths: runs that finish and runs that stop early.
      expect(stopped).toBeGreaterThan(1);
      expect(stopped).toBeLessThan(count);
    },
  );

  it.each([
    ['Adam', 'betas[1]', 'betas', 1],
    ['Adamax', 'betas[0]', 'betas', 0],
    ['NAdam', 'betas[1]', 'betas', 1],
    ['NAdam', 'momentum_decay', 'momentum_decay', -1],
  ] as const)(
    '%s with %s of its own per particle (each particle rebuilds the memoized powers) equals runOptimizer',
    async (type, column, key, half) => {
      const surface = getSurface('himmelblau')!;
      const count = 24;
      const starts = Array.from({ length: 2 * count }, (_, i) => ((i * 7919) % 97) / 20 - 2.4);
      // Runs of different lengths under different keys: every fifth particle's rate (1e7) leaves the bound early.
      const values = Array.from({ length: count }, (_, p) =>
        half === -1 ? 0.001 * (p + 1) : [0.5, 0.9, 0.99, 0.999][p % 4]! - 1e-3 * Math.floor(p / 4),
      );
      const lrs = Array.from({ length: count }, (_, p) => (p % 5 === 4 ? 1e7 : 0.05));
      const config = resolveOptimizer({ type });
      const request: BatchRequest = {
        ...requestFor('himmelblau', type, starts, { steps: 60 }),
        hyperparameters: particleHyperparameters(type, config.hyperparameters, count, {
          [column]: values,
          lr: lrs,
        }),
      };
      const result = await new CpuBatchEngine({ workers: 0 }).run(request);
      let stopped = 0;
      for (let p = 0; p < count; p++) {
        const pair = config.hyperparameters[key] as readonly [number, number];
        const own: number | [number, number] =
          half === -1 ? values[p]! : half === 0 ? [values[p]!, pair[1]] : [pair[0], values[p]!];
        const hyperparameters = { ...config.hyperparameters, [key]: own, lr: lrs[p]! };
        const settings = { ...config, hyperparameters };
        const start: [number, number] = [starts[2 * p]!, starts[2 * p + 1]!];
        const reference = runOptimizer(surface, settings, start, request.steps, request.seed, p);
        expectSummaryRowToEqual(result, p, reference);
        if (reference.divergence) stopped++;
      }
      // Both paths again: runs that finish and runs that stop early.
      expect(stopped).toBeGreaterThan(0);
      expect(stopped).toBeLessThan(count);
    },
  );

  it('gives the same results from one shared hyperparameter row as from a row per particle', async () => {
    const engine = new CpuBatchEngine({ workers: 0 });
    const starts = Array.from({ length: 40 }, (_, i) => (i % 5) / 3 - 0.6);
    const compact = requestFor('himmelblau', 'Adam', starts, { sampleEvery: 5 });
    const width = hyperparameterLayout('Adam').width;
    expect(compact.hyperparameters.length).toBe(width);
    const rows = new Float64Array(compact.count * width);
    for (let p = 0; p < compact.count; p++) rows.set(compact.hyperparameters, p * width);
    const full = { ...compact, hyperparameters: rows };
    const a = await engine.run(full);
    const b = await engine.run(compact);
    expect(Array.from(b.summary)).toEqual(Array.from(a.summary));
    expect(Array.from(b.trajectories)).toEqual(Array.from(a.trajectories));
    const slice = sliceRequest(full, 3, 9, width, true);
    expect(slice.hyperparameters.length).toBe(width);
    const sliced = await engine.run(slice);
    expect(Array.from(sliced.summary)).toEqual(
      Array.from(a.summary.slice(3 * SUMMARY_STRIDE, 9 * SUMMARY_STRIDE)),
    );
  });
});

describe('CPU kernels at a point where the loss is finite and the gradient is not', () => {
  // √(w1² + w2²) from (1, 0) with SGD lr 1: the first step lands exactly on the origin, where the loss
  // is 0 and the gradient 0/0; the run stops before the next step, as runOptimizer does.
  const cone = { expression: 'sqrt(w1^2 + w2^2)' };
  it.each([
    [[1, 0], 5],
    [[1, 0], 1],
    [[0, 0], 3],
  ] as const)('start %j, %i steps: equals runOptimizer', async (start, steps) => {
    const resolved = resolveSurface(cone);
    if (!resolved.ok) throw new Error(resolved.error);
    const config = resolveOptimizer({ type: 'SGD', lr: 1 });
    const request: BatchRequest = {
      ...requestFor('quadratic', 'SGD', [...start], { steps }),
      surface: cone,
      hyperparameters: particleHyperparameters('SGD', config.hyperparameters, 1),
    };
    const result = await new CpuBatchEngine({ workers: 0 }).run(request);
    const reference = runOptimizer(resolved.value, config, [start[0], start[1]], steps, request.seed, 0);
    expect(result.summary[SUMMARY.completedSteps]).toBe(reference.steps);
    expect(result.summary[SUMMARY.divergedStep]).toBe(reference.divergence?.step ?? -1);
    expect(result.summary[SUMMARY.loss]).toBe(reference.loss[reference.steps]);
    if (steps > 1) expect(reference.divergence?.step).toBeGreaterThan(0);
  });
});
