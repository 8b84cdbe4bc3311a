/**
 * Toy data sets, generated from the seeded stream so that (dataset, size, noise, seed) reproduces the
 * same points everywhere: XOR, two circles, two moons (sklearn's make_moons), two spirals (tensorflow
 * playground), three Gaussian blobs, and 1-D regression of a sine with Gaussian noise.
 */
import { DATASET_IDS, datasetTask, type DatasetId, type Task } from '../core/network';
import { NN_CHANNEL, randomStream, type RandomStream } from './random';

// The ids and their tasks are part of the network scene's schema (src/core/network.ts).
export { DATASET_IDS, datasetTask };
export type { DatasetId, Task };

export const DATASET_LABELS: Readonly<Record<DatasetId, string>> = {
  xor: 'XOR',
  circles: 'two circles',
  moons: 'two moons',
  spirals: 'two spirals',
  blobs: 'Gaussian blobs (3 classes)',
  sine: '1-D regression: sine + noise',
};

export interface Dataset {
  readonly id: DatasetId;
  readonly task: Task;
  readonly size: number;
  readonly inputDim: 1 | 2;
  /** 1 for binary classification (a logit) and regression, the class count for multiclass. */
  readonly outputDim: number;
  /** Row-major inputs, size × inputDim. */
  readonly x: Float64Array;
  /** Row-major targets, size × outputDim: 0/1 for binary, one-hot for multiclass, the value for regression. */
  readonly y: Float64Array;
  /** Class index per point (−1 for regression). */
  readonly labels: Int32Array;
  /** Plot domain of the inputs (and of the target for regression), with a margin. */
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
}

export function datasetOutputDim(id: DatasetId): number {
  return id === 'blobs' ? 3 : 1;
}

export function datasetInputDim(id: DatasetId): 1 | 2 {
  return id === 'sine' ? 1 : 2;
}

type Point = [number, number, number];

/** One labelled 2-D point for index i of n, before noise. */
function cleanPoint(id: Exclude<DatasetId, 'sine'>, i: number, n: number, random: RandomStream): Point {
  const half = i < n / 2 ? 0 : 1;
  switch (id) {
    case 'xor': {
      const a = 2 * random.uniform() - 1;
      const b = 2 * random.uniform() - 1;
      // Keep a small gap around the axes so the clean problem is separable (as the playground does).
      const x1 = a + 0.1 * Math.sign(a);
      const x2 = b + 0.1 * Math.sign(b);
      return [x1, x2, x1 * x2 > 0 ? 1 : 0];
    }
    case 'circles': {
      const angle = 2 * Math.PI * random.uniform();
      const radius = half === 0 ? 1 : 0.5;
      return [radius * Math.cos(angle), radius * Math.sin(angle), half];
    }
    case 'moons': {
      const t = Math.PI * random.uniform();
      // make_moons, centred: outer moon (cos t, sin t), inner moon (1 − cos t, ½ − sin t).
      return half === 0
        ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25, 0]
        : [0.5 - Math.cos(t), 0.25 - Math.sin(t), 1];
    }
    case 'spirals': {
      const k = half === 0 ? i : i - Math.ceil(n / 2);
      const perClass = half === 0 ? Math.ceil(n / 2) : n - Math.ceil(n / 2);
      const r = (k / Math.max(1, perClass)) * 1.2 + 0.05;
      const angle = 1.75 * (k / Math.max(1, perClass)) * 2 * Math.PI + half * Math.PI;
      return [r * Math.sin(angle), r * Math.cos(angle), half];
    }
    case 'blobs': {
      const label = i % 3;
      const angle = Math.PI / 2 + (2 * Math.PI * label) / 3;
      return [Math.cos(angle), Math.sin(angle), label];
    }
  }
}

/** Spread of each blob: a floor so the blobs stay blobs when noise is 0. */
const BLOB_SPREAD = 0.15;

export function makeDataset(id: DatasetId, size: number, noise: number, seed: number): Dataset {
  const random = randomStream(seed, NN_CHANNEL.data, DATASET_IDS.indexOf(id));
  const jitter = randomStream(seed, NN_CHANNEL.dataNoise, DATASET_IDS.indexOf(id));
  const inputDim = datasetInputDim(id);
  const outputDim = datasetOutputDim(id);
  const x = new Float64Array(size * inputDim);
  const y = new Float64Array(size * outputDim);
  const labels = new Int32Array(size);
  if (id === 'sine') {
    for (let i = 0; i < size; i++) {
      const input = 2 * random.uniform() - 1;
      x[i] = input;
      y[i] = Math.sin(Math.PI * input) + noise * jitter.gaussian();
      labels[i] = -1;
    }
  } else {
    const spread = id === 'blobs' ? BLOB_SPREAD + noise : noise;
    for (let i = 0; i < size; i++) {
      const [x1, x2, label] = cleanPoint(id, i, size, random);
      x[2 * i] = x1 + spread * jitter.gaussian();
      x[2 * i + 1] = x2 + spread * jitter.gaussian();
      labels[i] = label;
      if (outputDim === 1) y[i] = label;
      else y[i * outputDim + label] = 1;
    }
  }
  return {
    id,
    task: datasetTask(id),
    size,
    inputDim,
    outputDim,
    x,
    y,
    labels,
    domain: plotDomain(id, x, y, inputDim),
  };
}

function extent(values: ArrayLike<number>, stride: number, offset: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = offset; i < values.length; i += stride) {
    const v = values[i]!;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return Number.isFinite(low) ? [low, high] : [-1, 1];
}

function padded([low, high]: [number, number], fraction = 0.1): [number, number] {
  const pad = Math.max(1e-3, (high - low) * fraction);
  return [low - pad, high + pad];
}

function plotDomain(id: DatasetId, x: Float64Array, y: Float64Array, inputDim: number): Dataset['domain'] {
  if (id === 'sine') return { x: padded(extent(x, 1, 0)), y: padded(extent(y, 1, 0)) };
  // A square domain keeps circles round.
  const [x1lo, x1hi] = extent(x, inputDim, 0);
  const [x2lo, x2hi] = extent(x, inputDim, 1);
  const half = (Math.max(x1hi - x1lo, x2hi - x2lo) / 2) * 1.15;
  const c1 = (x1lo + x1hi) / 2;
  const c2 = (x2lo + x2hi) / 2;
  return { x: [c1 - half, c1 + half], y: [c2 - half, c2 + half] };
}
