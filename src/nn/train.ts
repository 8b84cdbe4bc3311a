/**
 * Full-space training of every optimizer of a network scene from the same initial θ₀ on the same
 * mini-batches. Where gradients come from is a strategy: the tfjs engine (src/nn/tf, batched over the
 * optimizers on the chosen backend) or the float64 reference below (plain JS, used by tests and as the
 * ground truth). The update rules are the core's specs (stepper.ts).
 */
import { batchSchedule } from './batches';
import type { NetworkScene } from './config';
import { makeDataset, type Dataset } from './datasets';
import { architecture, createEvaluator, initialParameters, type Architecture } from './mlp';
import { parameterStepper } from './stepper';

export interface GradientSource {
  /** Loss and ∂L/∂θ of each parameter vector on the given rows (null: all rows). */
  lossAndGradients(
    thetas: readonly Float64Array[],
    rows: Int32Array | null,
  ): Promise<{ losses: Float64Array; gradients: Float64Array[] }>;
  /** Loss of each parameter vector on all rows. */
  losses(thetas: readonly Float64Array[]): Promise<Float64Array>;
  dispose(): void;
}

export interface OptimizerRun {
  readonly label: string;
  readonly type: string;
  /** θ after the last completed update. */
  readonly final: Float64Array;
  /** θ every `snapshotStride` updates (and at the last one): the trajectory used for PCA and projections. */
  readonly snapshots: readonly Float64Array[];
  readonly snapshotSteps: readonly number[];
  /** Loss on all data at each of steps+1 points (NaN after a divergence). */
  readonly loss: Float64Array;
  /** Mini-batch loss each update saw (equals `loss` for full batches). */
  readonly batchLoss: Float64Array;
  readonly divergedAt: number | null;
}

export interface TrainingResult {
  readonly scene: NetworkScene;
  readonly data: Dataset;
  readonly arch: Architecture;
  readonly initial: Float64Array;
  readonly runs: readonly OptimizerRun[];
  readonly backend: string;
  readonly milliseconds: number;
}

export interface TrainingProgress {
  readonly step: number;
  readonly steps: number;
  /** Latest full-data loss per optimizer. */
  readonly losses: readonly number[];
  /** Current θ of the reference optimizer (for the live decision boundary). */
  readonly reference: Float64Array;
}

export interface TrainOptions {
  readonly onProgress?: (progress: TrainingProgress) => void;
  /** Progress is reported every this many updates (and at the end). */
  readonly progressEvery?: number;
  readonly signal?: AbortSignal;
  readonly backend?: string;
}

/** At most this many snapshots per run, so memory stays bounded for large networks and long runs. */
export const MAX_SNAPSHOTS = 300;

export function prepareNetwork(scene: NetworkScene): {
  data: Dataset;
  arch: Architecture;
  initial: Float64Array;
} {
  const data = makeDataset(scene.dataset, scene.size, scene.noise, scene.seed);
  const arch = architecture(scene, data);
  return { data, arch, initial: initialParameters(arch, scene.init, scene.seed) };
}

