/**
 * The WebGPU batch engine: one generated kernel per (surface, optimizer type), all of a particle's steps
 * inside one dispatch, particles split across dispatches sized to stay near DISPATCH_TARGET_MS each.
 * Each dispatch's outputs are read back before the next starts, so when the device is lost everything
 * already computed is kept (DeviceLostError carries it) and the rest can move to the CPU. The particle
 * buffer is built from typed-array copies (encodeParticles), never per-element loops: at 1M particles the
 * host-side work otherwise rivals the kernel's.
 */
import { LIMITS } from '../core/limits';
import { scheduleParameters } from '../core/schedules';
import { CLIP_CODES, SCHEDULE_CODES } from './wgslTables';
import {
  AbortedError,
  SUMMARY_STRIDE,
  sampleCountOf,
  type BatchEngine,
  type BatchRequest,
  type BatchResult,
  type RunOptions,
} from '../engine/types';
import { BufferPool } from './bufferPool';
import type { GpuContext } from './device';
import { batchBooleanConstants, generateKernel } from './kernel';
import { hyperparameterLayout, hyperparametersShared } from '../engine/layout';
import { surfaceWgsl } from './surfaceWgsl';

const WORKGROUP_SIZE = 64;
const DISPATCH_TARGET_MS = 80;
/** The first dispatch's size in particle-steps, before any timing is known (~50 ms in software). */
const FIRST_DISPATCH_PARTICLE_STEPS = 1 << 22;
/** Output bytes per dispatch (summary + samples) are capped, which also caps the particles per dispatch. */
const MAX_OUTPUT_BYTES_PER_DISPATCH = 32 << 20;
const UNIFORM_BYTES = 80;
/** How long a failed batch waits for device.lost before reporting the failure as an ordinary error. */
const LOST_GRACE_MS = 1000;

/** What was computed before the device was lost: particles [0, completed) of the request. */
export class DeviceLostError extends Error {
  constructor(
    readonly reason: string,
    readonly completed: number,
    readonly partial: BatchResult,
  ) {
    super(`the GPU device was lost: ${reason}`);
    this.name = 'DeviceLostError';
  }
}

/** The uniform block of bindings.wgsl, for particles [offset, offset + count) of `particles`. */
export function encodeBatchUniform(
  request: BatchRequest,
  offset: number,
  count: number,
  particles: EncodedParticles,
): ArrayBuffer {
  const buffer = new ArrayBuffer(UNIFORM_BYTES);
  const u32 = new Uint32Array(buffer);
  const f32 = new Float32Array(buffer);
  const schedule = request.schedule;
  const [scheduleA = 0, scheduleB = 0] = scheduleParameters(schedule);
  const every = request.sampleEvery ?? 0;
  u32[0] = offset;
  u32[1] = count;
  u32[2] = request.steps;
  u32[3] = request.seed >>> 0;
  u32[4] = every;
  u32[5] = sampleCountOf(request);
  u32[6] = CLIP_CODES[request.clip.type];
  u32[7] = SCHEDULE_CODES[schedule.type];
  f32[8] = request.noise;
  f32[9] = request.clip.type === 'none' ? 0 : request.clip.max;
  f32[10] = scheduleA;
  f32[11] = scheduleB;
  f32[12] = request.lossTarget;
  u32[13] = request.probeStep ?? 0xffffffff;
  f32[14] = LIMITS.divergenceBound;
  u32[15] = particles.streamBase;
  u32[16] = particles.hyperBase;
  u32[17] = particles.hyperStride;
  return buffer;
}

/** The particle buffer (float32, as the kernel reads it) and where its sections start, in floats. */
export interface EncodedParticles {
  readonly data: Float32Array<ArrayBuffer>;
  /** The u32 stream of particle p is at streamBase + p; NO_STREAMS: the stream is p itself. */
  readonly streamBase: number;
  readonly hyperBase: number;
  /** Floats between two particles' hyperparameter rows: 0 when every particle shares one row. */
  readonly hyperStride: number;
}

