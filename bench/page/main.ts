/**
 * The harness page: exposes window.__optiscope for Playwright (GPU parity in a real browser) and for the
 * benchmark runner. Built separately from the app (bench/buildPage.ts), so none of it is in the main bundle.
 */
import { acquireGpu } from '../../src/gpu/device';
import { GpuBatchEngine } from '../../src/gpu/gpuEngine';
import { runParity, type ParityRow } from '../../src/gpu/parity';
import { createBatchEngine } from '../../src/engine/createEngine';
import { particleHyperparameters } from '../../src/engine/layout';
import { runBenchmarks, type BenchOptions, type BenchRow } from './benchmarks';

export interface Harness {
  adapter(): Promise<string | null>;
  gpuParity(): Promise<ParityRow[] | null>;
  bench(options: BenchOptions): Promise<BenchRow[]>;
  /** The engine the views would get, and one small batch run on it. */
  engineSmoke(): Promise<{ name: string; kind: string; notice: string | null; finalLoss: number }>;
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
          { lr: 0.01, momentum: 0.9, dampening: 0, nesterov: false, weight_decay: 0 },
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
