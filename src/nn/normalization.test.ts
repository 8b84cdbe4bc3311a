import { describe, expect, it } from 'vitest';
import { batchNormTest, batchNormTrain, layerNorm, normBackward } from './normalization';

// A 3 × 2 batch worked by hand: unit 0 is (1, 3, 5), unit 1 is (2, 6, 10).
const z = [1, 2, 3, 6, 5, 10];
const params = { gamma: [2, 0.5], beta: [1, -1] };

describe('batch normalization against a hand-computed example', () => {
  it('training: each unit with its batch mean and biased variance, then γ·x̂ + β', () => {
    const { out, batchMean, batchVariance } = batchNormTrain(z, 2, params);
    expect(Array.from(batchMean)).toEqual([3, 6]);
    expect(batchVariance[0]).toBeCloseTo(8 / 3, 14); // ((1−3)² + 0 + (5−3)²)/3
    expect(batchVariance[1]).toBeCloseTo(32 / 3, 14);
    // x̂ = ±2/√(8/3) = ±1.2247 for unit 0 and ±4/√(32/3) = ±1.2247 for unit 1 (ε = 1e-5 barely moves it).
    const expected = [-1.449485, -1.612372, 1, -1, 3.449485, -0.387628];
    out.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 5));
  });

  it('running averages: torch’s momentum 0.1 with the unbiased variance; test mode uses them', () => {
    const running = { mean: new Float64Array([0, 0]), variance: new Float64Array([1, 1]) };
    batchNormTrain(z, 2, params, running);
    expect(running.mean[0]).toBeCloseTo(0.3, 14);
    expect(running.mean[1]).toBeCloseTo(0.6, 14);
    expect(running.variance[0]).toBeCloseTo(0.9 + 0.1 * 4, 14); // unbiased 8/3 · 3/2 = 4
    expect(running.variance[1]).toBeCloseTo(0.9 + 0.1 * 16, 14);
    // The middle input (3, 6): 1 and −1 in training (it is the batch mean), but at test time
    // 2·(3 − 0.3)/√1.3 + 1 = 5.73609 and 0.5·(6 − 0.6)/√2.5 − 1 = 0.70763.
    const test = batchNormTest([3, 6], 2, params, running);
    expect(test[0]).toBeCloseTo(5.73609, 4);
    expect(test[1]).toBeCloseTo(0.70763, 4);
  });

  it('layer norm normalizes each input over its units', () => {
    const { out } = layerNorm([1, 2, 3, 7], 2, { gamma: [1, 1], beta: [0, 0] });
    // (1, 2): mean 1.5, std 0.5 → (−1, 1); (3, 7): mean 5, std 2 → (−1, 1).
    out.forEach((v, k) => expect(v).toBeCloseTo([-1, 1, -1, 1][k]!, 4));
  });

  for (const kind of ['batch', 'layer'] as const) {
    it(`${kind} norm backward = central differences of Σ c·y`, () => {
      const width = 3;
      const input = [0.3, -1.2, 2, 0.7, 0.1, -0.4, 1.5, 0.9, -2.2, -0.6, 0.05, 1.1];
      const gamma = [1.5, 0.7, -0.8];
      const p = { gamma, beta: [0.1, 0.2, 0.3] };
      const c = input.map((_, k) => Math.sin(k + 1));
      const f = (x: number[]) => {
        const y = kind === 'batch' ? batchNormTrain(x, width, p).out : layerNorm(x, width, p).out;
        return y.reduce((sum, v, k) => sum + c[k]! * v, 0);
      };
      const result = kind === 'batch' ? batchNormTrain(input, width, p) : layerNorm(input, width, p);
      const upstream = Float64Array.from(c);
      normBackward(kind, upstream, result, width, gamma);
      input.forEach((_, k) => {
        const plus = input.slice();
        const minus = input.slice();
        plus[k]! += 1e-6;
        minus[k]! -= 1e-6;
        expect(upstream[k]).toBeCloseTo((f(plus) - f(minus)) / 2e-6, 6);
      });
    });
  }
});