/** bindings.wgsl's NO_STREAMS: the request has no streams, each particle's stream is its index. */
export const NO_STREAMS = 0xffffffff;

/**
 * Sections, not interleaved rows, so each is one typed-array copy (a per-element loop took ~150 ms at
 * 1M particles): the starts (2n), the streams (n u32, only when given), then the hyperparameter rows —
 * a single row when every particle shares it (the usual batch: an outcome map, a crowd), which also cuts
 * the upload from (3 + width) to 2 floats per particle.
 */
export function encodeParticles(request: BatchRequest): EncodedParticles {
  const n = request.count;
  const width = hyperparameterLayout(request.optimizerType).width;
  const shared = hyperparametersShared(request.hyperparameters, n, width);
  const streamBase = request.streams ? 2 * n : NO_STREAMS;
  const hyperBase = 2 * n + (request.streams ? n : 0);
  const data = new Float32Array(hyperBase + (shared ? width : n * width));
  data.set(request.starts.subarray(0, 2 * n));
  if (request.streams) new Uint32Array(data.buffer, 4 * streamBase, n).set(request.streams.subarray(0, n));
  data.set(request.hyperparameters.subarray(0, shared ? width : n * width), hyperBase);
  return { data, streamBase, hyperBase, hyperStride: shared ? 0 : width };
}

export class GpuBatchEngine implements BatchEngine {
  readonly kind = 'webgpu' as const;
  readonly name: string;
  private readonly device: GPUDevice;
  private readonly pool: BufferPool;
  private readonly pipelines = new Map<string, Promise<GPUComputePipeline>>();
  private lostReason: string | null = null;
  private disposed = false;
  /** Called once if the device is lost (also while idle). */
  onLost: ((reason: string) => void) | null = null;

  constructor(context: GpuContext) {
    this.device = context.device;
    this.name = `WebGPU · ${context.adapterDescription}`;
    this.pool = new BufferPool(this.device);
    void this.device.lost.then((info) => {
      if (this.disposed) return;
      this.lostReason = info.message || info.reason || 'unknown reason';
      this.onLost?.(this.lostReason);
    });
  }

  get isLost(): boolean {
    return this.lostReason !== null;
  }

  /** Buffers alive in the pool (the benchmark checks nothing leaks). */
  get bufferCount(): number {
    return this.pool.size;
  }

  private pipeline(code: string, request: BatchRequest): Promise<GPUComputePipeline> {
    const constants = pipelineConstants(request);
    const key = `${JSON.stringify(constants)}\n${code}`;
    let pipeline = this.pipelines.get(key);
    if (!pipeline) {
      const module = this.device.createShaderModule({ label: 'optiscope batch kernel', code });
      pipeline = this.device.createComputePipelineAsync({
        label: 'optiscope batch pipeline',
        layout: 'auto',
        compute: { module, entryPoint: 'main', constants },
      });
      this.pipelines.set(key, pipeline);
      pipeline.catch(() => this.pipelines.delete(key));
    }
    return pipeline;
  }

