/**
 * GPU (float32) against CPU (float64, the core's runOptimizer) for every optimizer × built-in surface,
 * plus settings that exercise noise, clipping and schedules. Shared by the Node test (npm `webgpu`) and
 * the browser test page (window.__optiscope.gpuParity()), so both check the same cases.
 */
import type { Clipping } from '../core/gradientProcessing';
import { getOptimizer, OPTIMIZERS } from '../core/optimizers';
import { resolveSurface, type ResolvedSurface } from '../core/resolveSurface';
import { resolveOptimizer, type OptimizerConfig, type SurfaceRef } from '../core/scene';
import type { Schedule } from '../core/schedules';
import { runOptimizer } from '../core/simulate';
import { SURFACES } from '../core/surfaces';
import { particleHyperparameters } from '../engine/layout';
import type { BatchEngine, BatchRequest } from '../engine/types';

export interface ParityCase {
  /** A built-in id or a typed expression (with constants): the GPU gets the expression compiler's WGSL. */
  readonly surface: SurfaceRef;
  readonly config: OptimizerConfig;
  readonly steps: number;
}

export interface ParityRow {
  readonly surface: string;
  readonly optimizer: string;
  readonly steps: number;
  /** Largest |w_gpu − w_cpu| over the trajectory, in units of the view box's larger side. */
  readonly maxError: number;
  readonly cpuCompleted: number;
  readonly gpuCompleted: number;
  /**
   * The float64 run itself moves by more than the tolerance when its start moves by 1e-6 of the view
   * (or it overflows float32's range): no float32 run can follow it, so the case is reported, not judged.
   */
  readonly chaotic: boolean;
  readonly ok: boolean;
}

export const PARITY_STEPS = 40;
/** Float32 drift over PARITY_STEPS steps, relative to the view's size. */
export const PARITY_TOLERANCE = 2e-3;

/** Expression surfaces for parity: polynomial, named constants, and a transcendental (log). */
export const CUSTOM_PARITY_SURFACES: readonly SurfaceRef[] = [
  { expression: 'x^4 - x^2 + y^2' },
  { expression: 'a*w1^2 + b*w2^2', constants: { a: 3, b: 0.5 } },
  { expression: 'log(1+x^2)+y^2' },
];

/** A short label for a case's surface (its id, or the expression with its constants). */
export function surfaceLabel(ref: SurfaceRef): string {
  if (typeof ref === 'string') return ref;
  const constants = Object.entries(ref.constants ?? {});
  return constants.length === 0
    ? ref.expression
    : `${ref.expression} (${constants.map(([k, v]) => `${k}=${v}`).join(', ')})`;
}

export function parityCases(): ParityCase[] {
  const cases: ParityCase[] = [];
  for (const surface of SURFACES) {
    for (const spec of OPTIMIZERS) {
      cases.push({
        surface: surface.id,
        config: resolveOptimizer({ type: spec.type, ...spec.paritySettings }),
        steps: PARITY_STEPS,
      });
    }
  }
  // Typed expressions: the WGSL comes from the expression compiler, the CPU side from its JS closures.
  for (const surface of CUSTOM_PARITY_SURFACES) {
    // SAM, Prodigy and Sophia for the rule's sum, second gradient and Hessian diagonal on compiled surfaces.
    for (const type of [
      'SGD',
      'Adam',
      'RMSprop',
      'Adagrad',
      'NAdam',
      'Newton',
      'LBFGS',
      'SAM',
      'Prodigy',
      'Sophia',
    ]) {
      cases.push({
        surface,
        config: resolveOptimizer({ type, ...getOptimizer(type)!.paritySettings }),
        steps: PARITY_STEPS,
      });
    }
  }
  // Noise, clipping and schedules go through the same WGSL as on the CPU.
  const extras: [string, Record<string, unknown>, Schedule, Clipping, number][] = [
    [
      'SGD',
      { lr: 0.01, momentum: 0.5, nesterov: true, weight_decay: 0.01 },
      { type: 'cosine', T_max: 25, eta_min: 1e-3 },
      { type: 'norm', max: 1 },
      0.5,
    ],
    [
      'Adam',
      { lr: 0.05, amsgrad: true },
      { type: 'step', step_size: 10, gamma: 0.5 },
      { type: 'value', max: 2 },
      1,
    ],
    [
      'RMSprop',
      { lr: 0.01, centered: true, momentum: 0.5 },
      { type: 'exponential', k: 0.02 },
      { type: 'none' },
      0.3,
    ],
    [
      'Adagrad',
      { lr: 0.2, lr_decay: 0.01 },
      { type: 'inverse_time', k: 0.05 },
      { type: 'norm', max: 5 },
      0.2,
    ],
    [
      'AdamW',
      { lr: 0.05, bias_correction: false, weight_decay: 0.1 },
      { type: 'constant' },
      { type: 'none' },
      0,
    ],
  ];
  for (const surfaceId of ['quadratic', 'himmelblau', 'booth']) {
    for (const [type, hp, schedule, clip, noise] of extras) {
      cases.push({
        surface: surfaceId,
        config: {
          ...resolveOptimizer({ type, ...hp }),
          schedule,
          clip,
          noise,
          label: `${type} + ${schedule.type} + ${clip.type} clip + noise ${noise}`,
        },
        steps: PARITY_STEPS,
      });
    }
  }
  return cases;
}

