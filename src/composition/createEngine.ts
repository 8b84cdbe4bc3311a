/**
 * The engine the views use: WebGPU when an adapter is offered, else the CPU engine in Web Workers.
 * When the device is lost mid-batch, the particles already read back are kept and the rest run on the
 * CPU; from then on every batch runs on the CPU, and `onChange` tells the view so it can say so.
 */
import { acquireGpu } from '../gpu/device';
import { DeviceLostError, GpuBatchEngine } from '../gpu/gpuEngine';
import { CpuBatchEngine } from '../workers/cpuEngine';
import { hyperparameterLayout } from '../engine/layout';
import {
  SUMMARY_STRIDE,
  sliceRequest,
  type BatchEngine,
  type BatchRequest,
  type BatchResult,
  type RunOptions,
} from '../engine/types';

export interface EngineChoice {
  /** 'auto' (default): WebGPU if available; 'cpu' forces the workers. */
  readonly prefer?: 'auto' | 'cpu';
  /** Called when the engine in use changes (device lost), with a sentence for the view's notice. */
  readonly onChange?: (notice: string) => void;
}

export class ResilientEngine implements BatchEngine {
  private gpu: GpuBatchEngine | null;
  private cpu: CpuBatchEngine | null = null;
  /** Batches in flight, and whether releaseIdle waits for them to end. */
  private running = 0;
  private releasePending = false;
  /** Why the CPU is in use although WebGPU was tried; null while on WebGPU or never tried. */
  notice: string | null;

  constructor(
    gpu: GpuBatchEngine | null,
    notice: string | null,
    private readonly onChange?: (notice: string) => void,
  ) {
    this.gpu = gpu;
    this.notice = notice;
    if (gpu) gpu.onLost = (reason) => this.fallBack(`WebGPU device lost (${reason}): continuing on the CPU.`);
  }

  get kind(): 'webgpu' | 'cpu' {
    return this.gpu ? 'webgpu' : 'cpu';
  }

  get name(): string {
    return this.gpu ? this.gpu.name : this.cpuEngine().name;
  }

  private cpuEngine(): CpuBatchEngine {
    this.cpu ??= new CpuBatchEngine();
    return this.cpu;
  }

  private fallBack(notice: string): void {
    const gpu = this.gpu;
    if (!gpu) return;
    this.gpu = null;
    // The lost engine's pooled buffers and pipelines go with it (its device is gone; a new one is not
    // requested: the rest of the session runs on the CPU).
    gpu.dispose();
    this.notice = notice;
    this.onChange?.(notice);
  }

  /**
   * No view needs the engine for now: once no batch runs, end the CPU workers and destroy the pooled GPU
   * buffers. Both come back on the next run; the GPU device is kept.
   */
  releaseIdle(): void {
    this.releasePending = true;
    if (this.running === 0) this.release();
  }

  private release(): void {
    this.releasePending = false;
    this.cpu?.dispose();
    this.cpu = null;
    this.gpu?.trim();
  }

  async run(request: BatchRequest, options: RunOptions = {}): Promise<BatchResult> {
    this.releasePending = false;
    this.running++;
    try {
      return await this.runOnce(request, options);
    } finally {
      if (--this.running === 0 && this.releasePending) this.release();
    }
  }

  private async runOnce(request: BatchRequest, options: RunOptions): Promise<BatchResult> {
    const gpu = this.gpu;
    if (!gpu) return this.cpuEngine().run(request, options);
    try {
      return await gpu.run(request, options);
    } catch (error) {
      if (!(error instanceof DeviceLostError)) throw error;
      this.fallBack(`WebGPU device lost (${error.reason}): continuing on the CPU.`);
      return this.finishOnCpu(request, error, options);
    }
  }

  /** Particles [completed, n) on the CPU, merged behind what the GPU already returned. */
  private async finishOnCpu(
    request: BatchRequest,
    lost: DeviceLostError,
    options: RunOptions,
  ): Promise<BatchResult> {
    const done = lost.completed;
    const width = hyperparameterLayout(request.optimizerType).width;
    const rest = sliceRequest(request, done, request.count, width);
    const total = request.count * request.steps;
    const tail = await this.cpuEngine().run(rest, {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (partDone) => options.onProgress?.(done * request.steps + partDone, total),
    });
    const summary = lost.partial.summary;
    const trajectories = lost.partial.trajectories;
    summary.set(tail.summary, done * SUMMARY_STRIDE);
    trajectories.set(tail.trajectories, done * lost.partial.sampleCount * 3);
    return {
      ...lost.partial,
      summary,
      trajectories,
      engine: `${gpuPrefix(lost.partial.engine)} → ${this.cpuEngine().name}`,
      fallback: this.notice ?? 'continued on the CPU',
    };
  }

  dispose(): void {
    this.gpu?.dispose();
    this.cpu?.dispose();
  }
}

function gpuPrefix(name: string): string {
  return name.split(' · ')[0] ?? name;
}

export async function createBatchEngine(choice: EngineChoice = {}): Promise<ResilientEngine> {
  if (choice.prefer === 'cpu') return new ResilientEngine(null, null, choice.onChange);
  const context = await acquireGpu();
  if (!context)
    return new ResilientEngine(
      null,
      'WebGPU is not available in this browser: running on the CPU.',
      choice.onChange,
    );
  return new ResilientEngine(new GpuBatchEngine(context), null, choice.onChange);
}
