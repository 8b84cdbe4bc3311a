/**
 * Lecture 003's activation-statistics experiment: a deep, wide MLP without biases, fed unit-Gaussian
 * inputs, one layer at a time. Each layer yields its activation mean, standard deviation and histogram
 * (the lecture's figure), so a worker can post progress per layer and be cancelled between layers.
 * Plain float64; the only state kept is the current layer's activations.
 */
import type { StatsActivation, StatsConfig, StatsInit } from '../core/network';
import { batchNormTrain, layerNorm, normBackward, type BatchNormResult } from './normalization';
import { NN_CHANNEL, randomStream } from './random';

export const HISTOGRAM_BINS = 30;
/** Leaky ReLU's slope for negative inputs. */
export const LEAKY_SLOPE = 0.01;

/** The histogram's range: the lecture's (−1, 1) for tanh; the activation's own range otherwise. */
export function histogramRange(activation: StatsActivation): readonly [number, number] {
  if (activation === 'tanh') return [-1, 1];
  if (activation === 'sigmoid') return [0, 1];
  return [-1, 3];
}

/** The standard deviation of W's entries for a layer with `fanIn` inputs, before the gain. */
export function initScale(init: StatsInit, fanIn: number): number {
  switch (init) {
    case 'small':
      return 0.01;
    case 'unit':
      return 1;
    case 'xavier':
      return 1 / Math.sqrt(fanIn);
    case 'he':
      return 1 / Math.sqrt(fanIn / 2);
    case 'zero':
      return 0;
  }
}

export function activateStats(kind: StatsActivation, z: number): number {
  if (kind === 'tanh') return Math.tanh(z);
  if (kind === 'sigmoid') return 1 / (1 + Math.exp(-z));
  if (kind === 'relu') return z > 0 ? z : 0;
  return z > 0 ? z : LEAKY_SLOPE * z;
}

export interface LayerStats {
  /** 1-based hidden layer index, as the lecture prints it. */
  readonly layer: number;
  readonly mean: number;
  /** Population standard deviation over every unit and input (np.std). */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Counts in HISTOGRAM_BINS equal bins over histogramRange; values outside are counted in `outside`. */
  readonly histogram: Uint32Array;
  readonly outside: number;
  /** Fraction of activations within 1% of a saturated end (tanh ±1, sigmoid 0 or 1); NaN for ReLUs. */
  readonly saturated: number;
  /** Fraction of activations exactly 0 (dead ReLUs, or a collapsed layer). */
  readonly zeros: number;
  /**
   * The largest difference between two units of this layer on one input, over the batch: 0 means every
   * unit computes the same function (W = 0's symmetry, which gradient descent cannot break).
   */
  readonly unitSpread: number;
}

/** The batch of inputs: batch × width unit Gaussians, row-major. */
export function statsInputs(config: Pick<StatsConfig, 'batch' | 'width' | 'seed'>): Float64Array {
  const random = randomStream(config.seed, NN_CHANNEL.statsInput);
  const x = new Float64Array(config.batch * config.width);
  for (let k = 0; k < x.length; k++) x[k] = random.gaussian();
  return x;
}

/** Layer l's weights (0-based), width × width row-major: W[i·width + j] connects input i to unit j. */
export function statsWeights(
  config: Pick<StatsConfig, 'width' | 'init' | 'gain' | 'seed'>,
  layer: number,
): Float64Array {
  const w = new Float64Array(config.width * config.width);
  const scale = initScale(config.init, config.width) * config.gain;
  if (scale === 0) return w;
  const random = randomStream(config.seed, NN_CHANNEL.statsWeights, layer);
  for (let k = 0; k < w.length; k++) w[k] = scale * random.gaussian();
  return w;
}

/** Statistics of one layer's activations `h` (batch × width). */
export function layerStats(
  h: Float64Array,
  width: number,
  activation: StatsActivation,
  layer: number,
): LayerStats {
  const [low, high] = histogramRange(activation);
  const histogram = new Uint32Array(HISTOGRAM_BINS);
  const binWidth = (high - low) / HISTOGRAM_BINS;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let outside = 0;
  let saturated = 0;
  let zeros = 0;
  const saturates = activation === 'tanh' || activation === 'sigmoid';
  for (let k = 0; k < h.length; k++) {
    const v = h[k]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) zeros++;
    if (activation === 'tanh' ? Math.abs(v) > 0.99 : saturates && (v < 0.01 || v > 0.99)) saturated++;
    // The top edge belongs to the last bin, as in numpy.histogram.
    const bin = v === high ? HISTOGRAM_BINS - 1 : Math.floor((v - low) / binWidth);
    if (bin >= 0 && bin < HISTOGRAM_BINS) histogram[bin]!++;
    else outside++;
  }
  const count = h.length;
  const mean = sum / count;
  let squares = 0;
  for (let k = 0; k < count; k++) squares += (h[k]! - mean) ** 2;
  let unitSpread = 0;
  for (let r = 0; r < count / width; r++) {
    let rowMin = Infinity;
    let rowMax = -Infinity;
    for (let j = 0; j < width; j++) {
      const v = h[r * width + j]!;
      if (v < rowMin) rowMin = v;
      if (v > rowMax) rowMax = v;
    }
    unitSpread = Math.max(unitSpread, rowMax - rowMin);
  }
  return {
    layer,
    mean,
    std: Math.sqrt(squares / count),
    min,
    max,
    histogram,
    outside,
    saturated: saturates ? saturated / count : Number.NaN,
    zeros: zeros / count,
    unitSpread,
  };
}

