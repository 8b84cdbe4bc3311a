/**
 * The tfjs side of the network lab, loaded on demand (its own chunk): picks the backend, trains every
 * optimizer of a scene batched on it, and evaluates slice grids in large batches with progress.
 * Every tensor is made inside tf.tidy or disposed explicitly; `memory()` lets tests and the UI check that
 * tf.memory().numTensors stays flat over repeated runs.
 */
import * as tf from '@tensorflow/tfjs';
import type { NetworkScene } from '../config';
import type { Dataset } from '../datasets';
import type { Architecture } from '../mlp';
import type { NetworkSliceSurface } from '../slice';
import { trainNetwork, type GradientSource, type TrainingResult, type TrainOptions } from '../train';
import { chooseBackend, type BackendChoice, type BackendName } from './backend';
import { batchedLosses } from './batchedModel';

export type { BackendChoice, BackendName } from './backend';

function packed(thetas: readonly ArrayLike<number>[], paramCount: number): Float32Array {
  const flat = new Float32Array(thetas.length * paramCount);
  thetas.forEach((theta, k) => flat.set(theta, k * paramCount));
  return flat;
}

function unpacked(
  values: Float32Array | Int32Array | Uint8Array,
  count: number,
  paramCount: number,
): Float64Array[] {
  return Array.from({ length: count }, (_, k) =>
    Float64Array.from(values.subarray(k * paramCount, (k + 1) * paramCount)),
  );
}

/** Data tensors live as long as the source; every per-step tensor dies in its tidy or right after readback. */
export function tfjsSource(arch: Architecture, data: Dataset): GradientSource {
  const x = tf.tensor2d(Float32Array.from(data.x), [data.size, arch.sizes[0]!], 'float32');
  const y = tf.tensor2d(
    Float32Array.from(data.y),
    [data.size, arch.sizes[arch.sizes.length - 1]!],
    'float32',
  );
  const p = arch.paramCount;
  return {
    async lossAndGradients(thetas, rows) {
      const { value, grad } = tf.tidy(() => {
        const params = tf.tensor2d(packed(thetas, p), [thetas.length, p]);
        const index = rows ? tf.tensor1d(rows, 'int32') : null;
        const xb = index ? tf.gather(x, index) : x;
        const yb = index ? tf.gather(y, index) : y;
        return tf.valueAndGrad((q: tf.Tensor) => batchedLosses(arch, q as tf.Tensor2D, xb, yb))(params);
      });
      try {
        const [losses, gradients] = await Promise.all([value.data(), grad.data()]);
        return { losses: Float64Array.from(losses), gradients: unpacked(gradients, thetas.length, p) };
      } finally {
        value.dispose();
        grad.dispose();
      }
    },
    async losses(thetas) {
      const value = tf.tidy(() =>
        batchedLosses(arch, tf.tensor2d(packed(thetas, p), [thetas.length, p]), x, y),
      );
      try {
        return Float64Array.from(await value.data());
      } finally {
        value.dispose();
      }
    },
    dispose() {
      x.dispose();
      y.dispose();
    },
  };
}

export interface SliceGrid {
  readonly resolution: number;
  /** Row-major, β rows from w2[0] up, α columns from w1[0] — the layout d3-contour expects. */
  readonly values: Float64Array;
  readonly milliseconds: number;
}

export interface GridOptions {
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
  /** Parameter vectors per batch; default keeps a batch's activations near 4M floats. */
  readonly batch?: number;
}

export interface NetworkEngine {
  readonly backend: BackendChoice;
  train(scene: NetworkScene, options?: Omit<TrainOptions, 'backend'>): Promise<TrainingResult>;
  sliceGrid(
    surface: NetworkSliceSurface,
    result: TrainingResult,
    resolution: number,
    options?: GridOptions,
  ): Promise<SliceGrid>;
  memory(): tf.MemoryInfo;
}

async function evaluateGrid(
  surface: NetworkSliceSurface,
  result: TrainingResult,
  resolution: number,
  options: GridOptions,
): Promise<SliceGrid> {
  const began = performance.now();
  const { arch, data } = result;
  const total = resolution * resolution;
  const widest = Math.max(...arch.sizes);
  const batch = options.batch ?? Math.max(16, Math.min(4096, Math.floor(4e6 / (data.size * widest))));
  const values = new Float64Array(total);
  const { w1, w2 } = surface.viewBox;
  const x = tf.tensor2d(Float32Array.from(data.x), [data.size, arch.sizes[0]!], 'float32');
  const y = tf.tensor2d(
    Float32Array.from(data.y),
    [data.size, arch.sizes[arch.sizes.length - 1]!],
    'float32',
  );
  const plane = tf.tensor2d(packed([surface.center, surface.d1, surface.d2], arch.paramCount), [
    3,
    arch.paramCount,
  ]);
  try {
    for (let first = 0; first < total; first += batch) {
      if (options.signal?.aborted) throw new DOMException('slice cancelled', 'AbortError');
      const count = Math.min(batch, total - first);
      const coefficients = new Float32Array(3 * count);
      for (let n = 0; n < count; n++) {
        const cell = first + n;
        const i = cell % resolution;
        const j = Math.floor(cell / resolution);
        coefficients[3 * n] = 1;
        coefficients[3 * n + 1] = w1[0] + ((w1[1] - w1[0]) * i) / (resolution - 1);
        coefficients[3 * n + 2] = w2[0] + ((w2[1] - w2[0]) * j) / (resolution - 1);
      }
      // θ(α, β) = θ* + α·d1 + β·d2 for the whole batch as one [count, 3] × [3, P] product.
      const losses = tf.tidy(() =>
        batchedLosses(arch, tf.matMul(tf.tensor2d(coefficients, [count, 3]), plane), x, y),
      );
      try {
        values.set(await losses.data(), first);
      } finally {
        losses.dispose();
      }
      options.onProgress?.((first + count) / total);
    }
  } finally {
    x.dispose();
    y.dispose();
    plane.dispose();
  }
  return { resolution, values, milliseconds: performance.now() - began };
}

export async function createNetworkEngine(preferred?: BackendName): Promise<NetworkEngine> {
  const backend = await chooseBackend(preferred);
  await tf.ready();
  return {
    backend,
    train: (scene, options = {}) => trainNetwork(scene, tfjsSource, { ...options, backend: backend.name }),
    sliceGrid: (surface, result, resolution, options = {}) =>
      evaluateGrid(surface, result, resolution, options),
    memory: () => tf.memory(),
  };
}
