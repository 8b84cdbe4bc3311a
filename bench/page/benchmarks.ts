/**
 * In-browser measurements for bench/run.ts: particle-steps/s of every engine at several batch sizes,
 * the explorer's recompute of the default scene and the outcome map of 256² starts × 6 optimizers.
 */
import * as tf from '@tensorflow/tfjs';
import { resolveOptimizer } from '../../src/core/scene';
import { simulate } from '../../src/core/simulate';
import { particleHyperparameters } from '../../src/engine/layout';
import type { BatchEngine, BatchRequest } from '../../src/engine/types';
import { acquireGpu } from '../../src/gpu/device';
import { GpuBatchEngine } from '../../src/gpu/gpuEngine';
import { CpuBatchEngine } from '../../src/workers/cpuEngine';
import { DEFAULT_SCENE } from '../../src/state/defaultScene';
import { benchStarts, plainAdam, plainAdamTracked } from '../plainLoop';
import { bareAdamLooped, bareAdamPerStep, enginePerStep } from './perStep';
import { PlainWorkers } from './plainWorkers';
import { tfjsAdam, tfjsAdamTracked } from './tfjsAdam';
import { LIMITS } from '../../src/core/limits';
import { surface3dBench } from './surface3d';

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** Steps at each size (fewer at large sizes keeps the run short). */
  readonly steps: readonly number[];
  readonly atlasSteps: number;
  readonly atlasSide: number;
  /** Only the paths whose names contain one of these (BENCH_ONLY, comma-separated); all when empty. */
  readonly only?: readonly string[];
}

export interface BenchRow {
  readonly name: string;
  readonly size: number;
  readonly steps: number;
  readonly ms: number;
  /** Particle-steps per second (0 for rows that time a whole task). */
  readonly rate: number;
  readonly note?: string;
}

const LR = 0.01;
const TARGET = 1e-6;

function adamRequest(starts: Float64Array, steps: number): BatchRequest {
  const count = starts.length / 2;
  return {
    surface: 'quadratic',
    optimizerType: 'Adam',
    count,
    starts,
    hyperparameters: particleHyperparameters(
      'Adam',
      { ...resolveOptimizer({ type: 'Adam' }).hyperparameters, lr: LR },
      count,
    ),
    steps,
    seed: 1,
    schedule: { type: 'constant' },
    clip: { type: 'none' },
    noise: 0,
    lossTarget: TARGET,
  };
}

