/**
 * The CPU batch engine: the same interface as the WebGPU engine, float64, particles split into chunks
 * that a pool of Web Workers (navigator.hardwareConcurrency of them) takes from a queue, so progress and
 * cancellation work at chunk granularity. Without Worker (Node, tests) it runs the chunks inline.
 */
import { resolveSurface } from '../core/resolveSurface';
import {
  AbortedError,
  SUMMARY_STRIDE,
  sampleCountOf,
  type BatchEngine,
  type BatchRequest,
  type BatchResult,
  type RunOptions,
} from '../engine/types';
import { hyperparameterLayout, hyperparametersShared } from '../engine/layout';
import { sliceRequest } from '../engine/types';
import { runParticlesCpu } from './cpuKernel';
import { customOptimizerFor } from './customOptimizerJob';
import type { SharedOutput, WorkerJob, WorkerReply } from './protocol';
import { canShareMemory, shareRequest, sharedFloat32, sharedFloat64 } from './sharedMemory';

interface ChunkResult {
  readonly summary: Float64Array;
  readonly trajectories: Float32Array;
}

type StoreChunk = (from: number, to: number, part?: ChunkResult) => void;

/**
 * Most work per chunk in particle-steps (~100 ms of one core): small enough for smooth progress and
 * prompt cancellation, large enough that a message round trip (well under a millisecond) is noise.
 */
const CHUNK_PARTICLE_STEPS = 1 << 22;

/**
 * Contiguous particle ranges: at least one per worker (so a small batch still uses every core), then
 * as many as keep each under CHUNK_PARTICLE_STEPS, in a multiple of the worker count and of equal
 * size, so the workers finish together.
 */
export function chunkRanges(count: number, steps: number, workers: number): [number, number][] {
  const lanes = Math.max(1, workers);
  const bySize = Math.ceil((count * Math.max(1, steps)) / CHUNK_PARTICLE_STEPS);
  const chunks = Math.min(count, Math.ceil(Math.max(lanes, bySize) / lanes) * lanes);
  const ranges: [number, number][] = [];
  for (let k = 0; k < chunks; k++) {
    const from = Math.floor((k * count) / chunks);
    const to = Math.floor(((k + 1) * count) / chunks);
    if (to > from) ranges.push([from, to]);
  }
  return ranges;
}

export interface CpuEngineOptions {
  /** Number of workers; 0 runs inline on the calling thread. Default: navigator.hardwareConcurrency. */
  readonly workers?: number;
  /** Creates a worker; the default bundles src/workers/cpuWorker.ts. */
  readonly createWorker?: () => Worker;
  /** Share memory with the workers; default: where the page allows it (canShareMemory). */
  readonly shareMemory?: boolean;
}

function defaultWorkerCount(): number {
  if (typeof Worker === 'undefined') return 0;
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return Math.max(1, Math.min(16, cores || 1));
}

const createDefaultWorker = (): Worker =>
  new Worker(new URL('./cpuWorker.ts', import.meta.url), { type: 'module' });

export class CpuBatchEngine implements BatchEngine {
  readonly kind = 'cpu' as const;
  readonly name: string;
  private readonly workerCount: number;
  private readonly createWorker: () => Worker;
  private readonly shareMemory: boolean;
  private workers: Worker[] = [];
  private nextJobId = 1;

  constructor(options: CpuEngineOptions = {}) {
    this.workerCount = options.workers ?? defaultWorkerCount();
    this.createWorker = options.createWorker ?? createDefaultWorker;
    this.shareMemory = this.workerCount > 0 && (options.shareMemory ?? canShareMemory());
    this.name =
      this.workerCount === 0
        ? 'CPU · main thread'
        : `CPU · ${this.workerCount} worker${this.workerCount === 1 ? '' : 's'}`;
  }

  async run(request: BatchRequest, options: RunOptions = {}): Promise<BatchResult> {
    const n = request.count;
    const sampleCount = sampleCountOf(request);
    const shared = this.shareMemory;
    const summary = shared ? sharedFloat64(n * SUMMARY_STRIDE) : new Float64Array(n * SUMMARY_STRIDE);
    const trajectoryLength = n * sampleCount * 3;
    const trajectories = shared ? sharedFloat32(trajectoryLength) : new Float32Array(trajectoryLength);
    const ranges = chunkRanges(n, request.steps, this.workerCount);
    const total = n * request.steps;
    let done = 0;
    // A chunk is finished: its rows copied in (`part`), or already written in place (shared memory).
    const store = (from: number, to: number, part?: ChunkResult) => {
      if (part) {
        summary.set(part.summary, from * SUMMARY_STRIDE);
        trajectories.set(part.trajectories, from * sampleCount * 3);
      }
      done += (to - from) * request.steps;
      options.onProgress?.(done, total);
    };
    if (this.workerCount === 0) await this.runInline(request, ranges, store, options.signal);
    else {
      const output = shared ? { summary, trajectories } : undefined;
      await this.runOnWorkers(request, ranges, store, options.signal, output);
    }
    return { count: n, summary, sampleCount, trajectories, engine: this.name };
  }

