/**
 * A deep MLP in plain float64 for the training experiments (lecture 003's batch norm, lecture 002's
 * vanishing gradients): hidden layers W·h + b → (batch norm) → f, a softmax cross-entropy head, its exact
 * backward pass, and seeded mini-batch SGD that records the loss and every layer's ‖∂L/∂W‖ as it trains.
 * Small enough (a few layers of tens of units) to train in a worker in seconds, and checked against
 * numerical gradients (deepNet.test.ts).
 */
import { batchNormTest, batchNormTrain, normBackward, type BatchNormResult } from './normalization';
import { NN_CHANNEL, permutation, randomStream } from './random';

export type DeepActivation = 'tanh' | 'sigmoid' | 'relu';

export interface DeepNetSpec {
  readonly inputs: number;
  readonly classes: number;
  readonly depth: number;
  readonly width: number;
  readonly activation: DeepActivation;
  /** Xavier randn/√fan_in or He randn/√(fan_in/2), times `gain`. */
  readonly init: 'xavier' | 'he';
  readonly gain: number;
  /** Batch norm after each hidden linear layer, before f (its bias is then dropped: β does its job). */
  readonly batchNorm: boolean;
  readonly seed: number;
}

export interface DeepLayer {
  readonly fanIn: number;
  readonly fanOut: number;
  readonly w: Float64Array;
  readonly b: Float64Array;
  readonly gamma: Float64Array;
  readonly beta: Float64Array;
  readonly runningMean: Float64Array;
  readonly runningVariance: Float64Array;
}

export interface DeepNet {
  readonly spec: DeepNetSpec;
  /** The hidden layers, then the output layer (never normalized). */
  readonly layers: readonly DeepLayer[];
}

export function createDeepNet(spec: DeepNetSpec): DeepNet {
  const random = randomStream(spec.seed, NN_CHANNEL.deepInit);
  const layers: DeepLayer[] = [];
  for (let l = 0; l <= spec.depth; l++) {
    const fanIn = l === 0 ? spec.inputs : spec.width;
    const fanOut = l === spec.depth ? spec.classes : spec.width;
    const scale = (spec.gain * (spec.init === 'he' ? Math.sqrt(2) : 1)) / Math.sqrt(fanIn);
    const w = new Float64Array(fanIn * fanOut);
    for (let k = 0; k < w.length; k++) w[k] = scale * random.gaussian();
    layers.push({
      fanIn,
      fanOut,
      w,
      b: new Float64Array(fanOut),
      gamma: new Float64Array(fanOut).fill(1),
      beta: new Float64Array(fanOut),
      runningMean: new Float64Array(fanOut),
      runningVariance: new Float64Array(fanOut).fill(1),
    });
  }
  return { spec, layers };
}

function activate(kind: DeepActivation, z: number): number {
  return kind === 'tanh' ? Math.tanh(z) : kind === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : z > 0 ? z : 0;
}

/** f′ from the output h = f(z): 1 − h², h(1 − h), or the ReLU step. */
function slope(kind: DeepActivation, h: number): number {
  return kind === 'tanh' ? 1 - h * h : kind === 'sigmoid' ? h * (1 - h) : h > 0 ? 1 : 0;
}

