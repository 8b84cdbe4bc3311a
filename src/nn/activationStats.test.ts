import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { statsSchema, statsTooLarge, type StatsConfigInput } from '../core/network';
import {
  computeActivationStats,
  HISTOGRAM_BINS,
  histogramRange,
  LEAKY_SLOPE,
  statsInputs,
  statsReadout,
  statsWeights,
} from './activationStats';

interface FixtureCase {
  activation: string;
  init: string;
  mean: number[];
  meanSpread: number[];
  std: number[];
  stdSpread: number[];
}
/** numpy float64, 8 seeds of numpy's own generator (test/fixtures/activation-stats/generate.py). */
const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/activation-stats/stats.json', import.meta.url), 'utf8'),
) as { cases: FixtureCase[] };

const run = (input: StatsConfigInput) => computeActivationStats(statsSchema.parse(input));
/** Within the noise of a random initialization: five seed-to-seed deviations, plus 1% for the batch. */
const near = (value: number, reference: number, spread: number) =>
  Math.abs(value - reference) <= 5 * spread + 0.01 * Math.abs(reference) + 1e-9;

describe('activation statistics of a 10 × 500 net on 1,000 Gaussian inputs (lecture 003)', () => {
  for (const ref of fixture.cases) {
    it(`${ref.activation}, ${ref.init}: every layer's mean and std match numpy's within init noise`, () => {
      const result = run({ activation: ref.activation as never, init: ref.init as never });
      expect(result.layers).toHaveLength(10);
      result.layers.forEach((layer, l) => {
        expect(near(layer.std, ref.std[l]!, ref.stdSpread[l]!), `layer ${l + 1} std ${layer.std}`).toBe(true);
        expect(near(layer.mean, ref.mean[l]!, ref.meanSpread[l]!), `layer ${l + 1} mean ${layer.mean}`).toBe(
          true,
        );
      });
    }, 120_000);
  }

  it("reproduces the lecture's printed stds within the seed-to-seed noise", () => {
    // The lecture's own numbers (003, "Motivating example" and after), layer 1, 2 and 10.
    const printed: [string, string, number[]][] = [
      ['tanh', 'small', [0.213081, 0.047551, 0.0]],
      ['tanh', 'unit', [0.981879, 0.981049, 0.981736]],
      ['tanh', 'xavier', [0.627953, 0.486051, 0.228008]],
      ['relu', 'xavier', [0.582273, 0.403795, 0.026076]],
      ['relu', 'he', [0.825232, 0.827835, 0.844523]],
    ];
    for (const [activation, init, stds] of printed) {
      const ref = fixture.cases.find((c) => c.activation === activation && c.init === init)!;
      [0, 1, 9].forEach((l, k) => {
        // The lecture prints six decimals: half its last digit is part of the tolerance.
        const tolerance = 5 * ref.stdSpread[l]! + 0.01 * ref.std[l]! + 5e-7;
        expect(Math.abs(stds[k]! - ref.std[l]!), `${activation} ${init} layer ${l + 1}`).toBeLessThanOrEqual(
          tolerance,
        );
      });
    }
  });
});

/** A plain triple-loop forward pass and np.std-style statistics, sharing nothing with the module but its inputs. */
function referenceStats(input: StatsConfigInput) {
  const config = statsSchema.parse(input);
  const { width, batch } = config;
  const act = (z: number) =>
    config.activation === 'tanh'
      ? Math.tanh(z)
      : config.activation === 'sigmoid'
        ? 1 / (1 + Math.exp(-z))
        : config.activation === 'relu'
          ? Math.max(0, z)
          : z > 0
            ? z
            : LEAKY_SLOPE * z;
  const x0 = statsInputs(config);
  let h: number[][] = Array.from({ length: batch }, (_, r) =>
    Array.from(x0.subarray(r * width, (r + 1) * width)),
  );
  const layers = [];
  for (let l = 0; l < config.depth; l++) {
    const w = statsWeights(config, l);
    h = h.map((row) =>
      Array.from({ length: width }, (_, j) =>
        act(row.reduce((sum, xi, i) => sum + xi * w[i * width + j]!, 0)),
      ),
    );
    const flat = h.flat();
    const mean = flat.reduce((a, b) => a + b, 0) / flat.length;
    const std = Math.sqrt(flat.reduce((a, b) => a + (b - mean) ** 2, 0) / flat.length);
    const [low, high] = histogramRange(config.activation);
    const histogram = new Array<number>(HISTOGRAM_BINS).fill(0);
    for (const v of flat) {
      const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor(((v - low) / (high - low)) * HISTOGRAM_BINS));
      if (v >= low && v <= high) histogram[bin]!++;
    }
    const spread = Math.max(...h.map((row) => Math.max(...row) - Math.min(...row)));
    layers.push({ mean, std, histogram, spread });
  }
  return layers;
}