export async function trainNetwork(
  scene: NetworkScene,
  makeSource: (arch: Architecture, data: Dataset) => GradientSource,
  options: TrainOptions = {},
): Promise<TrainingResult> {
  const began = performance.now();
  const { data, arch, initial } = prepareNetwork(scene);
  const source = makeSource(arch, data);
  try {
    const count = scene.optimizers.length;
    const steps = scene.steps;
    const schedule = batchSchedule(data.size, scene.batchSize, scene.seed);
    const thetas = scene.optimizers.map(() => initial.slice());
    const steppers = scene.optimizers.map((config) => parameterStepper(config, arch.paramCount));
    const stride = Math.max(1, Math.ceil(steps / MAX_SNAPSHOTS));
    const snapshots: Float64Array[][] = thetas.map((theta) => [theta.slice()]);
    const snapshotSteps: number[][] = thetas.map(() => [0]);
    const loss = thetas.map(() => new Float64Array(steps + 1).fill(Number.NaN));
    const batchLoss = thetas.map(() => new Float64Array(steps).fill(Number.NaN));
    const divergedAt: (number | null)[] = thetas.map(() => null);
    const every = options.progressEvery ?? Math.max(1, Math.floor(steps / 100));
    const [initialLoss] = await source.losses([initial]);
    for (let k = 0; k < count; k++) loss[k]![0] = initialLoss!;

    for (let t = 1; t <= steps; t++) {
      if (options.signal?.aborted) throw new DOMException('training cancelled', 'AbortError');
      const rows = schedule.rows(t);
      const { losses, gradients } = await source.lossAndGradients(thetas, rows);
      if (!rows) for (let k = 0; k < count; k++) if (divergedAt[k] === null) loss[k]![t - 1] = losses[k]!;
      for (let k = 0; k < count; k++) {
        if (divergedAt[k] !== null) continue;
        batchLoss[k]![t - 1] = losses[k]!;
        const before = thetas[k]!.slice();
        steppers[k]!.step(t, thetas[k]!, gradients[k]!, losses[k]!);
        if (!thetas[k]!.every(Number.isFinite)) {
          divergedAt[k] = t;
          thetas[k] = before;
        }
      }
      if (rows) {
        const full = await source.losses(thetas);
        for (let k = 0; k < count; k++) if (divergedAt[k] === null) loss[k]![t] = full[k]!;
      }
      for (let k = 0; k < count; k++) {
        if (divergedAt[k] === null && (t % stride === 0 || t === steps)) {
          snapshots[k]!.push(thetas[k]!.slice());
          snapshotSteps[k]!.push(t);
        }
      }
      if (options.onProgress && (t % every === 0 || t === steps)) {
        options.onProgress({
          step: t,
          steps,
          losses: loss.map((curve) => latest(curve, t)),
          reference: thetas[liveReference(scene.slice.reference, loss, t)]!.slice(),
        });
      }
    }
    if (schedule.fullBatch) {
      const full = await source.losses(thetas);
      for (let k = 0; k < count; k++) if (divergedAt[k] === null) loss[k]![steps] = full[k]!;
    }
    return {
      scene,
      data,
      arch,
      initial,
      runs: scene.optimizers.map((config, k) => ({
        label: config.label,
        type: config.type,
        final: thetas[k]!,
        snapshots: snapshots[k]!,
        snapshotSteps: snapshotSteps[k]!,
        loss: loss[k]!,
        batchLoss: batchLoss[k]!,
        divergedAt: divergedAt[k]!,
      })),
      backend: options.backend ?? 'cpu-f64',
      milliseconds: performance.now() - began,
    };
  } finally {
    source.dispose();
  }
}

/** The run shown live: the given index, or for 'best' the lowest loss so far. */
function liveReference(reference: number | 'best', loss: readonly Float64Array[], t: number): number {
  if (reference !== 'best') return reference;
  let best = 0;
  loss.forEach((curve, k) => {
    if (latest(curve, t) < latest(loss[best]!, t)) best = k;
  });
  return best;
}

/** Index of the slice centre's run: the given one, or the lowest final loss among runs that did not diverge. */
export function referenceIndex(result: Pick<TrainingResult, 'runs' | 'scene'>): number {
  const reference = result.scene.slice.reference;
  if (reference !== 'best') return Math.min(reference, result.runs.length - 1);
  let best = 0;
  let bestLoss = Infinity;
  result.runs.forEach((run, k) => {
    const final = latest(run.loss, run.loss.length - 1);
    if (run.divergedAt === null && final < bestLoss) {
      best = k;
      bestLoss = final;
    }
  });
  return best;
}

function latest(curve: Float64Array, t: number): number {
  for (let i = Math.min(t, curve.length - 1); i >= 0; i--) if (!Number.isNaN(curve[i]!)) return curve[i]!;
  return Number.NaN;
}

/** The float64 reference strategy: exact backprop in plain JS, one parameter vector after another. */
export function float64Source(arch: Architecture, data: Dataset): GradientSource {
  const evaluator = createEvaluator(arch, data);
  return {
    async lossAndGradients(thetas, rows) {
      const gradients = thetas.map(() => new Float64Array(arch.paramCount));
      const losses = Float64Array.from(thetas, (theta, k) =>
        evaluator.loss(theta, gradients[k], rows ?? undefined),
      );
      return { losses, gradients };
    },
    async losses(thetas) {
      return Float64Array.from(thetas, (theta) => evaluator.loss(theta));
    },
    dispose() {},
  };
}
