/**
 * The CPU engine's inner loop, float64: each particle runs its optimizer's update rule with exactly
 * runOptimizer's gradient processing, schedule and stopping rules (src/core/simulate.ts), but records
 * only a summary and sampled points. Pure; runs in a Web Worker, in Node tests and inline when workers
 * are unavailable. Proven equal to runOptimizer by test.
 *
 * Each optimizer type has its own generated loop (generated/ruleKernels.ts, from ruleSources.ts), with
 * the rule's state in locals; everything fixed for the batch is decided once (kernelJob.ts). One
 * surface call per step evaluates value and gradient together without allocating.
 */
import { prepareJob, type KernelSurface } from './kernelJob';
import { RULE_KERNELS, runSpecStep } from './generated/ruleKernels';
import type { BatchRequest } from '../engine/types';

export type { KernelSurface } from './kernelJob';

/** The particle range [from, to) of a request, written at row `p − from` of the output arrays. */
export function runParticlesCpu(
  request: BatchRequest,
  oracle: KernelSurface,
  from: number,
  to: number,
  summary: Float64Array,
  trajectories: Float32Array,
): void {
  const kernel = RULE_KERNELS[request.optimizerType] ?? runSpecStep;
  kernel(prepareJob(request, oracle, from, to, summary, trajectories));
}
