/**
 * The WGSL kernels on a real WebGPU implementation in Node: the npm `webgpu` package (Dawn) with
 * Chromium's SwiftShader Vulkan driver. Needs VK_ICD_FILENAMES exported in the shell (see
 * docs/benchmarks.md); without an adapter the suite is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireGpu } from './device';
import { GpuBatchEngine } from './gpuEngine';
import { CUSTOM_PARITY_SURFACES, runParity, surfaceLabel } from './parity';
import { particleHyperparameters } from '../engine/layout';
import { resolveOptimizer } from '../core/scene';
import { runParticlesCpu } from '../workers/cpuKernel';
import { resolveSurface } from '../core/resolveSurface';
import { SUMMARY_STRIDE, type BatchRequest } from '../engine/types';

let engine: GpuBatchEngine | null = null;
// Dawn's node binding must stay referenced as long as its device lives.
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

describe('GPU kernels in Node (Dawn + SwiftShader)', () => {
  it('agree with the float64 core for every optimizer × surface', { timeout: 240_000 }, async (context) => {
    if (!engine) context.skip();
    const rows = await runParity(engine!);
    const failures = rows.filter((row) => !row.ok);
    if (failures.length > 0) console.table(failures);
    expect(failures).toEqual([]);
    // The comparison must mean something: chaotic cases are the exception.
    expect(rows.filter((row) => !row.chaotic).length).toBeGreaterThan(0.9 * rows.length);
    // Typed expressions (with constants, with log) went through the expression compiler's WGSL.
    for (const ref of CUSTOM_PARITY_SURFACES) {
      const custom = rows.filter((row) => row.surface === surfaceLabel(ref));
      expect(custom.length).toBeGreaterThan(0);
      expect(custom.filter((row) => !row.chaotic).length).toBeGreaterThan(0);
    }
  });

  it('a batch whose boolean hyperparameters differ per particle reads them per particle', async (context) => {
    if (!engine) context.skip();
    // Adam with amsgrad and bias_correction varied across particles: no pipeline constant can pin them.
    const count = 8;
    const base = { ...resolveOptimizer({ type: 'Adam' }).hyperparameters, lr: 0.05 };
    const flags = Float64Array.from({ length: count }, (_, p) => p % 2);
    const request: BatchRequest = {
      surface: 'rosenbrock',
      optimizerType: 'Adam',
      count,
      starts: Float64Array.from({ length: 2 * count }, (_, i) => (i % 2 === 0 ? -1.2 + 0.05 * i : 1)),
      hyperparameters: particleHyperparameters('Adam', base, count, {
        amsgrad: flags,
        bias_correction: flags.map((f, p) => (p % 4 < 2 ? 1 - f : f)),
      }),
      steps: 60,
      seed: 3,
      schedule: { type: 'constant' },
      clip: { type: 'none' },
      noise: 0,
      lossTarget: 1e-3,
      probeStep: 30,
    };
    const gpu = await engine!.run(request);
    const surface = resolveSurface('rosenbrock');
    if (!surface.ok) throw new Error(surface.error);
    const cpuSummary = new Float64Array(count * SUMMARY_STRIDE);
    runParticlesCpu(request, surface.value, 0, count, cpuSummary, new Float32Array(0));
    for (let p = 0; p < count; p++) {
      const o = p * SUMMARY_STRIDE;
      expect(Math.abs(gpu.summary[o]! - cpuSummary[o]!), `w1 of particle ${p}`).toBeLessThan(1e-2);
      expect(Math.abs(gpu.summary[o + 1]! - cpuSummary[o + 1]!), `w2 of particle ${p}`).toBeLessThan(1e-2);
      expect(gpu.summary[o + 6]).toBe(cpuSummary[o + 6]);
      expect(Math.abs(gpu.summary[o + 7]! - cpuSummary[o + 7]!)).toBeLessThan(1e-2);
    }
  });
});
