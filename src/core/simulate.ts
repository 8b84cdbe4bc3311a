/**
 * simulate(scene): every optimizer of a scene stepped from the same start, in float64, recording per step
 * what the panels draw — position, loss, gradient, update, effective learning rate and accumulators.
 * A trajectory that produces NaN/Inf or leaves the divergence bound stops there, with the step recorded
 * and why (diverged, or ran off to −∞ downhill on a surface unbounded below).
 */
import { addGradientNoise, clipGradient } from './gradientProcessing';
import { LIMITS } from './limits';
import { getOptimizer, type Oracle } from './optimizers';
import { uniform, RNG_CHANNEL } from './rng';
import { parseScene, sceneToJson, type OptimizerConfig, type Scene } from './scene';
import { resolveSurface, type ResolvedSurface } from './resolveSurface';
import { scheduledLearningRate } from './schedules';
import type { Vec2 } from './types';

/**
 * Why a trajectory stopped early: it diverged (NaN/Inf, or left the bound uphill), it ran off to −∞ (left
 * the bound going downhill, below where it started: the surface is unbounded below, and the optimizer did
 * its job), it reached a point where the function is undefined (a typed log(w1) at w1 < 0), or its own rule
 * could not continue (a singular Hessian).
 */
export type StopKind = 'diverged' | 'unbounded' | 'undefined' | 'failed';

export interface Divergence {
  /** The update (1-based) that produced the bad point; 0 when the start itself is undefined. */
  readonly step: number;
  readonly kind: StopKind;
  readonly reason: string;
}

export interface AccumulatorTrace {
  readonly key: string;
  readonly label: string;
  /** The symbol of the step's moment, when this accumulator is one (the spec's AccumulatorSpec.moment). */
  readonly moment?: string;
  /** Interleaved (w1, w2) per completed step. */
  readonly values: Float64Array;
}

export interface Trajectory {
  readonly index: number;
  readonly config: OptimizerConfig;
  /** Number of completed updates n; path has n+1 points. */
  readonly steps: number;
  /** Interleaved (w1, w2), n+1 points including the start. */
  readonly path: Float64Array;
  /** Loss at each of the n+1 points. */
  readonly loss: Float64Array;
  /** Per update (n entries, interleaved): the gradient the optimizer saw (after noise and clipping). */
  readonly gradient: Float64Array;
  readonly update: Float64Array;
  readonly effectiveLr: Float64Array;
  /** Scheduled learning rate per update. */
  readonly learningRate: Float64Array;
  readonly accumulators: readonly AccumulatorTrace[];
  readonly divergence: Divergence | null;
}

export interface Simulation {
  readonly scene: Scene;
  readonly surface: ResolvedSurface;
  readonly start: Vec2;
  readonly trajectories: readonly Trajectory[];
}

export class SceneError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`invalid scene: ${errors.join('; ')}`);
    this.name = 'SceneError';
  }
}

function isOutside(w1: number, w2: number): boolean {
  return Math.abs(w1) > LIMITS.divergenceBound || Math.abs(w2) > LIMITS.divergenceBound;
}

/**
 * A run that leaves the bound at step t went downhill to get there: its loss is below the start's and
 * below the step before. On a bounded surface leaving the bound always means climbing, so this is the
 * signature of a surface unbounded below (w1³, w1² − w2²), not of an unstable step.
 */
export function ranOffDownhill(loss: Float64Array, t: number): boolean {
  const exit = loss[t]!;
  return Number.isFinite(exit) && exit < loss[0]! && exit <= loss[t - 1]!;
}