async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function runBenchmarks(options: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = (name: string, size: number, steps: number, ms: number, note?: string) =>
    rows.push({
      name,
      size,
      steps,
      ms,
      rate: steps > 0 ? (size * steps) / (ms / 1000) : 0,
      ...(note ? { note } : {}),
    });

  const context = await acquireGpu();
  const gpu = context ? new GpuBatchEngine(context) : null;
  const workers = navigator.hardwareConcurrency || 1;
  const cpuAll = new CpuBatchEngine({ workers });
  const cpuOne = new CpuBatchEngine({ workers: 1 });
  const plainAll = new PlainWorkers(workers);
  await tf.ready();
  const tfBackend = tf.getBackend();

  // Every path at one size, as closures; each size runs all of them `reps` times, interleaved, and keeps
  // each path's best time, so a burst of load from other processes hits every path alike.
  type Path = [string, (starts: Float64Array, starts32: Float32Array, steps: number) => Promise<unknown>];
  const paths: Path[] = [];
  if (gpu) {
    const device = context!.device;
    paths.push(
      [`WebGPU engine (${gpu.name})`, (starts, _, steps) => gpu.run(adamRequest(starts, steps))],
      [
        'WebGPU, one dispatch per step (same kernel pieces)',
        (starts, _, steps) => enginePerStep(device, adamRequest(starts, steps)),
      ],
      [
        'bare Adam kernel, all steps in one dispatch (reference)',
        (_, s32, steps) => bareAdamLooped(device, s32, steps, LR),
      ],
      [
        'bare Adam kernel, one dispatch per step (reference)',
        (_, s32, steps) => bareAdamPerStep(device, s32, steps, LR),
      ],
    );
  }
  paths.push(
    ['CPU engine, 1 worker', (starts, _, steps) => cpuOne.run(adamRequest(starts, steps))],
    [`CPU engine, ${workers} workers`, (starts, _, steps) => cpuAll.run(adamRequest(starts, steps))],
    [
      `plain JS loop, same work, ${workers} workers`,
      (starts, _, steps) => plainAll.run(starts, steps, LR, TARGET, LIMITS.divergenceBound),
    ],
    [
      'plain JS loop, 1 thread (page), same work',
      async (starts, _, steps) => plainAdamTracked(starts, steps, LR, TARGET, LIMITS.divergenceBound),
    ],
    [
      'bare plain JS Adam loop, 1 thread (page, reference)',
      async (starts, _, steps) => plainAdam(starts, steps, LR),
    ],
    [
      `tfjs ops, same work (${tfBackend} backend)`,
      (starts, _, steps) => tfjsAdamTracked(starts, steps, LR, TARGET, LIMITS.divergenceBound),
    ],
    [
      `tfjs ops, bare Adam (${tfBackend} backend, reference)`,
      (starts, _, steps) => tfjsAdam(starts, steps, LR),
    ],
  );

  if (options.only?.length) {
    const kept = paths.filter(([name]) => options.only!.some((part) => name.includes(part)));
    paths.splice(0, paths.length, ...kept);
  }

  // Warm-up: pipelines compiled, workers started, every worker's JIT hot (each worker optimizes its
  // own copy of the loop, so each needs enough iterations of its own).
  const warm = benchStarts(16_384);
  for (const [, run] of paths) for (let i = 0; i < 2; i++) await run(warm, Float32Array.from(warm), 50);

  for (const [index, size] of options.sizes.entries()) {
    const steps = options.steps[index] ?? 10;
    const starts = benchStarts(size);
    const starts32 = Float32Array.from(starts);
    const best = new Map<string, number>();
    // More runs where a run is short (1k × 100 is 2–3 ms on the CPU paths, within the OS's scheduling
    // noise), so the best of them is one the OS scheduled cleanly; the same count for every path.
    const work = size * steps;
    const reps = work <= 1e5 ? 25 : work <= 1e6 ? 9 : work <= 2e7 ? 5 : 3;
    for (let rep = 0; rep < reps; rep++) {
      for (const [name, run] of paths) {
        const ms = await time(() => run(starts, starts32, steps));
        best.set(name, Math.min(best.get(name) ?? Infinity, ms));
      }
    }
    for (const [name] of paths) add(name, size, steps, best.get(name)!, `best of ${reps}`);
  }

  // The explorer's recompute: simulate(scene) of the default scene, median of 15.
  const recompute: number[] = [];
  for (let i = 0; i < 15; i++) recompute.push(await time(() => simulate(DEFAULT_SCENE)));
  recompute.sort((a, b) => a - b);
  const sceneSteps = DEFAULT_SCENE.steps ?? 100;
  add(
    `default scene recompute (simulate, ${DEFAULT_SCENE.optimizers.length} optimizers × ${sceneSteps} steps, median of 15)`,
    DEFAULT_SCENE.optimizers.length,
    sceneSteps,
    recompute[7] ?? Number.NaN,
  );

  // The outcome map: side² starts over the quadratic's view, each default-scene optimizer, T steps.
  const side = options.atlasSide;
  const atlasStarts = new Float64Array(2 * side * side);
  for (let i = 0; i < side * side; i++) {
    atlasStarts[2 * i] = -1.5 + (3 * ((i % side) + 0.5)) / side;
    atlasStarts[2 * i + 1] = -1.2 + (2.4 * (Math.floor(i / side) + 0.5)) / side;
  }
  const mapEngines: [string, BatchEngine | null][] = [
    [`WebGPU engine (${gpu?.name ?? 'no adapter'})`, gpu],
    [`CPU engine, ${workers} workers`, cpuAll],
  ];
  for (const [name, engine] of mapEngines) {
    if (!engine) continue;
    const ms = await time(async () => {
      for (const input of DEFAULT_SCENE.optimizers) {
        const config = resolveOptimizer(input as { type: string });
        await engine.run({
          ...adamRequest(atlasStarts, options.atlasSteps),
          optimizerType: config.type,
          hyperparameters: particleHyperparameters(config.type, config.hyperparameters, side * side),
        });
      }
    });
    add(
      `outcome map ${side}×${side} × ${DEFAULT_SCENE.optimizers.length} optimizers × ${options.atlasSteps} steps: ${name}`,
      side * side * DEFAULT_SCENE.optimizers.length,
      options.atlasSteps,
      ms,
    );
  }

  if (!options.only?.length || options.only.some((part) => '3-D view'.includes(part)))
    rows.push(...surface3dBench());

  gpu?.dispose();
  cpuAll.dispose();
  cpuOne.dispose();
  plainAll.dispose();
  return rows;
}