describe('the layer-by-layer statistics equal an independent float64 forward pass', () => {
  const cases: StatsConfigInput[] = [
    { depth: 3, width: 9, batch: 7, activation: 'tanh', init: 'xavier', seed: 3 },
    { depth: 4, width: 6, batch: 5, activation: 'relu', init: 'he', gain: 1.7, seed: 4 },
    { depth: 2, width: 5, batch: 11, activation: 'leaky-relu', init: 'unit', seed: 5 },
    { depth: 3, width: 8, batch: 4, activation: 'sigmoid', init: 'small', gain: 40, seed: 6 },
  ];
  for (const input of cases) {
    it(`${input.activation} ${input.init} ×${input.gain ?? 1}`, () => {
      const ours = run(input).layers;
      const ref = referenceStats(input);
      ours.forEach((layer, l) => {
        expect(layer.mean).toBeCloseTo(ref[l]!.mean, 12);
        expect(layer.std).toBeCloseTo(ref[l]!.std, 12);
        expect(layer.unitSpread).toBeCloseTo(ref[l]!.spread, 12);
        expect(Array.from(layer.histogram)).toEqual(ref[l]!.histogram);
      });
    });
  }
});

describe('initializations', () => {
  it('W = 0 makes every hidden unit identical: zero spread across units, std 0, tanh 0 and sigmoid ½', () => {
    for (const [activation, value] of [
      ['tanh', 0],
      ['sigmoid', 0.5],
    ] as const) {
      const result = run({ depth: 4, width: 50, batch: 100, activation, init: 'zero' });
      for (const layer of result.layers) {
        expect(layer.unitSpread).toBe(0);
        expect(layer.std).toBe(0);
        expect(layer.mean).toBe(value);
      }
    }
  });

  it('random initializations give units that differ', () => {
    const result = run({ depth: 2, width: 50, batch: 100, init: 'xavier' });
    for (const layer of result.layers) expect(layer.unitSpread).toBeGreaterThan(0.5);
  });

  it('1.0·randn saturates tanh: most activations within 1% of ±1', () => {
    const result = run({ depth: 3, width: 200, batch: 200, init: 'unit' });
    for (const layer of result.layers) expect(layer.saturated).toBeGreaterThan(0.8);
  });

  it('the gain scales the weights: Xavier ×2 equals He×√2 weights, and gain 0 is W = 0', () => {
    const config = statsSchema.parse({ width: 30, init: 'xavier', gain: 2 });
    const he = statsSchema.parse({ width: 30, init: 'he', gain: Math.SQRT2 });
    const a = statsWeights(config, 1);
    const b = statsWeights(he, 1);
    a.forEach((v, k) => expect(v).toBeCloseTo(b[k]!, 12));
    expect(statsWeights(statsSchema.parse({ width: 5, gain: 0 }), 0).every((v) => v === 0)).toBe(true);
  });

  it('nets beyond the work limit get a message naming the sizes; the lecture net fits', () => {
    expect(statsTooLarge(statsSchema.parse({}))).toBeUndefined();
    expect(statsTooLarge(statsSchema.parse({ depth: 20, width: 1000, batch: 2000 }))).toMatch(
      /20 layers × 1000 units on 2000 inputs is 40\.0 billion multiply-adds/,
    );
  });
});