export function runOptimizer(
  oracle: Oracle,
  config: OptimizerConfig,
  start: Vec2,
  steps: number,
  seed: number,
  index: number,
): Trajectory {
  const spec = getOptimizer(config.type);
  if (!spec) throw new SceneError([`optimizers[${index}].type: unknown optimizer ${config.type}`]);
  const path = new Float64Array(2 * (steps + 1));
  const loss = new Float64Array(steps + 1);
  const gradient = new Float64Array(2 * steps);
  const update = new Float64Array(2 * steps);
  const effectiveLr = new Float64Array(2 * steps);
  const learningRate = new Float64Array(steps);
  const accumulatorValues = spec.accumulators.map(() => new Float64Array(2 * steps));
  const state = spec.init(config.hyperparameters);
  const random = (counter: number) => uniform(seed, index, RNG_CHANNEL.randomSearch, counter);

  let w: Vec2 = start;
  let currentLoss = oracle.value(w[0], w[1]);
  path[0] = w[0];
  path[1] = w[1];
  loss[0] = currentLoss;
  let completed = 0;
  let divergence: Divergence | null = Number.isFinite(currentLoss)
    ? null
    : { step: 0, kind: 'undefined', reason: 'the loss is undefined at the start point' };

  for (let t = 1; t <= steps && !divergence; t++) {
    const trueGradient = oracle.gradient(w[0], w[1]);
    const g: [number, number] = [trueGradient[0], trueGradient[1]];
    if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) {
      divergence = { step: t, kind: 'undefined', reason: 'the gradient is undefined here' };
      break;
    }
    addGradientNoise(g, config.noise, seed, index, t);
    clipGradient(g, config.clip);
    const lr = scheduledLearningRate(config.schedule, config.hyperparameters.lr as number, t - 1);
    const result = spec.step({
      t,
      lr,
      w,
      loss: currentLoss,
      g,
      hp: config.hyperparameters,
      state,
      oracle,
      random,
    });
    const next: Vec2 = [w[0] + result.update[0], w[1] + result.update[1]];
    const nextLoss = oracle.value(next[0], next[1]);
    if (result.failure) {
      divergence = { step: t, kind: 'failed', reason: result.failure };
      break;
    }
    // A non-finite point is never recorded: panels, scales and paths only ever see finite numbers.
    if (!Number.isFinite(next[0]) || !Number.isFinite(next[1])) {
      divergence = { step: t, kind: 'diverged', reason: 'the update became NaN or infinite' };
      break;
    }
    if (!Number.isFinite(nextLoss)) {
      divergence = {
        step: t,
        kind: 'undefined',
        reason: 'the loss is undefined or infinite at the next point',
      };
      break;
    }
    const o = 2 * (t - 1);
    gradient[o] = g[0];
    gradient[o + 1] = g[1];
    update[o] = result.update[0];
    update[o + 1] = result.update[1];
    effectiveLr[o] = result.effectiveLr[0];
    effectiveLr[o + 1] = result.effectiveLr[1];
    learningRate[t - 1] = lr;
    spec.readAccumulators(state).forEach((value, k) => {
      accumulatorValues[k]![o] = value[0];
      accumulatorValues[k]![o + 1] = value[1];
    });
    w = next;
    currentLoss = nextLoss;
    path[2 * t] = w[0];
    path[2 * t + 1] = w[1];
    loss[t] = currentLoss;
    completed = t;
    if (isOutside(w[0], w[1]))
      divergence = ranOffDownhill(loss, t)
        ? {
            step: t,
            kind: 'unbounded',
            reason: 'the loss kept falling as the trajectory left every bound (|w| > 1e6): unbounded below',
          }
        : { step: t, kind: 'diverged', reason: 'the trajectory left every bound (|w| > 1e6)' };
  }

  return {
    index,
    config,
    steps: completed,
    path: path.slice(0, 2 * (completed + 1)),
    loss: loss.slice(0, completed + 1),
    gradient: gradient.slice(0, 2 * completed),
    update: update.slice(0, 2 * completed),
    effectiveLr: effectiveLr.slice(0, 2 * completed),
    learningRate: learningRate.slice(0, completed),
    accumulators: spec.accumulators.map((accumulator, k) => ({
      key: accumulator.key,
      label: accumulator.label,
      ...(accumulator.moment ? { moment: accumulator.moment } : {}),
      values: accumulatorValues[k]!.slice(0, 2 * completed),
    })),
    divergence,
  };
}

/** The headless API: validates a scene (plain JSON or already parsed) and runs every optimizer. */
export function simulate(input: unknown): Simulation {
  // A scene that is already parsed is validated again (through its JSON form): JSON that merely has the
  // parsed shape (a file given to the CLI) must not skip the schema's limits on steps, counts and ranges.
  const scene = parseOrThrow(isParsedScene(input) ? parsedToJson(input) : input);
  const surface = resolveSurface(scene.surface);
  if (!surface.ok) throw new SceneError([`surface: ${surface.error}`]);
  return simulateOnSurface(surface.value, scene);
}

/**
 * Runs a validated scene's optimizers on a surface given directly — one no scene JSON can name, such as
 * the loss slice of a network trained in the browser.
 */
export function simulateOnSurface(surface: ResolvedSurface, scene: Scene): Simulation {
  const start = scene.start ?? surface.defaultStart;
  const trajectories = scene.optimizers.map((config, index) =>
    runOptimizer(surface, config, start, scene.steps, scene.seed, index),
  );
  return { scene, surface, start, trajectories };
}

function parsedToJson(scene: Scene): unknown {
  try {
    return sceneToJson(scene);
  } catch (error) {
    throw new SceneError([
      `scene: not a valid scene (${error instanceof Error ? error.message : String(error)})`,
    ]);
  }
}

function parseOrThrow(input: unknown): Scene {
  const parsed = parseScene(input);
  if (!parsed.ok) throw new SceneError(parsed.errors);
  return parsed.value;
}

function isParsedScene(input: unknown): input is Scene {
  return (
    typeof input === 'object' &&
    input !== null &&
    Array.isArray((input as Scene).optimizers) &&
    (input as Scene).optimizers.every((o) => typeof o === 'object' && o !== null && 'hyperparameters' in o)
  );
}
