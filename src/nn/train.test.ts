import { describe, expect, it } from 'vitest';
import { networkScene, parseNetworkScene, NETWORK_DEFAULTS } from './config';
import { DATASET_IDS } from './datasets';
import { float64Source, trainNetwork } from './train';

describe('full-space training (float64 reference)', () => {
  it.each(DATASET_IDS)('lowers the loss on %s for every optimizer', async (dataset) => {
    const scene = networkScene({
      dataset,
      size: 120,
      layers: [16, 16],
      loss: dataset === 'sine' ? 'mse' : 'cross-entropy',
      steps: dataset === 'spirals' ? 800 : 250, // the spirals need longer (and are the lesson)
      batchSize: 40,
      optimizers: [
        { type: 'Adam', lr: 0.02 },
        { type: 'SGD', lr: 0.05, momentum: 0.9 },
        { type: 'RMSprop', lr: 0.003 },
      ],
    });
    const result = await trainNetwork(scene, float64Source);
    for (const run of result.runs) {
      expect(run.divergedAt).toBeNull();
      expect(run.loss.at(-1)!).toBeLessThan(0.95 * run.loss[0]!);
    }
    const best = Math.min(...result.runs.map((run) => run.loss.at(-1)!));
    expect(best).toBeLessThan(0.6 * result.runs[0]!.loss[0]!);
  });

  it('reproduces exactly from the scene JSON', async () => {
    const scene = networkScene({ dataset: 'xor', size: 50, steps: 40, batchSize: 10 });
    const again = networkScene(JSON.parse(JSON.stringify(scene.json)));
    const [a, b] = await Promise.all([
      trainNetwork(scene, float64Source),
      trainNetwork(again, float64Source),
    ]);
    a.runs.forEach((run, k) => {
      expect(Array.from(run.final)).toEqual(Array.from(b.runs[k]!.final));
      expect(Array.from(run.loss)).toEqual(Array.from(b.runs[k]!.loss));
    });
  });

  it('mini-batches make the seen loss noisy; full batches do not', async () => {
    const common = {
      dataset: 'moons',
      size: 100,
      steps: 60,
      optimizers: [{ type: 'SGD', lr: 0.1 }],
    } as const;
    const mini = (await trainNetwork(networkScene({ ...common, batchSize: 5 }), float64Source)).runs[0]!;
    const full = (await trainNetwork(networkScene({ ...common, batchSize: 100 }), float64Source)).runs[0]!;
    const roughness = (curve: Float64Array) => {
      let sum = 0;
      for (let t = 1; t < curve.length; t++) sum += Math.abs(curve[t]! - curve[t - 1]!);
      return sum;
    };
    expect(roughness(mini.batchLoss)).toBeGreaterThan(3 * roughness(full.batchLoss));
    expect(Array.from(full.batchLoss)).toEqual(Array.from(full.loss.subarray(0, 60)));
  });

  it('keeps at most MAX_SNAPSHOTS snapshots and ends with θ*', async () => {
    const result = await trainNetwork(
      networkScene({ dataset: 'sine', loss: 'mse', size: 30, steps: 700, layers: [3] }),
      float64Source,
    );
    const run = result.runs[0]!;
    expect(run.snapshots.length).toBeLessThanOrEqual(301);
    expect(run.snapshotSteps.at(-1)).toBe(700);
    expect(Array.from(run.snapshots.at(-1)!)).toEqual(Array.from(run.final));
  });
});

describe('network scene schema', () => {
  it('fills every default from an empty object and round-trips its JSON', () => {
    const parsed = parseNetworkScene({});
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.dataset).toBe(NETWORK_DEFAULTS.dataset);
    expect(parsed.value.optimizers.map((o) => o.type)).toEqual(['SGD', 'SGD', 'Adam']);
    const again = parseNetworkScene(JSON.parse(JSON.stringify(parsed.value.json)));
    expect(again.ok && again.value.json).toEqual(parsed.value.json);
  });

  it('names the bad field', () => {
    const bad = parseNetworkScene({
      dataset: 'sine',
      loss: 'cross-entropy',
      layers: [200],
      optimizers: [{ type: 'Newton' }],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const text = bad.errors.join('\n');
    expect(text).toMatch(/layers\.0/);
    expect(text).toMatch(/optimizers\.0/);
    const regression = parseNetworkScene({ dataset: 'sine', loss: 'cross-entropy' });
    expect(!regression.ok && regression.errors.join()).toMatch(/loss: cross-entropy needs a classification/);
  });
});
