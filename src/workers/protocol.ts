/** Messages between the CPU engine and its workers. */
import type { BatchRequest } from '../engine/types';

export interface WorkerJob {
  readonly id: number;
  readonly request: BatchRequest;
  readonly from: number;
  readonly to: number;
}

export type WorkerReply =
  | {
      readonly id: number;
      readonly kind: 'done';
      readonly summary: Float64Array;
      readonly trajectories: Float32Array;
    }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
