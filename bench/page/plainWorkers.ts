/**
 * The hand-tuned loop on N Web Workers, split as the CPU engine splits a batch: one contiguous slice of
 * starts per worker, moved (not copied) to it, results moved back. What "all workers" of a careful
 * hand-written implementation would do, so the engine's all-workers figure has a like-for-like baseline.
 */
import type { PlainJob } from './plainWorker';

export class PlainWorkers {
  private readonly workers: Worker[];

  constructor(count: number) {
    this.workers = Array.from(
      { length: count },
      () => new Worker(new URL('./plainWorker.ts', import.meta.url), { type: 'module' }),
    );
  }

  run(
    starts: Float64Array,
    steps: number,
    lr: number,
    lossTarget: number,
    bound: number,
  ): Promise<Float64Array[]> {
    const n = starts.length / 2;
    const lanes = this.workers.length;
    return Promise.all(
      this.workers.map((worker, k) => {
        const from = Math.floor((k * n) / lanes);
        const to = Math.floor(((k + 1) * n) / lanes);
        const job: PlainJob = { starts: starts.slice(2 * from, 2 * to), steps, lr, lossTarget, bound };
        return new Promise<Float64Array>((resolve) => {
          worker.onmessage = (event: MessageEvent<Float64Array>) => resolve(event.data);
          worker.postMessage(job, [job.starts.buffer]);
        });
      }),
    );
  }

  dispose(): void {
    for (const worker of this.workers) worker.terminate();
  }
}