function requestFor(
  ref: SurfaceRef,
  surface: ResolvedSurface,
  config: OptimizerConfig,
  steps: number,
  seed: number,
  stream: number,
): BatchRequest {
  return {
    surface: ref,
    optimizerType: config.type,
    count: 1,
    starts: Float64Array.from(surface.defaultStart),
    hyperparameters: particleHyperparameters(config.type, config.hyperparameters, 1),
    streams: Uint32Array.of(stream),
    steps,
    seed,
    schedule: config.schedule,
    clip: config.clip,
    noise: config.noise,
    lossTarget: -Infinity,
    sampleEvery: 1,
  };
}

/** Largest distance between two interleaved paths over points 0..last; Infinity if either has NaN. */
function pathDistance(path: Float64Array, other: (k: number) => number, last: number): number {
  let max = 0;
  for (let k = 0; k <= last; k++) {
    const d = Math.hypot(
      (path[2 * k] ?? Number.NaN) - other(2 * k),
      (path[2 * k + 1] ?? Number.NaN) - other(2 * k + 1),
    );
    max = Math.max(max, Number.isNaN(d) ? Infinity : d);
  }
  return max;
}

export async function runParity(
  engine: BatchEngine,
  cases: readonly ParityCase[] = parityCases(),
): Promise<ParityRow[]> {
  const rows: ParityRow[] = [];
  const seed = 7;
  for (const [index, c] of cases.entries()) {
    const resolved = resolveSurface(c.surface);
    if (!resolved.ok) throw new Error(`surface ${surfaceLabel(c.surface)}: ${resolved.error}`);
    const surface = resolved.value;
    const stream = index % 5;
    const cpu = runOptimizer(surface, c.config, surface.defaultStart, c.steps, seed, stream);
    const gpu = await engine.run(requestFor(c.surface, surface, c.config, c.steps, seed, stream));
    const scale = Math.max(
      surface.viewBox.w1[1] - surface.viewBox.w1[0],
      surface.viewBox.w2[1] - surface.viewBox.w2[0],
    );
    const nudge = 1e-6 * scale;
    const start = surface.defaultStart;
    const nudged = runOptimizer(
      surface,
      c.config,
      [start[0] + nudge, start[1] - nudge],
      c.steps,
      seed,
      stream,
    );
    const sensitivity =
      pathDistance(cpu.path, (k) => nudged.path[k] ?? Number.NaN, Math.min(cpu.steps, nudged.steps)) / scale;
    const overflows =
      Array.from(cpu.loss).some((loss) => Math.abs(loss) > 1e30) ||
      Array.from(cpu.path).some((w) => Math.abs(w) > 1e15);
    const chaotic = sensitivity > PARITY_TOLERANCE / 4 || nudged.steps !== cpu.steps || overflows;
    const gpuCompleted = gpu.summary[6] ?? -1;
    const maxError =
      pathDistance(
        cpu.path,
        (k) => gpu.trajectories[3 * (k >> 1) + (k & 1)] ?? Number.NaN,
        Math.min(cpu.steps, gpuCompleted),
      ) / scale;
    rows.push({
      surface: surfaceLabel(c.surface),
      optimizer: c.config.label,
      steps: c.steps,
      maxError,
      cpuCompleted: cpu.steps,
      gpuCompleted,
      chaotic,
      ok: chaotic || (maxError <= PARITY_TOLERANCE && gpuCompleted === cpu.steps),
    });
  }
  return rows;
}