  private async runInline(
    request: BatchRequest,
    ranges: readonly [number, number][],
    store: StoreChunk,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const surface = resolveSurface(request.surface);
    if (!surface.ok) throw new Error(surface.error);
    const sampleCount = sampleCountOf(request);
    for (const [from, to] of ranges) {
      if (signal?.aborted) throw new AbortedError();
      const summary = new Float64Array((to - from) * SUMMARY_STRIDE);
      const trajectories = new Float32Array((to - from) * sampleCount * 3);
      runParticlesCpu(request, surface.value, from, to, summary, trajectories);
      store(from, to, { summary, trajectories });
      // Yield so progress can paint and a cancel click can land.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  private runOnWorkers(
    request: BatchRequest,
    ranges: readonly [number, number][],
    store: StoreChunk,
    signal: AbortSignal | undefined,
    output: SharedOutput | undefined,
  ): Promise<void> {
    while (this.workers.length < this.workerCount) this.workers.push(this.createWorker());
    const queue = [...ranges];
    const width = hyperparameterLayout(request.optimizerType).width;
    // One row for every worker instead of a copy per particle when the batch shares its settings.
    const sharedRow = hyperparametersShared(request.hyperparameters, request.count, width);
    // With shared memory every job carries the whole batch's inputs, copied into shared memory once.
    const sharedRequest = output ? shareRequest(request, width, sharedRow) : null;
    return new Promise<void>((resolve, reject) => {
      // Chunks posted and not yet answered, by job id.
      const pending = new Map<number, [number, number]>();
      let finished = false;
      const fail = (error: Error) => {
        if (finished) return;
        finished = true;
        // A cancelled or failed batch leaves workers mid-chunk: replace them rather than wait.
        this.terminateWorkers();
        reject(error);
      };
      const onAbort = () => fail(new AbortedError());
      if (signal?.aborted) return fail(new AbortedError());
      signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (worker: Worker) => {
        if (finished) return;
        const range = queue.shift();
        if (!range) {
          if (pending.size === 0) {
            finished = true;
            signal?.removeEventListener('abort', onAbort);
            resolve();
          }
          return;
        }
        const [from, to] = range;
        const id = this.nextJobId++;
        pending.set(id, range);
        if (sharedRequest) {
          worker.postMessage({
            id,
            request: sharedRequest,
            from,
            to,
            output,
            ...customOptimizerFor(request),
          } satisfies WorkerJob);
          return;
        }
        // Each worker gets only its particles, not the whole batch: fresh slices, moved, not copied.
        const slice = sliceRequest(request, from, to, width, sharedRow);
        const job: WorkerJob = { id, request: slice, from: 0, to: to - from, ...customOptimizerFor(request) };
        const moved = [slice.starts.buffer, slice.hyperparameters.buffer, slice.streams?.buffer].filter(
          (buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer,
        );
        worker.postMessage(job, moved);
      };
      for (const worker of this.workers) {
        worker.onmessage = (event: MessageEvent<WorkerReply>) => {
          const reply = event.data;
          const range = pending.get(reply.id);
          if (!range || finished) return;
          pending.delete(reply.id);
          if (reply.kind === 'error') return fail(new Error(reply.message));
          store(range[0], range[1], reply.kind === 'done' ? reply : undefined);
          feed(worker);
        };
        worker.onerror = (event) => fail(new Error(event.message || 'a CPU worker failed'));
      }
      // Two chunks per worker in flight (dealt round the workers, so a two-chunk batch uses both): when
      // a worker finishes one, the next is already waiting in its queue and it never idles on the
      // round trip through this thread.
      for (let depth = 0; depth < 2; depth++) for (const worker of this.workers) feed(worker);
    });
  }

  private terminateWorkers(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }

  dispose(): void {
    this.terminateWorkers();
  }
}