  async run(request: BatchRequest, options: RunOptions = {}): Promise<BatchResult> {
    if (this.lostReason !== null)
      throw new DeviceLostError(this.lostReason, 0, emptyResult(request, this.name));
    const kernel = generateKernel(surfaceWgsl(request.surface), request.optimizerType);
    let pipeline: GPUComputePipeline;
    try {
      pipeline = await this.pipeline(kernel.code, request);
    } catch (error) {
      return this.lostOr(error, 0, emptyResult(request, this.name));
    }
    const n = request.count;
    const sampleCount = sampleCountOf(request);
    const summary = new Float64Array(n * SUMMARY_STRIDE);
    const trajectories = new Float32Array(n * sampleCount * 3);
    const result = (): BatchResult => ({ count: n, summary, sampleCount, trajectories, engine: this.name });
    if (n === 0) return result();

    const summaryRowBytes = SUMMARY_STRIDE * 4;
    const sampleRowBytes = sampleCount * 3 * 4;
    const maxChunk = Math.max(
      WORKGROUP_SIZE,
      Math.min(
        n,
        65535 * WORKGROUP_SIZE,
        Math.floor(MAX_OUTPUT_BYTES_PER_DISPATCH / (summaryRowBytes + sampleRowBytes)),
      ),
    );
    const encoded = encodeParticles(request);
    const particleData = encoded.data;
    const particles = this.pool.acquire(
      'particles',
      particleData.byteLength,
      GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    );
    const summaryBuffer = this.pool.acquire(
      'summary',
      maxChunk * summaryRowBytes,
      GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    );
    const samplesBuffer = this.pool.acquire(
      'samples',
      Math.max(16, maxChunk * sampleRowBytes),
      GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    );
    // Two readback buffers: while one dispatch's results map, the next dispatch already runs, so the
    // map round trip (milliseconds in Chromium and Dawn) never leaves the device idle.
    const stagingSize = maxChunk * (summaryRowBytes + sampleRowBytes);
    const staging = [0, 1].map(() =>
      this.pool.acquire('readback', stagingSize, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST),
    );
    const uniforms = [0, 1].map(() =>
      this.pool.acquire('batch uniform', UNIFORM_BYTES, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST),
    );
    const bindGroups = uniforms.map((uniform) =>
      this.device.createBindGroup({
        label: 'optiscope batch bindings',
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: uniform, size: UNIFORM_BYTES } },
          { binding: 1, resource: { buffer: particles, size: particleData.byteLength } },
          { binding: 2, resource: { buffer: summaryBuffer } },
          { binding: 3, resource: { buffer: samplesBuffer } },
        ],
      }),
    );
    this.device.queue.writeBuffer(particles, 0, particleData);

    const steps = Math.max(1, request.steps);
    let chunk = clampChunk(Math.ceil(FIRST_DISPATCH_PARTICLE_STEPS / steps), maxChunk);
    interface InFlight {
      readonly slot: number;
      readonly offset: number;
      readonly count: number;
      readonly mapped: Promise<void>;
    }
    const inFlight: InFlight[] = [];
    let submitted = 0;
    let done = 0;
    const started = performance.now();
    const submit = (slot: number) => {
      const count = Math.min(chunk, n - submitted);
      const offset = submitted;
      this.device.queue.writeBuffer(uniforms[slot]!, 0, encodeBatchUniform(request, offset, count, encoded));
      const encoder = this.device.createCommandEncoder({ label: 'optiscope batch dispatch' });
      const pass = encoder.beginComputePass({ label: 'optiscope batch steps' });
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroups[slot]!);
      pass.dispatchWorkgroups(Math.ceil(count / WORKGROUP_SIZE));
      pass.end();
      // The next dispatch may overwrite the output buffers only after this copy: queue order guarantees it.
      encoder.copyBufferToBuffer(summaryBuffer, 0, staging[slot]!, 0, count * summaryRowBytes);
      if (sampleRowBytes > 0)
        encoder.copyBufferToBuffer(
          samplesBuffer,
          0,
          staging[slot]!,
          count * summaryRowBytes,
          count * sampleRowBytes,
        );
      this.device.queue.submit([encoder.finish()]);
      const mapped = staging[slot]!.mapAsync(GPUMapMode.READ, 0, count * (summaryRowBytes + sampleRowBytes));
      mapped.catch(() => undefined);
      inFlight.push({ slot, offset, count, mapped });
      submitted += count;
    };
    try {
      while (done < n) {
        if (options.signal?.aborted) throw new AbortedError();
        if (this.lostReason !== null) throw new DeviceLostError(this.lostReason, done, result());
        while (inFlight.length < 2 && submitted < n) {
          const busy = new Set(inFlight.map((f) => f.slot));
          submit(busy.has(0) ? 1 : 0);
        }
        const next = inFlight.shift();
        if (!next) break;
        await next.mapped;
        const buffer = staging[next.slot]!;
        const summaryBytes = next.count * summaryRowBytes;
        const mapped = buffer.getMappedRange(0, summaryBytes + next.count * sampleRowBytes);
        summary.set(new Float32Array(mapped, 0, next.count * SUMMARY_STRIDE), next.offset * SUMMARY_STRIDE);
        if (sampleRowBytes > 0)
          trajectories.set(
            new Float32Array(mapped, summaryBytes, next.count * sampleCount * 3),
            next.offset * sampleCount * 3,
          );
        buffer.unmap();
        done = next.offset + next.count;
        options.onProgress?.(done * request.steps, n * request.steps);
        // Size later dispatches from the throughput so far (latency hidden by the second dispatch in flight).
        const rate = (done * steps) / Math.max(1, performance.now() - started);
        chunk = clampChunk(Math.min(4 * chunk, Math.round((rate * DISPATCH_TARGET_MS) / steps)), maxChunk);
      }
    } catch (error) {
      if (error instanceof AbortedError || error instanceof DeviceLostError) throw error;
      return await this.lostOr(error, done, result());
    } finally {
      // Let outstanding maps settle before the buffers go back to the pool.
      await Promise.allSettled(inFlight.map((f) => f.mapped));
      for (const buffer of staging) if (buffer.mapState === 'mapped') buffer.unmap();
      for (const buffer of [particles, summaryBuffer, samplesBuffer, ...staging, ...uniforms])
        this.pool.release(buffer);
    }
    return result();
  }

  /**
   * A failure inside a batch is a DeviceLostError when the device is lost. The failure often comes first:
   * after device.destroy() (or a reset) a pending mapAsync rejects ("Buffer was unmapped before mapping was
   * resolved") before device.lost resolves, so wait a moment for device.lost before deciding.
   */
  private async lostOr(error: unknown, completed: number, partial: BatchResult): Promise<never> {
    if (this.lostReason === null) {
      const info = await Promise.race([
        this.device.lost,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), LOST_GRACE_MS)),
      ]);
      if (info) this.lostReason ??= info.message || info.reason || 'unknown reason';
    }
    if (this.lostReason !== null) throw new DeviceLostError(this.lostReason, completed, partial);
    throw error;
  }

  /** Destroys the pooled buffers no batch is using (the next batch creates them again). */
  trim(): void {
    this.pool.trim();
  }

  dispose(): void {
    this.disposed = true;
    this.pool.dispose();
    this.pipelines.clear();
    this.device.destroy();
  }
}

