/**
 * The harness page: exposes window.__optiscope for Playwright (GPU parity in a real browser) and for the
 * benchmark runner. Built separately from the app (bench/buildPage.ts), so none of it is in the main bundle.
 */
import { resolveOptimizer } from '../../src/core/scene';
import { acquireGpu } from '../../src/gpu/device';
import { GpuBatchEngine } from '../../src/gpu/gpuEngine';
import { runParity, type ParityRow } from '../../src/gpu/parity';
import { createBatchEngine } from '../../src/composition/createEngine';
import { particleHyperparameters } from '../../src/engine/layout';
import type { BatchRequest, BatchResult } from '../../src/engine/types';
import { CpuBatchEngine } from '../../src/workers/cpuEngine';
import { runBenchmarks, type BenchOptions, type BenchRow } from './benchmarks';

export interface Harness {
  adapter(): Promise<string | null>;
  gpuParity(): Promise<ParityRow[] | null>;
  bench(options: BenchOptions): Promise<BenchRow[]>;
  /**
   * One varied batch (noise with streams, a learning rate per particle, sampled trajectories, a NaN
   * start) on the CPU engine three ways: inline, on workers sharing memory, on workers moving chunks.
   */
  cpuPaths(): Promise<CpuPaths>;
  /** The engine the views would get, and one small batch run on it. */
  engineSmoke(): Promise<{ name: string; kind: string; notice: string | null; finalLoss: number }>;
}

export interface CpuPaths {
  readonly isolated: boolean;
  readonly count: number;
  /** Values that differ from the inline run, over summary and trajectories. */
  readonly sharedDiffers: number;
  readonly movedDiffers: number;
  readonly finite: number;
}

function variedCpuRequest(): BatchRequest {
  // 9M particle-steps: four chunks on two workers, so rows land at offsets other than 0.
  const count = 30_001;
  const starts = new Float64Array(2 * count);
  for (let p = 0; p < count; p++) {
    starts[2 * p] = -1.5 + (3 * p) / count;
    starts[2 * p + 1] = Math.sin(p);
  }
  starts[20] = Number.NaN;
  const lrs = Array.from({ length: count }, (_, p) => 10 ** (-3 + (3 * p) / count));
  const base = { lr: 0.01, betas: [0.9, 0.999] as [number, number], eps: 1e-8, weight_decay: 0 };
  return {
    surface: 'himmelblau',
    optimizerType: 'Adam',
    count,
    starts,
    hyperparameters: particleHyperparameters(
      'Adam',
      { ...base, amsgrad: false, bias_correction: true },
      count,
      {
        lr: lrs,
      },
    ),
    streams: Uint32Array.from({ length: count }, (_, p) => 7 * p + 3),
    steps: 300,
    seed: 11,
    schedule: { type: 'constant' },
    clip: { type: 'norm', max: 5 },
    noise: 0.3,
    lossTarget: 1e-3,
    probeStep: 50,
    sampleEvery: 10,
  };
}

function differences(a: BatchResult, b: BatchResult): number {
  let count = 0;
  // Object.is: NaN equals NaN, and 0 and −0 differ.
  for (let i = 0; i < a.summary.length; i++) if (!Object.is(a.summary[i], b.summary[i])) count++;
  for (let i = 0; i < a.trajectories.length; i++)
    if (!Object.is(a.trajectories[i], b.trajectories[i])) count++;
  return count + Math.abs(a.summary.length - b.summary.length);
}

const harness: Harness = {
  async adapter() {
    const context = await acquireGpu();
    if (!context) return null;
    context.device.destroy();
    return context.adapterDescription;
  },
  async gpuParity() {
    const context = await acquireGpu();
    if (!context) return null;
    const engine = new GpuBatchEngine(context);
    try {
      return await runParity(engine);
    } finally {
      engine.dispose();
    }
  },
  bench: (options) => runBenchmarks(options),
  async cpuPaths() {
    const request = variedCpuRequest();
    const engines = [
      new CpuBatchEngine({ workers: 0 }),
      new CpuBatchEngine({ workers: 2, shareMemory: true }),
      new CpuBatchEngine({ workers: 2, shareMemory: false }),
    ];
    try {
      const [inline, shared, moved] = await Promise.all(engines.map((engine) => engine.run(request)));
      let finite = 0;
      for (let p = 0; p < request.count; p++) if (Number.isFinite(inline!.summary[p * 8 + 3])) finite++;
      return {
        isolated: globalThis.crossOriginIsolated === true,
        count: request.count,
        sharedDiffers: differences(inline!, shared!),
        movedDiffers: differences(inline!, moved!),
        finite,
      };
    } finally {
      for (const engine of engines) engine.dispose();
    }
  },
  async engineSmoke() {
    const engine = await createBatchEngine();
    try {
      const result = await engine.run({
        surface: 'quadratic',
        optimizerType: 'SGD',
        count: 256,
        starts: new Float64Array(512).fill(-1),
        hyperparameters: particleHyperparameters(
          'SGD',
          resolveOptimizer({ type: 'SGD', lr: 0.01, momentum: 0.9 }).hyperparameters,
          256,
        ),
        steps: 200,
        seed: 0,
        schedule: { type: 'constant' },
        clip: { type: 'none' },
        noise: 0,
        lossTarget: 1e-6,
      });
      return {
        name: engine.name,
        kind: engine.kind,
        notice: engine.notice,
        finalLoss: result.summary[2] ?? Number.NaN,
      };
    } finally {
      engine.dispose();
    }
  },
};

(window as unknown as { __optiscope: Harness }).__optiscope = harness;
document.body.dataset.ready = 'true';
