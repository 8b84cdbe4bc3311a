/// <reference lib="webworker" />
/** A CPU engine worker: resolves the surface once per message and runs a particle range. */
import { resolveSurface } from '../core/resolveSurface';
import { SUMMARY_STRIDE, sampleCountOf } from '../engine/types';
import { runParticlesCpu } from './cpuKernel';
import type { WorkerJob, WorkerReply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerJob>) => {
  const { id, request, from, to } = event.data;
  let reply: WorkerReply;
  try {
    const surface = resolveSurface(request.surface);
    if (!surface.ok) throw new Error(surface.error);
    const count = to - from;
    const summary = new Float64Array(count * SUMMARY_STRIDE);
    const trajectories = new Float32Array(count * sampleCountOf(request) * 3);
    runParticlesCpu(request, surface.value, from, to, summary, trajectories);
    reply = { id, kind: 'done', summary, trajectories };
    scope.postMessage(reply, [summary.buffer, trajectories.buffer]);
  } catch (error) {
    reply = { id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
    scope.postMessage(reply);
  }
};
