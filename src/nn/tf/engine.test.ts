/** tfjs in Node on its cpu backend: the batched float32 model against the float64 reference, and memory. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkScene } from '../config';
import { buildLandscape } from '../landscape';
import { float64Source, prepareNetwork, trainNetwork } from '../train';
import { chooseBackend } from './backend';
import { createNetworkEngine, tfjsSource, type NetworkEngine } from './engine';

let engine: NetworkEngine;
beforeAll(async () => {
  engine = await createNetworkEngine('cpu');
});

const small = (dataset: 'moons' | 'blobs' | 'sine', extra = {}) =>
  networkScene({
    dataset,
    size: 40,
    layers: [5, 4],
    loss: dataset === 'sine' ? 'mse' : 'cross-entropy',
    l2: 0.01,
    steps: 30,
    batchSize: 10,
    slice: { resolution: 16 },
    ...extra,
  });

describe('tfjs engine (cpu backend in Node)', () => {
  it('falls back to the cpu backend, with a reason, where there is neither WebGPU nor WebGL', async () => {
    const choice = await chooseBackend();
    expect(choice.name).toBe('cpu');
    expect(choice.reason).toMatch(/CPU/);
    await chooseBackend('cpu');
  });

  it.each(['moons', 'blobs', 'sine'] as const)(
    'batched losses and gradients on %s match the float64 backprop',
    async (dataset) => {
      for (const activation of ['tanh', 'relu', 'sigmoid'] as const) {
        const { arch, data, initial } = prepareNetwork(small(dataset, { activation }));
        const other = initial.map((v, k) => v + 0.1 * Math.cos(k));
        const rows = Int32Array.from([1, 4, 9, 16, 25]);
        const reference = await float64Source(arch, data).lossAndGradients([initial, other], rows);
        const source = tfjsSource(arch, data);
        const batched = await source.lossAndGradients([initial, other], rows);
        source.dispose();
        for (let k = 0; k < 2; k++) {
          expect(batched.losses[k]).toBeCloseTo(reference.losses[k]!, 5);
          batched.gradients[k]!.forEach((g, i) => expect(g).toBeCloseTo(reference.gradients[k]![i]!, 4));
        }
      }
    },
  );

  it.each(['moons', 'blobs'] as const)(
    'hinge loss with L1 and L2 on %s: batched losses and gradients match the float64 backprop',
    async (dataset) => {
      const { arch, data, initial } = prepareNetwork(small(dataset, { loss: 'hinge', l1: 0.02 }));
      expect(arch.loss).toBe('hinge');
      expect(arch.l1).toBe(0.02);
      const other = initial.map((v, k) => v + 0.1 * Math.cos(k));
      const rows = Int32Array.from([1, 4, 9, 16, 25]);
      const reference = await float64Source(arch, data).lossAndGradients([initial, other], rows);
      const source = tfjsSource(arch, data);
      const batched = await source.lossAndGradients([initial, other], rows);
      source.dispose();
      for (let k = 0; k < 2; k++) {
        expect(batched.losses[k]).toBeCloseTo(reference.losses[k]!, 5);
        batched.gradients[k]!.forEach((g, i) => expect(g).toBeCloseTo(reference.gradients[k]![i]!, 4));
      }
    },
  );

  it('trains like the float64 reference', async () => {
    const scene = small('moons');
    const [tfjs, reference] = await Promise.all([engine.train(scene), trainNetwork(scene, float64Source)]);
    expect(tfjs.backend).toBe('cpu');
    tfjs.runs.forEach((run, k) => {
      expect(run.loss.at(-1)).toBeCloseTo(reference.runs[k]!.loss.at(-1)!, 3);
      expect(run.loss.at(-1)!).toBeLessThan(run.loss[0]!);
    });
  });

  it('evaluates the slice grid in batches: the centre cell is the trained loss, corners match the oracle', async () => {
    const scene = small('blobs', { slice: { resolution: 17 } });
    const result = await engine.train(scene);
    const { surface, reference } = buildLandscape(result);
    const fractions: number[] = [];
    const grid = await engine.sliceGrid(surface, result, 17, {
      batch: 50,
      onProgress: (f) => fractions.push(f),
    });
    expect(fractions.length).toBe(Math.ceil((17 * 17) / 50));
    expect(fractions.at(-1)).toBe(1);
    expect(grid.values[8 * 17 + 8]).toBeCloseTo(surface.value(0, 0), 4);
    expect(grid.values[8 * 17 + 8]).toBeCloseTo(result.runs[reference]!.loss.at(-1)!, 4);
    const { w1, w2 } = surface.viewBox;
    expect(grid.values[0]).toBeCloseTo(surface.value(w1[0], w2[0]), 3);
    expect(grid.values[17 * 17 - 1]).toBeCloseTo(surface.value(w1[1], w2[1]), 3);
  });

  it('keeps tf.memory().numTensors flat over repeated trainings and grids', async () => {
    const scene = small('sine');
    const once = async () => {
      const result = await engine.train(scene);
      const { surface } = buildLandscape(result);
      await engine.sliceGrid(surface, result, 16);
    };
    await once();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await once();
    expect(tf.memory().numTensors).toBe(before);
    expect(engine.memory().numTensors).toBe(before);
  });

  it('stops on abort without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = engine.train(small('moons', { steps: 200 }), {
      signal: controller.signal,
      onProgress: ({ step }) => step >= 5 && controller.abort(),
      progressEvery: 1,
    });
    await expect(run).rejects.toThrow(/cancelled/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
