/**
 * Lecture 004's figure on real data: the same network and optimizer trained for the same number of
 * updates with mini-batches and with the full batch. The loss each mini-batch step sees is noisy (it is
 * measured on different images each step); full-batch gradient descent sees the one training loss, which a
 * small enough step lowers every time. Epochs are counted: the full batch passes over all images every step.
 * The caption is built from the run's own numbers.
 */
import type { DigitsConfig } from '../core/network';
import type { DigitsSplit } from './digits';
import { trainDigits, type DigitsRun, type DigitsTrainOptions } from './digitsTraining';

/** The mini-batch size compared when the settings already ask for the full batch. */
export const COMPARISON_BATCH = 32;

export interface BatchComparison {
  readonly miniBatch: DigitsRun;
  readonly fullBatch: DigitsRun;
}

export interface BatchComparisonFacts {
  readonly steps: number;
  readonly batchSize: number;
  readonly trainSize: number;
  readonly miniEpochs: number;
  readonly fullEpochs: number;
  /** Updates after which the loss the step saw was higher than the step before's. */
  readonly miniRises: number;
  readonly fullRises: number;
  readonly miniFinalLoss: number;
  readonly fullFinalLoss: number;
}

/** The two configurations compared: the first optimizer, batch B and batch = every training image. */
export function comparisonConfigs(config: DigitsConfig, trainSize: number): [DigitsConfig, DigitsConfig] {
  const optimizers = config.optimizers.slice(0, 1);
  const batchSize = config.batchSize < trainSize ? config.batchSize : COMPARISON_BATCH;
  return [
    { ...config, optimizers, batchSize },
    { ...config, optimizers, batchSize: trainSize },
  ];
}

export async function compareBatchSizes(
  split: DigitsSplit,
  config: DigitsConfig,
  options: DigitsTrainOptions = {},
): Promise<BatchComparison> {
  const [mini, full] = comparisonConfigs(config, split.train.size);
  const half = (offset: number) =>
    options.onProgress
      ? { onProgress: (run: DigitsRun, f: number) => options.onProgress!(run, offset + f / 2) }
      : {};
  const shared = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.evalEvery ? { evalEvery: options.evalEvery } : {}),
  };
  const miniBatch = await trainDigits(split, mini, { ...shared, ...half(0) });
  const fullBatch = await trainDigits(split, full, { ...shared, ...half(0.5) });
  return { miniBatch, fullBatch };
}

function rises(losses: readonly number[]): number {
  let count = 0;
  for (let t = 1; t < losses.length; t++) if (losses[t]! > losses[t - 1]!) count++;
  return count;
}

export function comparisonFacts({ miniBatch, fullBatch }: BatchComparison): BatchComparisonFacts {
  const steps = miniBatch.config.steps;
  const perEpoch = Math.floor(miniBatch.trainSize / miniBatch.batchSize);
  const mini = miniBatch.curves[0]!;
  const full = fullBatch.curves[0]!;
  return {
    steps,
    batchSize: miniBatch.batchSize,
    trainSize: miniBatch.trainSize,
    miniEpochs: steps / perEpoch,
    fullEpochs: fullBatch.config.steps,
    miniRises: rises(mini.batchLoss),
    fullRises: rises(full.batchLoss),
    miniFinalLoss: mini.trainLoss.at(-1)!,
    fullFinalLoss: full.trainLoss.at(-1)!,
  };
}

const times = (n: number) => (n === 1 ? 'once' : `${n.toLocaleString('en')} times`);

export function comparisonCaption(comparison: BatchComparison): string {
  const f = comparisonFacts(comparison);
  const optimizer = comparison.miniBatch.curves[0]!.label;
  const rose = (n: number) =>
    n === 0
      ? 'never rose from one step to the next'
      : `rose from one step to the next ${n} times in ${f.steps - 1}`;
  const further =
    f.miniFinalLoss < f.fullFinalLoss
      ? 'the mini-batches got the training loss lower'
      : f.miniFinalLoss > f.fullFinalLoss
        ? 'the full batch got the training loss lower'
        : 'both reached the same training loss';
  return (
    `${optimizer}, ${f.steps} updates each. With mini-batches of ${f.batchSize}, the loss each step saw ` +
    `${rose(f.miniRises)}: it is measured on different images every step. With the full batch of ` +
    `${f.trainSize.toLocaleString('en')} images it ${rose(f.fullRises)}. The mini-batch run passed over the ` +
    `data ${f.miniEpochs.toFixed(1)} times (epochs), the full batch ${times(f.fullEpochs)}, ` +
    `${Math.round(f.fullEpochs / f.miniEpochs)}× the gradient work; in the same updates ${further} ` +
    `(${f.miniFinalLoss.toFixed(3)} vs ${f.fullFinalLoss.toFixed(3)}).`
  );
}
