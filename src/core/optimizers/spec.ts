/**
 * An optimizer is one spec in one file: its hyperparameters (a table that drives the UI, the scene schema
 * and the link codec), its texts, the facts other parts read (second hyperparameter, parity settings,
 * moments) and its step. For an element-wise method the step is not written by hand: the spec holds its
 * rule (rule.ts) and elementwiseSpec() generates init/step from it, as the CPU batch kernel and the WGSL
 * are generated from it. Update rules follow torch.optim's documented algorithms so that a trajectory
 * here equals PyTorch's for the same settings.
 */
import type { Hessian2, HyperparameterSpec, Hyperparameters, Vec2 } from '../types';
import type { CompiledRule } from './rule';

/** What the loss surface offers an optimizer beyond the gradient (Newton needs the Hessian, random search the value). */
export interface Oracle {
  value(w1: number, w2: number): number;
  gradient(w1: number, w2: number): Vec2;
  hessian(w1: number, w2: number): Hessian2;
}

export interface StepContext<State> {
  /** 1-based step count, as torch's state['step'] after its increment. */
  readonly t: number;
  /** The learning rate after the schedule. */
  readonly lr: number;
  /** Current position. */
  readonly w: Vec2;
  /** Current loss. */
  readonly loss: number;
  /** Gradient after noise and clipping. */
  readonly g: Vec2;
  readonly hp: Hyperparameters;
  readonly state: State;
  readonly oracle: Oracle;
  /** Uniform(0,1) draws for stochastic optimizers, counter-based so they reproduce. */
  readonly random: (counter: number) => number;
}

export interface StepResult {
  /** Δw: the update actually taken. */
  readonly update: Vec2;
  /**
   * Effective learning rate per coordinate, as lecture 002 defines it: the factor that multiplies the
   * (first-moment of the) gradient, e.g. η/(δ+√r) for AdaGrad. NaN where it is not defined.
   */
  readonly effectiveLr: Vec2;
  /** Set when the rule itself cannot continue (a singular Hessian); the run stops there with this reason. */
  readonly failure?: string;
}

export interface AccumulatorSpec {
  readonly key: string;
  readonly label: string;
  readonly help: string;
  /** Set when this accumulator is the step's moment (direction memory): the symbol "inside the step" shows. */
  readonly moment?: string;
}

/** The hyperparameter one tunes after the learning rate (the lectures' pairing). */
export interface SecondHyperparameter {
  /** Layout column: 'momentum', 'betas[1]'… */
  readonly column: string;
  /** How a sweep spaces it: 'oneMinusLog' puts 0.9, 0.99, 0.999 and 0.9999 equally far apart. */
  readonly spacing: 'linear' | 'log' | 'oneMinusLog';
  /** The sweep's range. */
  readonly min: number;
  readonly max: number;
  /** The values a fair comparison tries. */
  readonly compared: readonly number[];
}

export type OptimizerFamily = 'gradient descent' | 'adaptive' | 'second order' | 'baseline';

export interface OptimizerSpec<State = unknown> {
  /** torch.optim class name (or our own for Newton and RandomSearch). */
  readonly type: string;
  readonly label: string;
  readonly family: OptimizerFamily;
  readonly description: string;
  /**
   * The update rule, one LaTeX line per equation, for the "inside the step" view: a function of the
   * hyperparameters where the settings change the rule (SGD without momentum has no buffer).
   */
  readonly equations: readonly string[] | ((hp: Hyperparameters) => readonly string[]);
  /** The lectures' own form of the rule where it differs from torch's, with how the two map. */
  readonly lectureForm?: (hp: Hyperparameters) => LectureForm | null;
  readonly hyperparameters: readonly HyperparameterSpec[];
  /** State vectors recorded per step (AdaGrad's r, Adam's m and v, the momentum buffer). */
  readonly accumulators: readonly AccumulatorSpec[];
  /** Combinations of hyperparameters torch.optim refuses, as a message naming the field (or null). */
  validate?(hp: Hyperparameters): { field: string; message: string } | null;
  init(hp: Hyperparameters): State;
  step(ctx: StepContext<State>): StepResult;
  /** Current accumulator values, in the order of `accumulators`. */
  readAccumulators(state: State): readonly Vec2[];
  /** The sweep's second axis and the comparison's second hyperparameter; absent: none is tuned. */
  readonly second?: SecondHyperparameter;
  /**
   * For methods whose steps are about lr per coordinate whatever the slope: the fraction of the view's
   * diagonal a suggested learning rate is (src/core/suggestSettings). Absent: no suggestion from it.
   */
  readonly lrViewFraction?: number;
  /** Settings the GPU parity test runs (rates that move visibly yet stay stable on most surfaces). */
  readonly paritySettings: Readonly<Record<string, unknown>>;
  /**
   * The element-wise rule init/step/readAccumulators were generated from (ruleStep.ts); the CPU batch
   * kernel and the WGSL rule are generated from it too. Absent for the hand-written methods.
   */
  readonly rule?: CompiledRule;
}

