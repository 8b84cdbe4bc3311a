/**
 * Shared memory between the CPU engine and its workers, where the page allows it: a page served with
 * COOP same-origin and COEP require-corp (vite.config.ts sets both) is cross-origin isolated and may
 * create SharedArrayBuffers. Then a batch's inputs are copied once into shared memory and every worker
 * writes its rows of the result in place, instead of each chunk's inputs being copied out and its
 * results copied back into one array on the main thread (for 1M particles × 20 steps that main-thread
 * copying cost about a fifth of the run). Elsewhere (a static host without the headers, an iframe in a
 * page that is not isolated) the engine moves chunks as transferable buffers.
 */
import type { BatchRequest } from '../engine/types';

export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

export function sharedFloat32(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT));
}

function sharedCopy<T extends Float64Array | Uint32Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(array.byteLength),
  );
  copy.set(array as never);
  return copy;
}

/**
 * The request with its per-particle arrays in shared memory, so posting it to a worker copies nothing.
 * A compact hyperparameter form (one shared row, `oneRow`) stays a plain row.
 */
export function shareRequest(
  request: BatchRequest,
  hyperparameterWidth: number,
  oneRow: boolean,
): BatchRequest {
  return {
    ...request,
    starts: sharedCopy(request.starts.subarray(0, 2 * request.count)),
    hyperparameters: oneRow
      ? request.hyperparameters.slice(0, hyperparameterWidth)
      : sharedCopy(request.hyperparameters.subarray(0, request.count * hyperparameterWidth)),
    ...(request.streams ? { streams: sharedCopy(request.streams.subarray(0, request.count)) } : {}),
  };
}
