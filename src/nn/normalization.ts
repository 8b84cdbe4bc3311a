/**
 * Batch normalization (Ioffe & Szegedy 2015; lecture 003) and layer normalization (Ba et al. 2016) of a
 * batch × width matrix, with learnable γ and β per unit. Batch norm normalizes each unit over the batch
 * in training and with running averages at test time; layer norm normalizes each input over its units,
 * the same in training and at test. Plain float64, row-major.
 */
export const NORM_EPSILON = 1e-5;

export interface NormParameters {
  /** Scale per unit (learnable; 1 at initialization). */
  readonly gamma: ArrayLike<number>;
  /** Shift per unit (learnable; 0 at initialization). */
  readonly beta: ArrayLike<number>;
}

export interface RunningStats {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}

export interface BatchNormResult {
  readonly out: Float64Array;
  /** The batch's own mean and (biased) variance per unit: what training normalizes with. */
  readonly batchMean: Float64Array;
  readonly batchVariance: Float64Array;
  /** The normalized values x̂ before γ and β (kept for the backward pass). */
  readonly normalized: Float64Array;
}

/**
 * Training mode: each unit normalized with its batch mean and variance, then y = γ·x̂ + β. Pass `running`
 * (with `momentum`, torch's convention: running = (1 − m)·running + m·batch, unbiased variance) to update
 * the running averages in place, as torch.nn.BatchNorm1d does.
 */
export function batchNormTrain(
  z: ArrayLike<number>,
  width: number,
  params: NormParameters,
  running?: RunningStats,
  momentum = 0.1,
): BatchNormResult {
  const batch = z.length / width;
  const batchMean = new Float64Array(width);
  const batchVariance = new Float64Array(width);
  for (let b = 0; b < batch; b++) for (let j = 0; j < width; j++) batchMean[j]! += z[b * width + j]! / batch;
  for (let b = 0; b < batch; b++)
    for (let j = 0; j < width; j++) batchVariance[j]! += (z[b * width + j]! - batchMean[j]!) ** 2 / batch;
  const normalized = new Float64Array(z.length);
  const out = new Float64Array(z.length);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < width; j++) {
      const k = b * width + j;
      normalized[k] = (z[k]! - batchMean[j]!) / Math.sqrt(batchVariance[j]! + NORM_EPSILON);
      out[k] = params.gamma[j]! * normalized[k]! + params.beta[j]!;
    }
  }
  if (running) {
    const unbiased = batch > 1 ? batch / (batch - 1) : 1;
    for (let j = 0; j < width; j++) {
      running.mean[j] = (1 - momentum) * running.mean[j]! + momentum * batchMean[j]!;
      running.variance[j] = (1 - momentum) * running.variance[j]! + momentum * batchVariance[j]! * unbiased;
    }
  }
  return { out, batchMean, batchVariance, normalized };
}

/** Test mode: the running averages instead of the batch's statistics, so each input's output is its own. */
export function batchNormTest(
  z: ArrayLike<number>,
  width: number,
  params: NormParameters,
  running: RunningStats,
): Float64Array {
  const out = new Float64Array(z.length);
  for (let k = 0; k < z.length; k++) {
    const j = k % width;
    out[k] =
      (params.gamma[j]! * (z[k]! - running.mean[j]!)) / Math.sqrt(running.variance[j]! + NORM_EPSILON) +
      params.beta[j]!;
  }
  return out;
}

/** Layer norm: each input normalized over its own units (the same in training and at test). */
export function layerNorm(z: ArrayLike<number>, width: number, params: NormParameters): BatchNormResult {
  const batch = z.length / width;
  const rowMean = new Float64Array(batch);
  const rowVariance = new Float64Array(batch);
  const normalized = new Float64Array(z.length);
  const out = new Float64Array(z.length);
  for (let b = 0; b < batch; b++) {
    let sum = 0;
    for (let j = 0; j < width; j++) sum += z[b * width + j]!;
    const mean = sum / width;
    let squares = 0;
    for (let j = 0; j < width; j++) squares += (z[b * width + j]! - mean) ** 2;
    const variance = squares / width;
    rowMean[b] = mean;
    rowVariance[b] = variance;
    for (let j = 0; j < width; j++) {
      const k = b * width + j;
      normalized[k] = (z[k]! - mean) / Math.sqrt(variance + NORM_EPSILON);
      out[k] = params.gamma[j]! * normalized[k]! + params.beta[j]!;
    }
  }
  return { out, batchMean: rowMean, batchVariance: rowVariance, normalized };
}

/**
 * ∂L/∂z from ∂L/∂y through a normalization, in place in `upstream`: with x̂ and σ of the group (a unit's
 * column for batch norm, an input's row for layer norm), dz = γ/σ·(dy − mean(dy) − x̂·mean(dy·x̂)).
 */
export function normBackward(
  kind: 'batch' | 'layer',
  upstream: Float64Array,
  result: BatchNormResult,
  width: number,
  gamma: ArrayLike<number>,
): void {
  const batch = upstream.length / width;
  const groups = kind === 'batch' ? width : batch;
  const size = kind === 'batch' ? batch : width;
  const at =
    kind === 'batch' ? (g: number, i: number) => i * width + g : (g: number, i: number) => g * width + i;
  for (let g = 0; g < groups; g++) {
    const sigma = Math.sqrt(result.batchVariance[g]! + NORM_EPSILON);
    let meanDy = 0;
    let meanDyX = 0;
    for (let i = 0; i < size; i++) {
      const k = at(g, i);
      const dxhat = upstream[k]! * gamma[kind === 'batch' ? g : i]!;
      meanDy += dxhat / size;
      meanDyX += (dxhat * result.normalized[k]!) / size;
    }
    for (let i = 0; i < size; i++) {
      const k = at(g, i);
      const dxhat = upstream[k]! * gamma[kind === 'batch' ? g : i]!;
      upstream[k] = (dxhat - meanDy - result.normalized[k]! * meanDyX) / sigma;
    }
  }
}