export interface LectureForm {
  /** Which lecture writes it this way (file prefix of shared/seeds). */
  readonly lecture: string;
  readonly equations: readonly string[];
  /** How the lecture's symbols map to torch's, and whether the trajectories agree. */
  readonly note: string;
}

/** The equations of the settings in force. */
export function equationsFor(spec: OptimizerSpec, hp: Hyperparameters): readonly string[] {
  return typeof spec.equations === 'function' ? spec.equations(hp) : spec.equations;
}

/** Weight decay as the rule applies it, when it is on. */
export const weightDecayLine = (hp: Hyperparameters): string[] =>
  typeof hp.weight_decay === 'number' && hp.weight_decay > 0 ? ['g_t \\leftarrow g_t + \\lambda w_t'] : [];

/**
 * Whether the optimizer can train a network: its rule acts coordinate by coordinate, so the 2-vector
 * step applies to every pair of parameters (Newton, L-BFGS and random search couple coordinates or need
 * the 2-D oracle; a look-ahead rule needs the gradient at another point of the whole network, a rule
 * with a sum adds over all parameters, not a pair, and the Hessian diagonal needs the surface).
 */
export function trainsNetworks(spec: OptimizerSpec<unknown>): boolean {
  return spec.rule !== undefined && !spec.rule.looksAhead && !spec.rule.reduces && !spec.rule.readsHessian;
}

/** Why an optimizer cannot train a network (the reverse of trainsNetworks), or null when it can. */
export function whyNotNetworks(spec: OptimizerSpec<unknown>): string | null {
  if (!spec.rule) return 'its step couples the two coordinates of the 2-D surface';
  const reasons = [
    spec.rule.looksAhead && 'takes its gradient at another point',
    spec.rule.reduces && 'adds over all the parameters (a norm or an inner product)',
    spec.rule.readsHessian && 'reads the Hessian diagonal',
  ].filter((reason): reason is string => typeof reason === 'string');
  return reasons.length ? reasons.join('; ') : null;
}

export function num(hp: Hyperparameters, key: string): number {
  const value = hp[key];
  if (typeof value !== 'number') throw new Error(`hyperparameter ${key} is not a number`);
  return value;
}

export function bool(hp: Hyperparameters, key: string): boolean {
  const value = hp[key];
  if (typeof value !== 'boolean') throw new Error(`hyperparameter ${key} is not a boolean`);
  return value;
}

export function pair(hp: Hyperparameters, key: string): readonly [number, number] {
  const value = hp[key];
  if (!Array.isArray(value)) throw new Error(`hyperparameter ${key} is not a pair`);
  return value as readonly [number, number];
}

/** Hyperparameter rows several optimizers share, with torch.optim's defaults. */
export const lrParam = (defaultLr: number, max = 10): HyperparameterSpec => ({
  key: 'lr',
  kind: 'number',
  label: 'learning rate η',
  default: defaultLr,
  min: 1e-6,
  max,
  scale: 'log',
});

export const epsParam = (defaultEps: number): HyperparameterSpec => ({
  key: 'eps',
  kind: 'number',
  label: 'ε (δ in the lectures)',
  default: defaultEps,
  min: 0,
  max: 1,
  scale: 'log',
  help: 'added to the denominator for numerical stability',
});

export const weightDecayParam = (defaultDecay = 0): HyperparameterSpec => ({
  key: 'weight_decay',
  kind: 'number',
  label: 'weight decay λ',
  default: defaultDecay,
  min: 0,
  max: 1,
  scale: 'linear',
});

export const betasParam: HyperparameterSpec = {
  key: 'betas',
  kind: 'pair',
  label: 'betas',
  labels: ['β₁ (first moment)', 'β₂ (second moment)'],
  default: [0.9, 0.999],
  min: 0,
  max: 0.99999,
  scale: 'linear',
};

/** Per-coordinate helpers keep the update rules readable as the lectures write them. */
export function map2(a: Vec2, f: (x: number, i: 0 | 1) => number): [number, number] {
  return [f(a[0], 0), f(a[1], 1)];
}

/** −Δwᵢ/gᵢ: the rate a method without an explicit one (Newton, L-BFGS) effectively applied. */
export function impliedLearningRate(update: Vec2, g: Vec2): [number, number] {
  return map2(update, (u, i) => (g[i] !== 0 ? -u / g[i] : Number.NaN));
}

/** g + λw: L2 weight decay folded into the gradient, as torch.optim does (except AdamW). */
export function withWeightDecay(g: Vec2, w: Vec2, decay: number): Vec2 {
  return decay === 0 ? g : [g[0] + decay * w[0], g[1] + decay * w[1]];
}