/** out = act(x · W) for x batch × width and W width × width (row-major), in i-k-j order for locality. */
export function forwardLayer(
  x: Float64Array,
  w: Float64Array,
  width: number,
  activation: StatsActivation | null,
  out: Float64Array,
): void {
  const batch = x.length / width;
  for (let r = 0; r < batch; r++) {
    const row = r * width;
    out.fill(0, row, row + width);
    // Four inputs per pass over the output row: a quarter of the loads and stores of out.
    let i = 0;
    for (; i + 3 < width; i += 4) {
      const x0 = x[row + i]!;
      const x1 = x[row + i + 1]!;
      const x2 = x[row + i + 2]!;
      const x3 = x[row + i + 3]!;
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
      const w0 = i * width;
      const w1 = w0 + width;
      const w2 = w1 + width;
      const w3 = w2 + width;
      for (let j = 0; j < width; j++)
        out[row + j]! += x0 * w[w0 + j]! + x1 * w[w1 + j]! + x2 * w[w2 + j]! + x3 * w[w3 + j]!;
    }
    for (; i < width; i++) {
      const xi = x[row + i]!;
      const wRow = i * width;
      for (let j = 0; j < width; j++) out[row + j]! += xi * w[wRow + j]!;
    }
    if (activation !== null)
      for (let j = row; j < row + width; j++) out[j] = activateStats(activation, out[j]!);
  }
}

export interface StatsInputSummary {
  readonly mean: number;
  readonly std: number;
}

/**
 * The backward pass of lecture 003's question ("think about the backward pass: what do the gradients
 * look like?"): the loss is a fixed random linear readout of the last layer regressed on random targets,
 * L = (1/2B)·Σ_b (h_L[b]·r/√width − y_b)², so the gradient arriving at the top does not depend on the
 * initialization and each layer's ‖∂L/∂W_l‖ shows only what the layers below and above do to it.
 */
export interface GradientStats {
  readonly loss: number;
  /** Frobenius norm of ∂L/∂W_l for each layer, 1-based like the layers (index 0 is layer 1). */
  readonly weightGradientNorms: readonly number[];
}

export type StatsStep =
  | { kind: 'input'; stats: StatsInputSummary }
  | { kind: 'layer'; stats: LayerStats }
  | { kind: 'gradients'; stats: GradientStats };

/** The readout r (width) and targets y (batch) of the backward pass's loss, seeded apart from X and W. */
export function statsReadout(config: Pick<StatsConfig, 'width' | 'batch' | 'seed'>): {
  readout: Float64Array;
  targets: Float64Array;
} {
  const readoutStream = randomStream(config.seed, NN_CHANNEL.statsWeights, 100_000);
  const targetStream = randomStream(config.seed, NN_CHANNEL.statsInput, 1);
  return {
    readout: Float64Array.from({ length: config.width }, () => readoutStream.gaussian()),
    targets: Float64Array.from({ length: config.batch }, () => targetStream.gaussian()),
  };
}

/** f'(z) from the activation's output h = f(z): every supported f allows it. */
export function slopeFromOutput(kind: StatsActivation, h: number): number {
  if (kind === 'tanh') return 1 - h * h;
  if (kind === 'sigmoid') return h * (1 - h);
  if (kind === 'relu') return h > 0 ? 1 : 0;
  return h > 0 ? 1 : LEAKY_SLOPE;
}

/**
 * The experiment, a layer at a time: yields the input's summary first, then each hidden layer's stats,
 * then (with `backward`) the per-layer weight-gradient norms. A worker posts each step as progress and is
 * terminated to cancel. The backward pass keeps every layer's activations and weights.
 */
export function* activationStatistics(
  config: StatsConfig,
  options: { backward?: boolean } = {},
): Generator<StatsStep> {
  let x: Float64Array = statsInputs(config);
  let sum = 0;
  for (let k = 0; k < x.length; k++) sum += x[k]!;
  const mean = sum / x.length;
  let squares = 0;
  for (let k = 0; k < x.length; k++) squares += (x[k]! - mean) ** 2;
  yield { kind: 'input', stats: { mean, std: Math.sqrt(squares / x.length) } };
  const keep = options.backward === true;
  const activations: Float64Array[] = [x];
  const weights: Float64Array[] = [];
  const norms: BatchNormResult[] = [];
  const ones = new Float64Array(config.width).fill(1);
  const zeros = new Float64Array(config.width);
  let out: Float64Array = new Float64Array(x.length);
  for (let l = 0; l < config.depth; l++) {
    const w = statsWeights(config, l);
    if (config.norm === 'none') forwardLayer(x, w, config.width, config.activation, out);
    else {
      // W·x, then batch or layer norm with γ = 1, β = 0 (their initial values), then f.
      forwardLayer(x, w, config.width, null, out);
      const params = { gamma: ones, beta: zeros };
      const normed =
        config.norm === 'batch'
          ? batchNormTrain(out, config.width, params)
          : layerNorm(out, config.width, params);
      for (let k = 0; k < out.length; k++) out[k] = activateStats(config.activation, normed.out[k]!);
      if (keep) norms.push(normed);
    }
    yield { kind: 'layer', stats: layerStats(out, config.width, config.activation, l + 1) };
    if (keep) {
      weights.push(w);
      activations.push(out);
      x = out;
      out = new Float64Array(x.length);
    } else [x, out] = [out, x];
  }
  if (keep) yield { kind: 'gradients', stats: backwardPass(config, activations, weights, norms) };
}

