import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  lossAt,
  moments,
  preprocess,
  preprocessingData,
  preprocessingExperiment,
  PREPROCESSINGS,
  quadraticLoss,
  runPreprocessing,
  type Preprocessing,
} from './preprocessing';

interface KindRef {
  covariance: number[];
  mean: number[];
  minimizer: number[];
  minimum: number;
  curvatures: number[];
  condition: number;
  steps: number | null;
  x?: number[];
}
/** numpy float64 on points numpy drew itself (test/fixtures/preprocessing/generate.py). */
const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/preprocessing/preprocessing.json', import.meta.url), 'utf8'),
) as { cases: { offset: number; ratio: number; x: number[]; t: number[]; kinds: Record<string, KindRef> }[] };

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe('preprocessing against numpy', () => {
  fixture.cases.forEach((ref, c) => {
    const raw = { x: Float64Array.from(ref.x), t: Float64Array.from(ref.t) };
    for (const kind of PREPROCESSINGS) {
      it(`case ${c + 1} (offset ${ref.offset}, ratio ${ref.ratio}), ${kind}: data, loss surface and GD steps`, () => {
        const expected = ref.kinds[kind]!;
        const data = preprocess(raw, kind);
        const m = moments(data.x);
        expect(close(m.mean[0], expected.mean[0]!)).toBe(true);
        expect(close(m.mean[1], expected.mean[1]!)).toBe(true);
        const [c11, c12, c22] = m.covariance;
        [c11, c12, c12, c22].forEach((v, k) => expect(close(v, expected.covariance[k]!, 1e-8)).toBe(true));
        if (expected.x) expected.x.forEach((v, k) => expect(close(data.x[k]!, v)).toBe(true));
        const q = quadraticLoss(data);
        expect(close(q.minimum, expected.minimum, 1e-7)).toBe(true);
        // Whitening's eigenvectors are defined up to sign, so its minimizer is up to the same signs.
        const sign = (v: number) => (kind === 'whitened' ? Math.abs(v) : v);
        q.minimizer.forEach((v, k) => expect(close(sign(v), sign(expected.minimizer[k]!), 1e-7)).toBe(true));
        q.curvatures.forEach((v, k) => expect(close(v, expected.curvatures[k]!, 1e-7)).toBe(true));
        expect(close(q.condition, expected.condition, 1e-6)).toBe(true);
        expect(runPreprocessing(raw, kind).stepsToTolerance).toBe(expected.steps);
      });
    }
  });
});

describe('the loss surface of the 2-parameter model', () => {
  it('wᵀAw − 2bᵀw + c is the mean squared error it stands for', () => {
    const data = preprocessingData({ offset: 3, ratio: 10, correlation: 0.6, points: 50, seed: 3 });
    const q = quadraticLoss(data);
    for (const [w1, w2] of [
      [0, 0],
      [0.3, -2],
      [-1.5, 0.7],
    ] as const) {
      let mse = 0;
      for (let i = 0; i < 50; i++)
        mse += (data.t[i]! - w1 * data.x[2 * i]! - w2 * data.x[2 * i + 1]!) ** 2 / 50;
      expect(lossAt(q, w1, w2)).toBeCloseTo(mse, 9);
    }
  });

  it('whitening leaves the identity covariance and a round bowl: one step of GD reaches the minimum', () => {
    const data = preprocessingData({ offset: 2, ratio: 50, correlation: 0.9, points: 300, seed: 8 });
    const run = runPreprocessing(data, 'whitened');
    const [c11, c12, c22] = moments(run.data.x).covariance;
    expect(c11).toBeCloseTo(1, 10);
    expect(c12).toBeCloseTo(0, 10);
    expect(c22).toBeCloseTo(1, 10);
    expect(run.loss.condition).toBeCloseTo(1, 10);
    expect(run.stepsToTolerance).toBe(1);
  });

  it('the same seed draws the same data', () => {
    const settings = { offset: 3, ratio: 10, correlation: 0.6, points: 20, seed: 5 };
    expect(preprocessingData(settings).x).toEqual(preprocessingData(settings).x);
    expect(preprocessingData({ ...settings, seed: 6 }).x).not.toEqual(preprocessingData(settings).x);
  });

  it('each step of preprocessing rounds the bowl and speeds up GD on the default data', () => {
    const runs = preprocessingExperiment({ offset: 3, ratio: 10, correlation: 0.6, points: 200, seed: 1 });
    const by = (kind: Preprocessing) => runs.find((r) => r.kind === kind)!;
    const kappa = PREPROCESSINGS.map((k) => by(k).loss.condition);
    const steps = PREPROCESSINGS.map((k) => by(k).stepsToTolerance);
    expect(kappa[0]).toBeGreaterThan(kappa[1]!);
    expect(kappa[1]).toBeGreaterThan(kappa[2]!);
    expect(kappa[2]).toBeGreaterThan(kappa[3]!);
    expect(steps.every((s) => s !== null)).toBe(true);
    for (let k = 1; k < 4; k++) expect(steps[k]!).toBeLessThan(steps[k - 1]!);
  });
});
