/**
 * The deep-net training experiments (src/core/trainingExperiments.ts): batch norm against the plain net
 * under several init scales at one high rate, and per-layer gradient norms during training for four
 * nets. Every net trains on the same seeded two-moons data with the same seeded weights stream and
 * mini-batches (src/nn/deepNet.ts). A generator, so a worker reports each step of progress.
 */
import { BN_INIT_SCALES, type ExperimentConfig, type ExperimentKind } from '../core/trainingExperiments';
import { makeDataset } from './datasets';
import { createDeepNet, trainDeepNet, type DeepActivation, type DeepTrainRecord } from './deepNet';

export interface ExperimentNetRun {
  readonly label: string;
  readonly activation: DeepActivation;
  readonly init: 'xavier' | 'he';
  readonly scale: number;
  readonly batchNorm: boolean;
  readonly record: DeepTrainRecord;
}

export interface NetExperimentResult {
  readonly kind: Exclude<ExperimentKind, 'preprocessing'>;
  readonly config: ExperimentConfig;
  readonly runs: readonly ExperimentNetRun[];
}

export interface ExperimentProgress {
  readonly fraction: number;
  readonly label: string;
  /** The runs finished so far. */
  readonly runs: readonly ExperimentNetRun[];
}

/** The data every deep-net experiment trains on: two moons, 200 points, noise 0.1, the data seed. */
export const EXPERIMENT_DATA = { dataset: 'moons', size: 200, noise: 0.1 } as const;

interface NetPlan {
  readonly label: string;
  readonly activation: DeepActivation;
  readonly init: 'xavier' | 'he';
  readonly scale: number;
  readonly batchNorm: boolean;
}

const initOf = (activation: DeepActivation) => (activation === 'relu' ? 'he' : 'xavier');
const initName = (init: 'xavier' | 'he') => (init === 'he' ? 'He' : 'Xavier');

export function experimentPlans(config: ExperimentConfig): NetPlan[] {
  if (config.kind === 'batchnorm') {
    const init = initOf(config.activation);
    return BN_INIT_SCALES.flatMap((scale) =>
      [false, true].map((batchNorm) => ({
        label: `${batchNorm ? 'BN' : 'plain'}, ${scale}×${initName(init)}`,
        activation: config.activation,
        init,
        scale,
        batchNorm,
      })),
    );
  }
  return [
    { label: 'Sigmoid, Xavier', activation: 'sigmoid', init: 'xavier', scale: 1, batchNorm: false },
    { label: 'Tanh, Xavier', activation: 'tanh', init: 'xavier', scale: 1, batchNorm: false },
    { label: 'ReLU, He', activation: 'relu', init: 'he', scale: 1, batchNorm: false },
    { label: 'Sigmoid + BN', activation: 'sigmoid', init: 'xavier', scale: 1, batchNorm: true },
  ];
}

/** Steps between recorded points: about 40 points per curve. */
export const recordEvery = (steps: number) => Math.max(1, Math.round(steps / 40));

export function* runNetExperiment(
  config: ExperimentConfig,
): Generator<ExperimentProgress, NetExperimentResult> {
  if (config.kind === 'preprocessing') throw new Error('the preprocessing experiment is closed-form');
  const data = makeDataset(
    EXPERIMENT_DATA.dataset,
    EXPERIMENT_DATA.size,
    EXPERIMENT_DATA.noise,
    config.dataSeed,
  );
  const plans = experimentPlans(config);
  const depth = config.kind === 'batchnorm' ? config.depth : config.gradientDepth;
  const lr = config.kind === 'batchnorm' ? config.lr : config.gradientLr;
  const runs: ExperimentNetRun[] = [];
  for (const [k, plan] of plans.entries()) {
    const net = createDeepNet({
      inputs: 2,
      classes: 2,
      depth,
      width: config.width,
      activation: plan.activation,
      init: plan.init,
      gain: plan.scale,
      batchNorm: plan.batchNorm,
      seed: config.seed,
    });
    const training = trainDeepNet(net, data.x, data.labels, {
      lr,
      steps: config.steps,
      batchSize: config.batchSize,
      seed: config.seed,
      recordEvery: recordEvery(config.steps),
    });
    let next = training.next();
    while (!next.done) {
      const done = next.value.steps.at(-1)! / config.steps;
      yield {
        fraction: (k + done) / plans.length,
        label: `${plan.label}: step ${next.value.steps.at(-1)}`,
        runs,
      };
      next = training.next();
    }
    runs.push({ ...plan, record: next.value });
  }
  yield { fraction: 1, label: 'done', runs };
  return { kind: config.kind, config, runs };
}

/** Runs the generator to its end (tests, Node). */
export function netExperiment(config: ExperimentConfig): NetExperimentResult {
  const generator = runNetExperiment(config);
  let next = generator.next();
  while (!next.done) next = generator.next();
  return next.value;
}

/** The last finite loss a run recorded (NaN if none). */
export function finalLoss(run: ExperimentNetRun): number {
  return run.record.divergedAt !== null ? Number.NaN : (run.record.loss.at(-1) ?? Number.NaN);
}

/** ‖∂L/∂W‖ of layer 1 over that of the last hidden layer, at each recorded step. */
export function gradientRatios(run: ExperimentNetRun): number[] {
  const norms = run.record.gradientNorms;
  const first = norms[0]!;
  const last = norms[norms.length - 2]!;
  return first.map((v, r) => v / last[r]!);
}
