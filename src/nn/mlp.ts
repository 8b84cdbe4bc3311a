/**
 * A small multilayer perceptron in plain float64 JavaScript: parameter layout, seeded initialization
 * (lecture 003), forward pass, loss and an exact hand-written backpropagation. Synchronous and
 * dependency-free, so a loss slice can be an Oracle for the core's runOptimizer; the tfjs engine
 * (src/nn/tf) evaluates the same function in float32 in large batches and is tested against this one.
 */
import type { Activation, Init, LossKind } from './config';
import type { Dataset, Task } from './datasets';
import { multiclassHinge } from './losses';
import { NN_CHANNEL, randomStream } from './random';

export interface LayerLayout {
  readonly fanIn: number;
  readonly fanOut: number;
  /** Offset of the fanIn × fanOut weight matrix (row-major: W[i·fanOut + j] connects input i to unit j). */
  readonly weightOffset: number;
  readonly biasOffset: number;
}

export interface Architecture {
  /** Unit counts from input to output, e.g. [2, 8, 8, 1]. */
  readonly sizes: readonly number[];
  readonly layers: readonly LayerLayout[];
  readonly paramCount: number;
  readonly activation: Activation;
  readonly task: Task;
  /** 'hinge': the SVM loss (binary on one logit, multiclass on the scores). */
  readonly loss: LossKind;
  readonly l2: number;
  /** L1 penalty l1·Σ|W| on the weight matrices. */
  readonly l1: number;
}

export interface ArchitectureInput {
  readonly layers: readonly number[];
  readonly activation: Activation;
  readonly loss: LossKind;
  readonly l2: number;
  readonly l1?: number | undefined;
}

export function architecture(
  input: ArchitectureInput,
  data: { readonly inputDim: number; readonly outputDim: number; readonly task: Task },
): Architecture {
  const sizes = [data.inputDim, ...input.layers, data.outputDim];
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    layers.push({ fanIn, fanOut, weightOffset: offset, biasOffset: offset + fanIn * fanOut });
    offset += fanIn * fanOut + fanOut;
  }
  return {
    sizes,
    layers,
    paramCount: offset,
    activation: input.activation,
    task: data.task,
    loss: input.loss,
    l2: input.l2,
    l1: input.l1 ?? 0,
  };
}

/**
 * Initial weights from the seeded stream, biases zero. Lecture 003: small random W = randn·0.01,
 * Xavier (Glorot & Bengio 2010) W = randn/√fan_in, He et al. 2015 W = randn/√(fan_in/2).
 */
export function initialParameters(arch: Architecture, init: Init, seed: number): Float64Array {
  const theta = new Float64Array(arch.paramCount);
  const random = randomStream(seed, NN_CHANNEL.init);
  for (const layer of arch.layers) {
    const scale =
      init === 'small'
        ? 0.01
        : init === 'xavier'
          ? 1 / Math.sqrt(layer.fanIn)
          : 1 / Math.sqrt(layer.fanIn / 2);
    for (let k = 0; k < layer.fanIn * layer.fanOut; k++)
      theta[layer.weightOffset + k] = scale * random.gaussian();
  }
  return theta;
}

export function activate(kind: Activation, z: number): number {
  if (kind === 'tanh') return Math.tanh(z);
  if (kind === 'relu') return z > 0 ? z : 0;
  return 1 / (1 + Math.exp(-z));
}

/** dσ/dz written with the activation's output a = σ(z) (and z for ReLU). */
function activationSlope(kind: Activation, a: number, z: number): number {
  if (kind === 'tanh') return 1 - a * a;
  if (kind === 'relu') return z > 0 ? 1 : 0;
  return a * (1 - a);
}

export interface MlpEvaluator {
  /** Loss over the given rows (all when omitted), plus (λ/2)‖W‖². Writes ∂L/∂θ into `gradient` when given. */
  loss(theta: ArrayLike<number>, gradient?: Float64Array, rows?: ArrayLike<number>): number;
  /** Network outputs for `count` inputs: probabilities (sigmoid/softmax) for classification, values for regression. */
  predict(theta: ArrayLike<number>, inputs: ArrayLike<number>, count: number): Float64Array;
}

