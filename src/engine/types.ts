/**
 * The batch engine interface shared by the WebGPU engine (src/gpu) and the CPU engine (src/workers).
 * A batch is a set of particles on one surface with one optimizer type; each particle has its own start,
 * hyperparameters and random stream, so a batch can be an outcome map (many starts), a sweep (many
 * settings) or a crowd. Engines return summaries for every particle and, when asked, sampled trajectories.
 */
import type { Clipping } from '../core/gradientProcessing';
import type { SurfaceRef } from '../core/scene';
import type { Schedule } from '../core/schedules';
import { holdsOneRow } from './layout';

export interface BatchRequest {
  readonly surface: SurfaceRef;
  readonly optimizerType: string;
  /** Number of particles n. */
  readonly count: number;
  /** Interleaved (w1, w2) starts, 2n values. */
  readonly starts: Float64Array;
  /**
   * Hyperparameters, n rows of `hyperparameterLayout(optimizerType).width` values in layout order
   * (booleans as 0/1, pairs as two columns), or a single row that every particle shares. Build it with
   * `particleHyperparameters`.
   */
  readonly hyperparameters: Float64Array;
  /** Random stream per particle (the `index` of runOptimizer); defaults to the particle index. */
  readonly streams?: Uint32Array;
  readonly steps: number;
  readonly seed: number;
  readonly schedule: Schedule;
  readonly clip: Clipping;
  readonly noise: number;
  /** A particle has "reached" the target at the first step whose loss is ≤ this. */
  readonly lossTarget: number;
  /** The loss at this step is reported as `probeLoss` (NaN when the run stopped before it). */
  readonly probeStep?: number;
  /** Record a trajectory point every k steps (omit for summaries only). */
  readonly sampleEvery?: number;
}

/** Fields of one particle's summary, SUMMARY_STRIDE values per particle. */
export const SUMMARY_FIELDS = [
  'w1',
  'w2',
  'loss',
  'minLoss',
  'reachedStep',
  'divergedStep',
  'completedSteps',
  'probeLoss',
] as const;
export const SUMMARY_STRIDE = SUMMARY_FIELDS.length;
export const SUMMARY = Object.fromEntries(SUMMARY_FIELDS.map((field, i) => [field, i])) as {
  readonly [K in (typeof SUMMARY_FIELDS)[number]]: number;
};

export interface BatchResult {
  readonly count: number;
  /**
   * n × SUMMARY_STRIDE: final w1, w2, loss, min loss, reached step (−1: never), diverged step
   * (−1: never; 0: undefined at the start), completed steps, probe loss.
   */
  readonly summary: Float64Array;
  /** Points per particle in `trajectories` (0 when not recorded). */
  readonly sampleCount: number;
  /** n × sampleCount × (w1, w2, loss); a run that stopped early repeats its last point. */
  readonly trajectories: Float32Array;
  /** The engine that computed it, for the figure's caption. */
  readonly engine: string;
  /** Set when part of the batch had to move to the CPU (device lost). */
  readonly fallback?: string;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** Particle-steps done so far and in total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BatchEngine {
  readonly kind: 'webgpu' | 'cpu';
  /** "WebGPU · <adapter>" or "CPU · N workers". */
  readonly name: string;
  run(request: BatchRequest, options?: RunOptions): Promise<BatchResult>;
  dispose(): void;
}

export class AbortedError extends Error {
  constructor() {
    super('the batch was cancelled');
    this.name = 'AbortError';
  }
}

export function sampleCountOf(request: BatchRequest): number {
  const every = request.sampleEvery ?? 0;
  return every > 0 ? Math.floor(request.steps / every) + 1 : 0;
}

/**
 * Particles [from, to) as a request of their own, keeping each particle's random stream. When every
 * particle shares one hyperparameter row (`sharedRow`, or a request that already holds a single row),
 * the slice carries that one row instead of a copy per particle.
 */
export function sliceRequest(
  request: BatchRequest,
  from: number,
  to: number,
  hyperparameterWidth: number,
  sharedRow = false,
): BatchRequest {
  const streams = new Uint32Array(to - from);
  for (let p = from; p < to; p++) streams[p - from] = request.streams?.[p] ?? p;
  const oneRow = sharedRow || holdsOneRow(request.hyperparameters, hyperparameterWidth);
  return {
    ...request,
    count: to - from,
    starts: request.starts.slice(2 * from, 2 * to),
    hyperparameters: oneRow
      ? request.hyperparameters.slice(0, hyperparameterWidth)
      : request.hyperparameters.slice(from * hyperparameterWidth, to * hyperparameterWidth),
    streams,
  };
}
