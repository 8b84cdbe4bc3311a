/**
 * A typed optimizer on a real WebGPU implementation in Node (Dawn + SwiftShader, as gpuEngine.node.test.ts):
 * a typed Lion on the GPU against the float64 CPU kernel, and against the built-in Lion on the GPU.
 * Without an adapter (no VK_ICD_FILENAMES) the suite is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireGpu } from './device';
import { GpuBatchEngine } from './gpuEngine';
import { PARITY_TOLERANCE } from './parity';
import { CUSTOM_TYPE, setCustomOptimizer, TYPED_LION } from '../core/optimizers/custom';
import { resolveOptimizer } from '../core/scene';
import { resolveSurface } from '../core/resolveSurface';
import { particleHyperparameters } from '../engine/layout';
import { SUMMARY_STRIDE, type BatchRequest } from '../engine/types';
import { runParticlesCpu } from '../workers/cpuKernel';

let engine: GpuBatchEngine | null = null;
let gpuRoot: unknown = null;

beforeAll(async () => {
  if (!process.env.VK_ICD_FILENAMES) return;
  try {
    const webgpu = (await import('webgpu')) as unknown as {
      create: (flags: string[]) => GPU;
      globals: object;
    };
    Object.assign(globalThis, webgpu.globals);
    gpuRoot = webgpu.create([]);
    const context = await acquireGpu(gpuRoot as GPU);
    if (context) engine = new GpuBatchEngine(context);
  } catch {
    engine = null;
  }
});

afterAll(() => {
  engine?.dispose();
  gpuRoot = null;
});

function request(
  type: string,
  hp: Record<string, number | readonly [number, number]>,
  count: number,
): BatchRequest {
  return {
    surface: 'rosenbrock',
    optimizerType: type,
    count,
    starts: Float64Array.from({ length: 2 * count }, (_, i) =>
      i % 2 === 0 ? -1.5 + 0.1 * i : 1.5 - 0.05 * i,
    ),
    hyperparameters: particleHyperparameters(
      type,
      { ...resolveOptimizer({ type }).hyperparameters, ...hp },
      count,
    ),
    steps: 40,
    seed: 1,
    schedule: { type: 'constant' },
    clip: { type: 'none' },
    noise: 0,
    lossTarget: 1e-3,
  };
}

describe('a typed optimizer in the GPU engine (Dawn + SwiftShader)', () => {
  it('a typed Lion follows the CPU within float32 tolerance, and the built-in Lion on the GPU', async (context) => {
    if (!engine) context.skip();
    expect(setCustomOptimizer(TYPED_LION)).toBeNull();
    const count = 16;
    const typedRequest = request(CUSTOM_TYPE, { lr: 0.01, beta1: 0.9, beta2: 0.99, decay: 0.01 }, count);
    const builtInRequest = request('Lion', { lr: 0.01, betas: [0.9, 0.99], weight_decay: 0.01 }, count);
    const typed = await engine!.run(typedRequest);
    const builtIn = await engine!.run(builtInRequest);
    const surface = resolveSurface('rosenbrock');
    if (!surface.ok) throw new Error(surface.error);
    const cpu = new Float64Array(count * SUMMARY_STRIDE);
    runParticlesCpu(typedRequest, surface.value, 0, count, cpu, new Float32Array(0));
    for (let p = 0; p < count; p++) {
      const o = p * SUMMARY_STRIDE;
      for (const k of [0, 1]) {
        expect(Math.abs(typed.summary[o + k]! - cpu[o + k]!), `particle ${p}`).toBeLessThan(PARITY_TOLERANCE);
        expect(typed.summary[o + k]).toBe(builtIn.summary[o + k]);
      }
      expect(typed.summary[o + 6]).toBe(cpu[o + 6]);
    }
  });
});
