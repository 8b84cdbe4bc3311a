/** Messages between the CPU engine and its workers. */
import type { BatchRequest } from '../engine/types';
import type { CustomOptimizerDefinition } from '../core/optimizers/custom';

/**
 * Particles [from, to) of `request`. With `output` (shared memory, when the page is cross-origin
 * isolated) the request's arrays are shared views of the whole batch and the worker writes its rows of
 * the batch's result in place; without it the request is the chunk alone (from 0) and the worker sends
 * its rows back.
 */
export interface WorkerJob {
  readonly id: number;
  readonly request: BatchRequest;
  readonly from: number;
  readonly to: number;
  readonly output?: SharedOutput;
  /** The typed optimizer in force on the page, for a batch of type Custom (a worker has its own registry). */
  readonly customOptimizer?: CustomOptimizerDefinition;
}

/** The whole batch's result arrays, backed by SharedArrayBuffers. */
export interface SharedOutput {
  readonly summary: Float64Array;
  readonly trajectories: Float32Array;
}

export type WorkerReply =
  | {
      readonly id: number;
      readonly kind: 'done';
      readonly summary: Float64Array;
      readonly trajectories: Float32Array;
    }
  | { readonly id: number; readonly kind: 'written' }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
