/**
 * Trains an MLP on the digits with each chosen optimizer from the same seeded θ₀ on the same mini-batches
 * (src/nn/batches.ts), in float64 with the exact backprop of src/nn/mlp.ts and the core's update rules
 * (src/nn/stepper.ts). Every `evalEvery` updates it records loss and accuracy on the training and the
 * held-out images. It yields to the page between slices of work, so the tab stays responsive and
 * cancellable.
 */
import { resolveOptimizer } from '../core/scene';
import type { DigitsConfig } from '../core/network';
import { batchSchedule } from './batches';
import type { DigitsSet, DigitsSplit } from './digits';
import {
  architecture,
  createEvaluator,
  initialParameters,
  type Architecture,
  type MlpEvaluator,
} from './mlp';
import { penaltyWeights } from './losses';
import { parameterStepper } from './stepper';

export interface DigitsCurve {
  readonly label: string;
  readonly type: string;
  readonly lr: number;
  /** Updates at which the evaluations below were taken (0: at θ₀). */
  readonly steps: number[];
  readonly trainLoss: number[];
  readonly testLoss: number[];
  readonly trainAccuracy: number[];
  readonly testAccuracy: number[];
  /** Mini-batch loss each update saw. */
  readonly batchLoss: number[];
  divergedAt: number | null;
}

export interface DigitsRun {
  readonly config: DigitsConfig;
  readonly arch: Architecture;
  readonly trainSize: number;
  readonly testSize: number;
  /** Full-batch gradient descent when the batch is the whole training set. */
  readonly fullBatch: boolean;
  readonly batchSize: number;
  readonly curves: readonly DigitsCurve[];
}

export interface DigitsTrainOptions {
  readonly evalEvery?: number;
  readonly signal?: AbortSignal;
  /** Called after each slice with the curves so far and the fraction done. */
  readonly onProgress?: (run: DigitsRun, fraction: number) => void;
  /** Work between yields to the page, in milliseconds. */
  readonly sliceMs?: number;
}

/** Fraction of the set classified as its label by the largest output. */
export function digitsAccuracy(evaluator: MlpEvaluator, theta: ArrayLike<number>, data: DigitsSet): number {
  const out = evaluator.predict(theta, data.x, data.size);
  const k = data.outputDim;
  let correct = 0;
  for (let r = 0; r < data.size; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (out[r * k + c]! > out[r * k + best]!) best = c;
    if (best === data.labels[r]) correct++;
  }
  return data.size > 0 ? correct / data.size : Number.NaN;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function trainDigits(
  split: DigitsSplit,
  config: DigitsConfig,
  options: DigitsTrainOptions = {},
): Promise<DigitsRun> {
  const { train, test } = split;
  const penalty = penaltyWeights(config.regularizer, config.lambda, config.beta);
  const arch = architecture(
    { layers: config.layers, activation: config.activation, loss: config.loss, ...penalty },
    train,
  );
  const trainEval = createEvaluator(arch, train);
  const testEval = createEvaluator(arch, test);
  const initial = initialParameters(arch, config.init, config.seed);
  const schedule = batchSchedule(train.size, config.batchSize, config.seed);
  const optimizers = config.optimizers.map((o) => resolveOptimizer(o));
  const evalEvery = options.evalEvery ?? Math.max(1, Math.floor(config.steps / 30));
  const sliceMs = options.sliceMs ?? 30;
  const curves: DigitsCurve[] = optimizers.map((o) => ({
    label: o.label,
    type: o.type,
    lr: o.hyperparameters.lr as number,
    steps: [],
    trainLoss: [],
    testLoss: [],
    trainAccuracy: [],
    testAccuracy: [],
    batchLoss: [],
    divergedAt: null,
  }));
  const run: DigitsRun = {
    config,
    arch,
    trainSize: train.size,
    testSize: test.size,
    fullBatch: schedule.fullBatch,
    batchSize: schedule.batchSize,
    curves,
  };
  const thetas = optimizers.map(() => initial.slice());
  const steppers = optimizers.map((o) => parameterStepper(o, arch.paramCount));
  const gradient = new Float64Array(arch.paramCount);
  const record = (k: number, t: number) => {
    const curve = curves[k]!;
    curve.steps.push(t);
    curve.trainLoss.push(trainEval.loss(thetas[k]!));
    curve.testLoss.push(testEval.loss(thetas[k]!));
    curve.trainAccuracy.push(digitsAccuracy(trainEval, thetas[k]!, train));
    curve.testAccuracy.push(digitsAccuracy(testEval, thetas[k]!, test));
  };
  for (let k = 0; k < thetas.length; k++) record(k, 0);
  let sliceStart = performance.now();
  for (let t = 1; t <= config.steps; t++) {
    if (options.signal?.aborted) throw new DOMException('training cancelled', 'AbortError');
    const rows = schedule.rows(t) ?? undefined;
    for (let k = 0; k < thetas.length; k++) {
      const curve = curves[k]!;
      if (curve.divergedAt !== null) continue;
      const loss = trainEval.loss(thetas[k]!, gradient, rows);
      curve.batchLoss.push(loss);
      const before = thetas[k]!.slice();
      steppers[k]!.step(t, thetas[k]!, gradient, loss);
      if (!Number.isFinite(loss) || !thetas[k]!.every(Number.isFinite)) {
        curve.divergedAt = t;
        thetas[k] = before;
        continue;
      }
      if (t % evalEvery === 0 || t === config.steps) record(k, t);
    }
    if (performance.now() - sliceStart > sliceMs) {
      options.onProgress?.(run, t / config.steps);
      await pause();
      sliceStart = performance.now();
    }
  }
  options.onProgress?.(run, 1);
  return run;
}