/** The override constants of a batch's pipeline: what the batch does not use is compiled out. */
export function pipelineConstants(request: BatchRequest): Record<string, number> {
  const probe = request.probeStep ?? -1;
  return {
    WORKGROUP_SIZE,
    NOISE: request.noise > 0 ? 1 : 0,
    CLIP_TYPE: CLIP_CODES[request.clip.type],
    SCHEDULE_TYPE: SCHEDULE_CODES[request.schedule.type],
    RECORDING: (request.sampleEvery ?? 0) > 0 ? 1 : 0,
    REACHED: request.lossTarget > -Infinity ? 1 : 0,
    PROBE: probe >= 1 && probe <= request.steps ? 1 : 0,
    ...batchBooleanConstants(
      hyperparameterLayout(request.optimizerType),
      request.hyperparameters,
      request.count,
    ),
  };
}

function clampChunk(particles: number, maxChunk: number): number {
  const rounded = Math.ceil(particles / WORKGROUP_SIZE) * WORKGROUP_SIZE;
  return Math.max(WORKGROUP_SIZE, Math.min(maxChunk, rounded));
}

function emptyResult(request: BatchRequest, engine: string): BatchResult {
  const sampleCount = sampleCountOf(request);
  return {
    count: request.count,
    summary: new Float64Array(request.count * SUMMARY_STRIDE),
    sampleCount,
    trajectories: new Float32Array(request.count * sampleCount * 3),
    engine,
  };
}