describe('the backward pass: ‖∂L/∂W‖ per layer', () => {
  /** The loss of GradientStats from scratch, for central differences on single weights. */
  function lossWith(input: StatsConfigInput, layer: number, index: number, delta: number): number {
    const config = statsSchema.parse(input);
    const { width, batch } = config;
    const x = statsInputs(config);
    const weights = Array.from({ length: config.depth }, (_, l) => statsWeights(config, l));
    weights[layer]![index]! += delta;
    const { readout, targets } = statsReadout(config);
    const f = (z: number) =>
      config.activation === 'tanh'
        ? Math.tanh(z)
        : z > 0
          ? z
          : config.activation === 'relu'
            ? 0
            : LEAKY_SLOPE * z;
    // The whole batch layer by layer (batch norm needs every input of the layer at once).
    let rows = Array.from({ length: batch }, (_, b) => Array.from(x.subarray(b * width, (b + 1) * width)));
    for (const w of weights) {
      let z = rows.map((h) =>
        Array.from({ length: width }, (_, j) => h.reduce((sum, hi, i) => sum + hi * w[i * width + j]!, 0)),
      );
      if (config.norm === 'batch') {
        const mean = Array.from(
          { length: width },
          (_, j) => z.reduce((sum, row) => sum + row[j]!, 0) / batch,
        );
        const variance = mean.map((m, j) => z.reduce((sum, row) => sum + (row[j]! - m) ** 2, 0) / batch);
        z = z.map((row) => row.map((v, j) => (v - mean[j]!) / Math.sqrt(variance[j]! + 1e-5)));
      }
      rows = z.map((row) => row.map(f));
    }
    let loss = 0;
    for (let b = 0; b < batch; b++) {
      const residual =
        rows[b]!.reduce((sum, hj, j) => sum + hj * readout[j]!, 0) / Math.sqrt(width) - targets[b]!;
      loss += 0.5 * residual * residual;
    }
    return loss / batch;
  }

  for (const input of [
    { depth: 3, width: 6, batch: 5, activation: 'tanh', init: 'xavier', seed: 2 },
    { depth: 3, width: 5, batch: 4, activation: 'leaky-relu', init: 'he', seed: 8 },
    { depth: 3, width: 4, batch: 6, activation: 'tanh', init: 'small', norm: 'batch', seed: 9 },
  ] as StatsConfigInput[]) {
    it(`matches central differences (${input.activation}${input.norm ? `, ${input.norm} norm` : ''})`, () => {
      const config = statsSchema.parse(input);
      const result = computeActivationStats(config, { backward: true });
      expect(result.gradients!.loss).toBeCloseTo(lossWith(input, 0, 0, 0), 12);
      const h = 1e-6;
      for (let l = 0; l < config.depth; l++) {
        let squares = 0;
        for (let k = 0; k < config.width * config.width; k++) {
          const g = (lossWith(input, l, k, h) - lossWith(input, l, k, -h)) / (2 * h);
          squares += g * g;
        }
        expect(result.gradients!.weightGradientNorms[l]).toBeCloseTo(Math.sqrt(squares), 6);
      }
    });
  }

  it('vanishing gradients: sigmoid shrinks ‖∂L/∂W‖ toward the input, 0.01·randn tanh everywhere; He ReLU keeps it', () => {
    const at = (activation: string, init: string) =>
      computeActivationStats(statsSchema.parse({ depth: 10, width: 100, batch: 200, activation, init }), {
        backward: true,
      }).gradients!.weightGradientNorms;
    const sigmoid = at('sigmoid', 'xavier');
    // One sigmoid′ ≤ 1/4 per layer on the way down (lecture 002): more than 1000× over 9 layers.
    expect(sigmoid[0]! / sigmoid[9]!).toBeLessThan(1e-3);
    expect(Math.max(...at('tanh', 'small'))).toBeLessThan(1e-8);
    const he = at('relu', 'he');
    expect(he[0]! / he[9]!).toBeGreaterThan(0.1);
    expect(he[0]! / he[9]!).toBeLessThan(10);
  }, 120_000);
});

describe('batch and layer norm in the statistics net', () => {
  it('batch norm undoes the scale of W: 0.01·randn and 1.0·randn give the same layers (up to ε)', () => {
    const at = (init: string) =>
      run({ depth: 6, width: 100, batch: 200, init: init as never, norm: 'batch' }).layers.map((l) => l.std);
    const small = at('small');
    const unit = at('unit');
    small.forEach((std, l) => expect(Math.abs(std - unit[l]!) / unit[l]!).toBeLessThan(0.02));
    // tanh of a unit Gaussian has std ≈ 0.63 in every layer, where plain 0.01·randn collapses.
    for (const std of small) expect(std).toBeGreaterThan(0.55);
    expect(run({ depth: 6, width: 100, batch: 200, init: 'small' }).layers.at(-1)!.std).toBeLessThan(1e-3);
  });

  it('layer norm keeps each input at mean 0, std 1 before f: ReLU layers have mean ≈ 0.40 and std ≈ 0.58', () => {
    const result = run({
      depth: 5,
      width: 200,
      batch: 100,
      activation: 'relu',
      init: 'small',
      norm: 'layer',
    });
    // E[max(0, N(0,1))] = 1/√(2π) = 0.399, and its std √(1/2 − 1/(2π)) = 0.584.
    for (const layer of result.layers) {
      expect(layer.mean).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 1);
      expect(layer.std).toBeCloseTo(Math.sqrt(0.5 - 1 / (2 * Math.PI)), 1);
    }
  });
});