/** rows × n = (rows × k)(k × n), row-major. */
function matmul(a: Float64Array, b: Float64Array, rows: number, k: number, n: number): Float64Array {
  const out = new Float64Array(rows * n);
  for (let i = 0; i < rows; i++)
    for (let p = 0; p < k; p++) {
      const v = a[i * k + p]!;
      if (v === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += v * b[p * n + j]!;
    }
  return out;
}

interface Forward {
  /** hs[0] the input, hs[l + 1] the output of hidden layer l; the scores last. */
  readonly hs: Float64Array[];
  readonly norms: (BatchNormResult | null)[];
  readonly scores: Float64Array;
}

/** `mode` 'train' normalizes with batch statistics (and updates the running averages when asked). */
function forward(
  net: DeepNet,
  x: Float64Array,
  rows: number,
  mode: 'train' | 'test',
  updateRunning = false,
): Forward {
  const { spec, layers } = net;
  const hs: Float64Array[] = [x];
  const norms: (BatchNormResult | null)[] = [];
  let h = x;
  for (let l = 0; l < spec.depth; l++) {
    const layer = layers[l]!;
    let z = matmul(h, layer.w, rows, layer.fanIn, layer.fanOut);
    if (spec.batchNorm) {
      const params = { gamma: layer.gamma, beta: layer.beta };
      if (mode === 'train') {
        const running = { mean: layer.runningMean, variance: layer.runningVariance };
        const result = batchNormTrain(z, layer.fanOut, params, updateRunning ? running : undefined);
        norms.push(result);
        z = result.out;
      } else {
        z = batchNormTest(z, layer.fanOut, params, {
          mean: layer.runningMean,
          variance: layer.runningVariance,
        });
        norms.push(null);
      }
    } else {
      for (let k = 0; k < z.length; k++) z[k]! += layer.b[k % layer.fanOut]!;
      norms.push(null);
    }
    for (let k = 0; k < z.length; k++) z[k] = activate(spec.activation, z[k]!);
    hs.push(z);
    h = z;
  }
  const out = layers[spec.depth]!;
  const scores = matmul(h, out.w, rows, out.fanIn, out.fanOut);
  for (let k = 0; k < scores.length; k++) scores[k]! += out.b[k % out.fanOut]!;
  return { hs, norms, scores };
}

/** Mean softmax cross-entropy of the scores; `probabilities` receives softmax(scores) when given. */
function crossEntropy(
  scores: Float64Array,
  labels: ArrayLike<number>,
  rows: number,
  classes: number,
  probabilities?: Float64Array,
): { loss: number; correct: number } {
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    let arg = 0;
    for (let c = 0; c < classes; c++) {
      const s = scores[i * classes + c]!;
      if (s > max) [max, arg] = [s, c];
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(scores[i * classes + c]! - max);
    const label = labels[i]!;
    loss += Math.log(sum) - (scores[i * classes + label]! - max);
    if (arg === label) correct++;
    if (probabilities)
      for (let c = 0; c < classes; c++)
        probabilities[i * classes + c] = Math.exp(scores[i * classes + c]! - max) / sum;
  }
  return { loss: loss / rows, correct };
}

export interface DeepGradients {
  readonly loss: number;
  /** Per layer (hidden then output): ∂L/∂W, ∂L/∂b, ∂L/∂γ, ∂L/∂β (zeros where a parameter is unused). */
  readonly w: Float64Array[];
  readonly b: Float64Array[];
  readonly gamma: Float64Array[];
  readonly beta: Float64Array[];
}

/**
 * The mini-batch loss (batch statistics, as in training) and its exact gradients. `updateRunning` moves
 * the batch-norm running averages, as a training step does.
 */
export function lossAndGradients(
  net: DeepNet,
  x: Float64Array,
  labels: ArrayLike<number>,
  updateRunning = false,
): DeepGradients {
  const { spec, layers } = net;
  const rows = labels.length;
  const pass = forward(net, x, rows, 'train', updateRunning);
  const probabilities = new Float64Array(rows * spec.classes);
  const { loss } = crossEntropy(pass.scores, labels, rows, spec.classes, probabilities);
  const w: Float64Array[] = [];
  const b: Float64Array[] = [];
  const gamma: Float64Array[] = [];
  const beta: Float64Array[] = [];
  // ∂L/∂scores = (softmax − onehot)/rows.
  let upstream = probabilities;
  for (let i = 0; i < rows; i++) upstream[i * spec.classes + labels[i]!]! -= 1;
  for (let k = 0; k < upstream.length; k++) upstream[k]! /= rows;
  for (let l = spec.depth; l >= 0; l--) {
    const layer = layers[l]!;
    const input = pass.hs[l]!;
    const dz = upstream;
    if (l < spec.depth) {
      // Through f, then (batch norm) back to z = W·h.
      const h = pass.hs[l + 1]!;
      for (let k = 0; k < dz.length; k++) dz[k]! *= slope(spec.activation, h[k]!);
      const dGamma = new Float64Array(layer.fanOut);
      const dBeta = new Float64Array(layer.fanOut);
      const norm = pass.norms[l];
      if (norm) {
        for (let k = 0; k < dz.length; k++) {
          dGamma[k % layer.fanOut]! += dz[k]! * norm.normalized[k]!;
          dBeta[k % layer.fanOut]! += dz[k]!;
        }
        normBackward('batch', dz, norm, layer.fanOut, layer.gamma);
      }
      gamma[l] = dGamma;
      beta[l] = dBeta;
    } else {
      gamma[l] = new Float64Array(layer.fanOut);
      beta[l] = new Float64Array(layer.fanOut);
    }
    const dW = new Float64Array(layer.fanIn * layer.fanOut);
    for (let i = 0; i < rows; i++)
      for (let p = 0; p < layer.fanIn; p++) {
        const v = input[i * layer.fanIn + p]!;
        if (v === 0) continue;
        for (let j = 0; j < layer.fanOut; j++) dW[p * layer.fanOut + j]! += v * dz[i * layer.fanOut + j]!;
      }
    const db = new Float64Array(layer.fanOut);
    if (!(spec.batchNorm && l < spec.depth))
      for (let k = 0; k < dz.length; k++) db[k % layer.fanOut]! += dz[k]!;
    w[l] = dW;
    b[l] = db;
    if (l > 0) {
      const dh = new Float64Array(rows * layer.fanIn);
      for (let i = 0; i < rows; i++)
        for (let p = 0; p < layer.fanIn; p++) {
          let sum = 0;
          for (let j = 0; j < layer.fanOut; j++)
            sum += dz[i * layer.fanOut + j]! * layer.w[p * layer.fanOut + j]!;
          dh[i * layer.fanIn + p] = sum;
        }
      upstream = dh;
    }
  }
  return { loss, w, b, gamma, beta };
}

/** The loss and accuracy on a whole data set at test time (batch norm with its running averages). */
export function evaluateDeepNet(
  net: DeepNet,
  x: Float64Array,
  labels: ArrayLike<number>,
): { loss: number; accuracy: number } {
  const rows = labels.length;
  const pass = forward(net, x, rows, 'test');
  const { loss, correct } = crossEntropy(pass.scores, labels, rows, net.spec.classes);
  return { loss, accuracy: correct / rows };
}

const frobenius = (a: Float64Array) => Math.sqrt(a.reduce((sum, v) => sum + v * v, 0));

export interface DeepTrainOptions {
  readonly lr: number;
  readonly steps: number;
  readonly batchSize: number;
  /** Seeds the mini-batch order (the weights have their own seed in the spec). */
  readonly seed: number;
  /** Full-data loss and gradient norms every this many steps (and at the first and last step). */
  readonly recordEvery: number;
}

export interface DeepTrainRecord {
  /** The steps recorded (0 = before training). */
  readonly steps: number[];
  /** Full-data loss at test time at each recorded step (NaN once diverged). */
  readonly loss: number[];
  readonly accuracy: number[];
  /** gradientNorms[l][r]: ‖∂L/∂W‖ of layer l (hidden layers, then the output) on the mini-batch of record r. */
  readonly gradientNorms: number[][];
  /** The first step whose loss was not finite, or null. */
  divergedAt: number | null;
}

/**
 * Plain mini-batch SGD on (x, labels): a fresh seeded permutation per epoch, a batch-norm running-average
 * update per step. Yields after every recorded step, so a worker can report progress.
 */
export function* trainDeepNet(
  net: DeepNet,
  x: Float64Array,
  labels: Int32Array,
  options: DeepTrainOptions,
): Generator<DeepTrainRecord, DeepTrainRecord> {
  const { spec, layers } = net;
  const n = labels.length;
  const batch = Math.min(options.batchSize, n);
  const record: DeepTrainRecord = {
    steps: [],
    loss: [],
    accuracy: [],
    gradientNorms: layers.map(() => []),
    divergedAt: null,
  };
  const random = randomStream(options.seed, NN_CHANNEL.deepBatches);
  let order = permutation(n, random);
  let cursor = 0;
  const batchX = new Float64Array(batch * spec.inputs);
  const batchLabels = new Int32Array(batch);
  const take = () => {
    for (let i = 0; i < batch; i++) {
      if (cursor === n) {
        order = permutation(n, random);
        cursor = 0;
      }
      const row = order[cursor++]!;
      batchLabels[i] = labels[row]!;
      for (let d = 0; d < spec.inputs; d++) batchX[i * spec.inputs + d] = x[row * spec.inputs + d]!;
    }
  };
  const push = (step: number, gradients: DeepGradients | null) => {
    const evaluated = record.divergedAt === null ? evaluateDeepNet(net, x, labels) : null;
    const finite = evaluated !== null && Number.isFinite(evaluated.loss);
    if (!finite && record.divergedAt === null) record.divergedAt = step;
    record.steps.push(step);
    record.loss.push(finite ? evaluated.loss : Number.NaN);
    record.accuracy.push(finite ? evaluated.accuracy : Number.NaN);
    layers.forEach((_, l) =>
      record.gradientNorms[l]!.push(gradients ? frobenius(gradients.w[l]!) : Number.NaN),
    );
  };
  take();
  // Step 0: the loss and gradients of the initialization (running averages untouched).
  push(0, lossAndGradients(net, batchX, batchLabels));
  yield record;
  for (let step = 1; step <= options.steps && record.divergedAt === null; step++) {
    if (step > 1) take();
    const gradients = lossAndGradients(net, batchX, batchLabels, true);
    if (!Number.isFinite(gradients.loss)) {
      record.divergedAt = step;
      break;
    }
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l]!;
      const update = (p: Float64Array, g: Float64Array) => {
        for (let k = 0; k < p.length; k++) p[k]! -= options.lr * g[k]!;
      };
      update(layer.w, gradients.w[l]!);
      update(layer.b, gradients.b[l]!);
      update(layer.gamma, gradients.gamma[l]!);
      update(layer.beta, gradients.beta[l]!);
    }
    if (step % options.recordEvery === 0 || step === options.steps) {
      push(step, gradients);
      yield record;
    }
  }
  return record;
}
