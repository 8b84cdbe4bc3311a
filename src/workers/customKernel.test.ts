import { describe, expect, it } from 'vitest';
import { CUSTOM_TYPE, setCustomOptimizer, TYPED_LION } from '../core/optimizers/custom';
import { resolveOptimizer } from '../core/scene';
import { runOptimizer } from '../core/simulate';
import { SURFACES } from '../core/surfaces';
import { particleHyperparameters } from '../engine/layout';
import { SUMMARY, SUMMARY_STRIDE, type BatchRequest } from '../engine/types';
import { CpuBatchEngine } from './cpuEngine';

describe('a typed optimizer in the CPU batch engine', () => {
  it('equals runOptimizer exactly on every surface (noise, clipping and a schedule on)', async () => {
    expect(setCustomOptimizer(TYPED_LION)).toBeNull();
    const engine = new CpuBatchEngine({ workers: 0 });
    const hp = { ...resolveOptimizer({ type: CUSTOM_TYPE }).hyperparameters, lr: 0.02, decay: 0.05 };
    for (const surface of SURFACES) {
      const starts = [...surface.defaultStart, ...(surface.starts[0] ?? surface.defaultStart)];
      const request: BatchRequest = {
        surface: surface.id,
        optimizerType: CUSTOM_TYPE,
        count: 2,
        starts: Float64Array.from(starts),
        hyperparameters: particleHyperparameters(CUSTOM_TYPE, hp, 2),
        steps: 60,
        seed: 3,
        schedule: { type: 'exponential', k: 0.01 },
        clip: { type: 'norm', max: 10 },
        noise: 0.1,
        lossTarget: 1e-3,
        sampleEvery: 1,
      };
      const result = await engine.run(request);
      for (let p = 0; p < 2; p++) {
        const config = {
          ...resolveOptimizer({ type: CUSTOM_TYPE }),
          hyperparameters: hp,
          noise: 0.1,
          clip: request.clip,
          schedule: request.schedule,
        };
        const reference = runOptimizer(surface, config, [starts[2 * p]!, starts[2 * p + 1]!], 60, 3, p);
        const row = p * SUMMARY_STRIDE;
        expect(result.summary[row + SUMMARY.completedSteps]).toBe(reference.steps);
        expect(result.summary[row + SUMMARY.w1]).toBe(reference.path[2 * reference.steps]);
        expect(result.summary[row + SUMMARY.w2]).toBe(reference.path[2 * reference.steps + 1]);
        expect(result.summary[row + SUMMARY.minLoss]).toBe(Math.min(...reference.loss));
      }
    }
  });
});
