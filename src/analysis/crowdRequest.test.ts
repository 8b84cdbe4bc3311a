import { describe, expect, it } from 'vitest';
import { resolveOptimizer } from '../core/scene';
import { decodeHyperparameters, hyperparameterLayout, rowOffset } from '../engine/layout';
import { sampleCountOf } from '../engine/types';
import { crowdRequest, MAX_SAMPLES, sampleEveryFor, type CrowdSetting } from './crowdRequest';

const SETTING: CrowdSetting = {
  surface: 'himmelblau',
  mode: 'ring',
  center: [0, 0],
  spread: 1,
  count: 6,
  steps: 150,
  seed: 5,
  noise: 2,
  lossTarget: 1e-3,
};

describe('crowdRequest', () => {
  const config = resolveOptimizer({ type: 'Adam', lr: 0.1, noise: 0.25 });

  it('gives every particle the optimizer’s own hyperparameters, its own stream and a ring start', () => {
    const request = crowdRequest(config, SETTING);
    const layout = hyperparameterLayout('Adam');
    expect(request.count).toBe(6);
    for (let p = 0; p < 6; p++)
      expect(
        decodeHyperparameters(
          layout,
          request.hyperparameters,
          rowOffset(request.hyperparameters, p, layout.width),
        ),
      ).toEqual(config.hyperparameters);
    expect(Array.from(request.streams!)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(request.starts[0]).toBeCloseTo(1, 12);
    expect(request.starts[1]).toBeCloseTo(0, 12);
    // Outside the noise ensemble the optimizer keeps its own gradient noise.
    expect(request.noise).toBe(0.25);
    expect(request).toMatchObject({
      surface: 'himmelblau',
      steps: 150,
      seed: 5,
      lossTarget: 1e-3,
      sampleEvery: 1,
    });
  });

  it('starts the noise ensemble at one point with the ensemble’s σ and N streams', () => {
    const request = crowdRequest(config, { ...SETTING, mode: 'noise', center: [-2, 3] });
    expect(request.noise).toBe(2);
    expect(Array.from(request.starts)).toEqual(Array.from({ length: 6 }, () => [-2, 3]).flat());
    expect(new Set(request.streams).size).toBe(6);
  });

  it('records at most MAX_SAMPLES + 1 points per particle', () => {
    expect(sampleEveryFor(150)).toBe(1);
    expect(sampleEveryFor(MAX_SAMPLES)).toBe(1);
    expect(sampleEveryFor(MAX_SAMPLES + 1)).toBe(2);
    expect(sampleEveryFor(10_000)).toBe(25);
    for (const steps of [1, 399, 400, 401, 1000, 2500, 10_000]) {
      const count = sampleCountOf(crowdRequest(config, { ...SETTING, steps }));
      expect(count).toBeLessThanOrEqual(MAX_SAMPLES + 1);
      expect(count).toBeGreaterThan(Math.min(steps, MAX_SAMPLES / 2));
    }
  });
});