/** An evaluator with its buffers allocated once, so slices and training loops allocate nothing per call. */
export function createEvaluator(arch: Architecture, data: Pick<Dataset, 'x' | 'y' | 'size'>): MlpEvaluator {
  const depth = arch.layers.length;
  const pre = arch.sizes.map((n) => new Float64Array(n));
  const post = arch.sizes.map((n) => new Float64Array(n));
  const delta = arch.sizes.map((n) => new Float64Array(n));
  const inputDim = arch.sizes[0]!;
  const outputDim = arch.sizes[depth]!;

  function forward(theta: ArrayLike<number>, inputs: ArrayLike<number>, row: number): Float64Array {
    const input = post[0]!;
    for (let i = 0; i < inputDim; i++) input[i] = inputs[row * inputDim + i]!;
    for (let l = 0; l < depth; l++) {
      const { fanIn, fanOut, weightOffset, biasOffset } = arch.layers[l]!;
      const a = post[l]!;
      const z = pre[l + 1]!;
      const out = post[l + 1]!;
      const hidden = l + 1 < depth;
      for (let j = 0; j < fanOut; j++) {
        let sum = theta[biasOffset + j]!;
        for (let i = 0; i < fanIn; i++) sum += a[i]! * theta[weightOffset + i * fanOut + j]!;
        z[j] = sum;
        out[j] = hidden ? activate(arch.activation, sum) : sum;
      }
    }
    return post[depth]!;
  }

  /** Per-example loss from output logits z; writes ∂loss/∂z into dz. */
  function exampleLoss(z: Float64Array, row: number, dz: Float64Array): number {
    if (arch.loss === 'mse') {
      let sum = 0;
      for (let k = 0; k < outputDim; k++) {
        const diff = z[k]! - data.y[row * outputDim + k]!;
        sum += diff * diff;
        dz[k] = (2 * diff) / outputDim;
      }
      return sum / outputDim;
    }
    if (arch.loss === 'hinge' && outputDim === 1) {
      // Binary SVM on one logit: max(0, 1 − ỹ·z) with ỹ = ±1.
      const sign = 2 * data.y[row]! - 1;
      const margin = 1 - sign * z[0]!;
      dz[0] = margin > 0 ? -sign : 0;
      return Math.max(0, margin);
    }
    if (arch.loss === 'hinge') {
      let label = 0;
      for (let k = 1; k < outputDim; k++)
        if (data.y[row * outputDim + k]! > data.y[row * outputDim + label]!) label = k;
      return multiclassHinge(z, label, dz);
    }
    if (outputDim === 1) {
      // Binary cross-entropy with logits, stable form: max(z,0) − z·y + log(1 + e^−|z|).
      const logit = z[0]!;
      const target = data.y[row]!;
      dz[0] = 1 / (1 + Math.exp(-logit)) - target;
      return Math.max(logit, 0) - logit * target + Math.log1p(Math.exp(-Math.abs(logit)));
    }
    let max = -Infinity;
    for (let k = 0; k < outputDim; k++) max = Math.max(max, z[k]!);
    let total = 0;
    for (let k = 0; k < outputDim; k++) total += Math.exp(z[k]! - max);
    const logTotal = Math.log(total) + max;
    let loss = 0;
    for (let k = 0; k < outputDim; k++) {
      const target = data.y[row * outputDim + k]!;
      dz[k] = Math.exp(z[k]! - logTotal) - target;
      loss -= target * (z[k]! - logTotal);
    }
    return loss;
  }

  function loss(theta: ArrayLike<number>, gradient?: Float64Array, rows?: ArrayLike<number>): number {
    const count = rows ? rows.length : data.size;
    if (gradient) gradient.fill(0);
    let total = 0;
    for (let r = 0; r < count; r++) {
      const row = rows ? rows[r]! : r;
      const z = forward(theta, data.x, row);
      total += exampleLoss(z, row, delta[depth]!);
      if (!gradient) continue;
      // Backpropagation: δ_l = (W_lᵀ δ_{l+1}) ⊙ σ'(z_l); ∂L/∂W_l = a_l δ_{l+1}ᵀ; ∂L/∂b_l = δ_{l+1}.
      for (let l = depth - 1; l >= 0; l--) {
        const { fanIn, fanOut, weightOffset, biasOffset } = arch.layers[l]!;
        const a = post[l]!;
        const below = delta[l + 1]!;
        const here = delta[l]!;
        for (let j = 0; j < fanOut; j++) gradient[biasOffset + j]! += below[j]!;
        for (let i = 0; i < fanIn; i++) {
          let back = 0;
          const ai = a[i]!;
          for (let j = 0; j < fanOut; j++) {
            gradient[weightOffset + i * fanOut + j]! += ai * below[j]!;
            back += theta[weightOffset + i * fanOut + j]! * below[j]!;
          }
          here[i] = l > 0 ? back * activationSlope(arch.activation, ai, pre[l]![i]!) : 0;
        }
      }
    }
    const scale = count > 0 ? 1 / count : 0;
    let penalty = 0;
    if (gradient) for (let k = 0; k < gradient.length; k++) gradient[k]! *= scale;
    if (arch.l2 > 0) {
      for (const { fanIn, fanOut, weightOffset } of arch.layers) {
        for (let k = weightOffset; k < weightOffset + fanIn * fanOut; k++) {
          const w = theta[k]!;
          penalty += w * w;
          if (gradient) gradient[k]! += arch.l2 * w;
        }
      }
    }
    let absolute = 0;
    if (arch.l1 > 0) {
      for (const { fanIn, fanOut, weightOffset } of arch.layers) {
        for (let k = weightOffset; k < weightOffset + fanIn * fanOut; k++) {
          const w = theta[k]!;
          absolute += Math.abs(w);
          if (gradient) gradient[k]! += arch.l1 * Math.sign(w);
        }
      }
    }
    return total * scale + 0.5 * arch.l2 * penalty + arch.l1 * absolute;
  }

  function predict(theta: ArrayLike<number>, inputs: ArrayLike<number>, count: number): Float64Array {
    const out = new Float64Array(count * outputDim);
    for (let r = 0; r < count; r++) {
      const z = forward(theta, inputs, r);
      if (arch.task === 'regression' || arch.loss === 'mse') {
        for (let k = 0; k < outputDim; k++) out[r * outputDim + k] = z[k]!;
      } else if (outputDim === 1) {
        out[r] = 1 / (1 + Math.exp(-z[0]!));
      } else {
        let max = -Infinity;
        for (let k = 0; k < outputDim; k++) max = Math.max(max, z[k]!);
        let total = 0;
        for (let k = 0; k < outputDim; k++) total += Math.exp(z[k]! - max);
        for (let k = 0; k < outputDim; k++) out[r * outputDim + k] = Math.exp(z[k]! - max) / total;
      }
    }
    return out;
  }

  return { loss, predict };
}

/** Fraction of points classified correctly (NaN for regression). */
export function accuracy(evaluator: MlpEvaluator, theta: ArrayLike<number>, data: Dataset): number {
  if (data.task === 'regression') return Number.NaN;
  const out = evaluator.predict(theta, data.x, data.size);
  const k = data.outputDim;
  let correct = 0;
  for (let r = 0; r < data.size; r++) {
    let predicted = 0;
    if (k === 1) predicted = out[r]! > 0.5 ? 1 : 0;
    else for (let c = 1; c < k; c++) if (out[r * k + c]! > out[r * k + predicted]!) predicted = c;
    if (predicted === data.labels[r]) correct++;
  }
  return correct / data.size;
}