/** ∂L/∂W per layer by backpropagation through the stored activations (see GradientStats). */
export function backwardPass(
  config: StatsConfig,
  activations: readonly Float64Array[],
  weights: readonly Float64Array[],
  normalizations: readonly BatchNormResult[] = [],
): GradientStats {
  const ones = new Float64Array(config.width).fill(1);
  const { width, batch, activation } = config;
  const { readout, targets } = statsReadout(config);
  const top = activations[activations.length - 1]!;
  const scale = 1 / Math.sqrt(width);
  // dH_L[b, j] = (pred_b − y_b)·r_j/√width / B
  let upstream = new Float64Array(batch * width);
  let loss = 0;
  for (let b = 0; b < batch; b++) {
    let pred = 0;
    for (let j = 0; j < width; j++) pred += top[b * width + j]! * readout[j]!;
    const residual = pred * scale - targets[b]!;
    loss += 0.5 * residual * residual;
    for (let j = 0; j < width; j++) upstream[b * width + j] = (residual * readout[j]! * scale) / batch;
  }
  const norms = new Array<number>(weights.length).fill(0);
  const gradient = new Float64Array(width * width);
  for (let l = weights.length - 1; l >= 0; l--) {
    const h = activations[l + 1]!;
    const below = activations[l]!;
    const w = weights[l]!;
    // dZ = dH ⊙ f'(Z), in place.
    for (let k = 0; k < upstream.length; k++) upstream[k]! *= slopeFromOutput(activation, h[k]!);
    // Through the normalization to W·x (γ = 1).
    if (config.norm !== 'none') normBackward(config.norm, upstream, normalizations[l]!, width, ones);
    // ∂L/∂W = Xᵀ·dZ (i-b-j order: rows of dZ are contiguous).
    gradient.fill(0);
    // Four inputs of the batch per pass over a gradient row, as in forwardLayer.
    let b = 0;
    for (; b + 3 < batch; b += 4) {
      const u0 = b * width;
      const u1 = u0 + width;
      const u2 = u1 + width;
      const u3 = u2 + width;
      for (let i = 0; i < width; i++) {
        const x0 = below[u0 + i]!;
        const x1 = below[u1 + i]!;
        const x2 = below[u2 + i]!;
        const x3 = below[u3 + i]!;
        if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const row = i * width;
        for (let j = 0; j < width; j++)
          gradient[row + j]! +=
            x0 * upstream[u0 + j]! + x1 * upstream[u1 + j]! + x2 * upstream[u2 + j]! + x3 * upstream[u3 + j]!;
      }
    }
    for (; b < batch; b++) {
      for (let i = 0; i < width; i++) {
        const xi = below[b * width + i]!;
        if (xi === 0) continue;
        const row = i * width;
        for (let j = 0; j < width; j++) gradient[row + j]! += xi * upstream[b * width + j]!;
      }
    }
    let squares = 0;
    for (let k = 0; k < gradient.length; k++) squares += gradient[k]! * gradient[k]!;
    norms[l] = Math.sqrt(squares);
    if (l === 0) break;
    // dH_{l−1} = dZ·Wᵀ
    const next = new Float64Array(batch * width);
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < width; i++) {
        let acc = 0;
        const row = i * width;
        for (let j = 0; j < width; j++) acc += upstream[b * width + j]! * w[row + j]!;
        next[b * width + i] = acc;
      }
    }
    upstream = next;
  }
  return { loss: loss / batch, weightGradientNorms: norms };
}

export interface StatsResult {
  readonly config: StatsConfig;
  readonly input: StatsInputSummary;
  readonly layers: readonly LayerStats[];
  readonly gradients?: GradientStats;
}

/** The whole experiment synchronously (tests, the bench); the UI runs it in a worker. */
export function computeActivationStats(
  config: StatsConfig,
  options: { backward?: boolean } = {},
): StatsResult {
  let input: StatsInputSummary = { mean: Number.NaN, std: Number.NaN };
  const layers: LayerStats[] = [];
  let gradients: GradientStats | undefined;
  for (const step of activationStatistics(config, options)) {
    if (step.kind === 'input') input = step.stats;
    else if (step.kind === 'layer') layers.push(step.stats);
    else gradients = step.stats;
  }
  return gradients ? { config, input, layers, gradients } : { config, input, layers };
}
