import { describe, expect, it } from 'vitest';
import { networkScene } from './config';
import { projectOntoPlane } from './directions';
import { buildLandscape, interpolationCurve } from './landscape';
import { createEvaluator } from './mlp';
import { float64Source, trainNetwork } from './train';

const scene = (directions: 'random' | 'pca') =>
  networkScene({
    dataset: 'moons',
    size: 60,
    layers: [6],
    steps: 60,
    batchSize: 20,
    slice: { directions },
    optimizers: [
      { type: 'Adam', lr: 0.03 },
      { type: 'SGD', lr: 0.3, momentum: 0.9 },
    ],
  });

describe.each(['random', 'pca'] as const)('loss slice on %s directions', (directions) => {
  it('equals the trained loss at (0, 0), and its gradient matches finite differences', async () => {
    const result = await trainNetwork(scene(directions), float64Source);
    const { surface, reference } = buildLandscape(result);
    const trained = createEvaluator(result.arch, result.data).loss(result.runs[reference]!.final);
    expect(surface.value(0, 0)).toBe(trained);
    expect(surface.value(0, 0)).toBeCloseTo(result.runs[reference]!.loss.at(-1)!, 12);
    // 'best' (the default centre) is the run with the lowest final loss.
    expect(Math.min(...result.runs.map((run) => run.loss.at(-1)!))).toBe(result.runs[reference]!.loss.at(-1));
    const h = 1e-6;
    for (const [a, b] of [
      [0, 0],
      [0.3, -0.2],
      [-0.7, 0.5],
    ] as const) {
      const [g1, g2] = surface.gradient(a, b);
      expect(g1).toBeCloseTo((surface.value(a + h, b) - surface.value(a - h, b)) / (2 * h), 5);
      expect(g2).toBeCloseTo((surface.value(a, b + h) - surface.value(a, b - h)) / (2 * h), 5);
      const [h11, h12, h22] = surface.hessian(a, b);
      const e = 1e-4;
      expect(h11).toBeCloseTo(
        (surface.value(a + e, b) - 2 * surface.value(a, b) + surface.value(a - e, b)) / (e * e),
        2,
      );
      expect(h22).toBeCloseTo(
        (surface.value(a, b + e) - 2 * surface.value(a, b) + surface.value(a, b - e)) / (e * e),
        2,
      );
      expect(Number.isFinite(h12)).toBe(true);
    }
  });

  it('projects points of the plane back onto their coordinates', async () => {
    const result = await trainNetwork(scene(directions), float64Source);
    const { surface, projected, reference } = buildLandscape(result);
    const [alpha, beta] = projectOntoPlane(
      surface.parametersAt(0.4, -0.25),
      surface.center,
      surface.d1,
      surface.d2,
    );
    expect(alpha).toBeCloseTo(0.4, 10);
    expect(beta).toBeCloseTo(-0.25, 10);
    const last = projected[reference]!;
    expect(last.at(-2)).toBeCloseTo(0, 10);
    expect(last.at(-1)).toBeCloseTo(0, 10);
  });
});

it('an explicit reference index centres the slice on that run', async () => {
  const result = await trainNetwork(
    networkScene({ ...scene('random').json, slice: { reference: 1 } }),
    float64Source,
  );
  const landscape = buildLandscape(result);
  expect(landscape.reference).toBe(1);
  expect(Array.from(landscape.surface.center)).toEqual(Array.from(result.runs[1]!.final));
});

it('PCA directions are orthonormal and explain most of the trajectory', async () => {
  const result = await trainNetwork(scene('pca'), float64Source);
  const landscape = buildLandscape(result);
  const { d1, d2 } = landscape.surface;
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, k) => s + v * b[k]!, 0);
  expect(dot(d1, d1)).toBeCloseTo(1, 10);
  expect(dot(d2, d2)).toBeCloseTo(1, 10);
  expect(dot(d1, d2)).toBeCloseTo(0, 10);
  const [first, second] = landscape.explained!;
  expect(first).toBeGreaterThan(second);
  expect(first + second).toBeGreaterThan(0.6);
});

it('random directions are filter-normalized with zero bias components', async () => {
  const result = await trainNetwork(scene('random'), float64Source);
  const { surface } = buildLandscape(result);
  for (const { fanIn, fanOut, weightOffset, biasOffset } of result.arch.layers) {
    for (let j = 0; j < fanOut; j++) {
      let dn = 0;
      let wn = 0;
      for (let i = 0; i < fanIn; i++) {
        dn += surface.d1[weightOffset + i * fanOut + j]! ** 2;
        wn += surface.center[weightOffset + i * fanOut + j]! ** 2;
      }
      expect(Math.sqrt(dn)).toBeCloseTo(Math.sqrt(wn), 10);
      expect(surface.d1[biasOffset + j]).toBe(0);
    }
  }
});

it('the interpolation curve runs from the initial loss to the trained loss', async () => {
  const result = await trainNetwork(scene('random'), float64Source);
  const curve = interpolationCurve(result, result.runs[0]!.final, 5, 0, 1);
  expect(curve.loss[0]).toBeCloseTo(result.runs[0]!.loss[0]!, 12);
  expect(curve.loss[4]).toBeCloseTo(result.runs[0]!.loss.at(-1)!, 12);
});
