/**
 * The WGSL kernels on a real WebGPU implementation in Node: the npm `webgpu` package (Dawn) with
 * Chromium's SwiftShader Vulkan driver. Needs VK_ICD_FILENAMES exported in the shell (see
 * docs/benchmarks.md); without an adapter the suite is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireGpu } from './device';
import { GpuBatchEngine } from './gpuEngine';
import { runParity } from './parity';

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
  });
});
