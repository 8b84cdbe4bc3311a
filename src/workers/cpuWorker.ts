/// <reference lib="webworker" />
/** A CPU engine worker: resolves the surface once per message and runs a particle range. */
import { resolveSurface } from '../core/resolveSurface';
import { SUMMARY_STRIDE, sampleCountOf } from '../engine/types';
import { runParticlesCpu } from './cpuKernel';
import { setCustomOptimizer } from '../core/optimizers/custom';
import type { WorkerJob, WorkerReply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerJob>) => {
  const { id, request, from, to, output, customOptimizer } = event.data;
  try {
    if (customOptimizer) {
      const problems = setCustomOptimizer(customOptimizer);
      if (problems) throw new Error(`the typed optimizer does not compile: ${problems[0]}`);
    }
    const surface = resolveSurface(request.surface);
    if (!surface.ok) throw new Error(surface.error);
    const samples = sampleCountOf(request) * 3;
    if (output) {
      // Shared memory: this chunk's rows of the batch's result, written in place.
      runParticlesCpu(
        request,
        surface.value,
        from,
        to,
        output.summary.subarray(from * SUMMARY_STRIDE, to * SUMMARY_STRIDE),
        output.trajectories.subarray(from * samples, to * samples),
      );
      scope.postMessage({ id, kind: 'written' } satisfies WorkerReply);
      return;
    }
    const summary = new Float64Array((to - from) * SUMMARY_STRIDE);
    const trajectories = new Float32Array((to - from) * samples);
    runParticlesCpu(request, surface.value, from, to, summary, trajectories);
    const reply: WorkerReply = { id, kind: 'done', summary, trajectories };
    scope.postMessage(reply, [summary.buffer, trajectories.buffer]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id, kind: 'error', message } satisfies WorkerReply);
  }
};
