/**
 * Allocation-free float64 update rules for the CPU engine's inner loop: the same arithmetic, in the same
 * order, as each spec's step in src/core/optimizers (so results are bit-identical, which
 * cpuKernel.test.ts checks against runOptimizer). Optimizers without a rule here use the spec's step.
 *
 * Written for V8's optimizing compiler: one step function per rule at module level, called from the
 * switch in cpuKernel.ts, where every call site only ever calls one function, so the batch's rule can be
 * inlined into the loop (a call through a rule object or closure is polymorphic, is not inlined, and
 * boxes every double argument: that cost about half the loop). V8 inlines only functions under 460
 * bytes of bytecode, so the bigger rules are split (Adam's moments) or read precomputed constants.
 * Each particle's hyperparameters are copied once into `k` (fixed slots per rule, below) and its state
 * lives in `s`; both are Float64Arrays reused for every particle of a batch.
 */
import type { Oracle } from '../core/optimizers';
import { RNG_CHANNEL, uniform } from '../core/rng';
import type { HyperparameterLayout } from '../engine/layout';

/** The rules, as small integers for the dispatch switch. */
export const RULE = {
  SGD: 0,
  Adagrad: 1,
  RMSprop: 2,
  Adam: 3,
  AdamW: 4,
  Adamax: 5,
  NAdam: 6,
  Adadelta: 7,
  Newton: 8,
  RandomSearch: 9,
} as const;

/**
 * Math.pow(base, f(t)) memoized per step for the current base: the same call with the same arguments,
 * so bit-identical, but paid once per step index instead of once per particle-step when a batch shares
 * its betas (Math.pow dominates an Adam step otherwise).
 */
export class StepPowers {
  private key = Number.NaN;
  private readonly values: Float64Array;

  constructor(
    steps: number,
    private readonly compute: (key: number, t: number) => number,
  ) {
    this.values = new Float64Array(steps + 1).fill(Number.NaN);
  }

  /** Small enough for V8 to inline into the loop; the rare work is in `rebase` and `fill`. */
  get(key: number, t: number): number {
    if (key !== this.key) this.rebase(key);
    const value = this.values[t]!;
    return value === value ? value : this.fill(t);
  }

  private rebase(key: number): void {
    this.key = key;
    this.values.fill(Number.NaN);
  }

  private fill(t: number): number {
    const value = this.compute(this.key, t);
    this.values[t] = value;
    return value;
  }
}

/** What a rule needs besides its slots: the surface, the particle's random stream, the memoized powers. */
export class RuleContext {
  /** The current particle's random stream (set by the kernel per particle). */
  stream = 0;
  readonly power1: StepPowers;
  readonly power2: StepPowers;
  /** Adam's 1 − β₁ᵗ and √(1 − β₂ᵗ): the spec's expressions, evaluated once per step index. */
  readonly firstCorrection: StepPowers;
  readonly rootSecondCorrection: StepPowers;
  /** NAdam's momentum warm-up 0.96^(tψ) and 0.96^((t+1)ψ). */
  readonly warmup: StepPowers;
  readonly warmupNext: StepPowers;

  constructor(
    readonly oracle: Oracle,
    readonly seed: number,
    steps: number,
  ) {
    this.power1 = new StepPowers(steps, (base, t) => Math.pow(base, t));
    this.power2 = new StepPowers(steps, (base, t) => Math.pow(base, t));
    this.firstCorrection = new StepPowers(steps, (beta1, t) => 1 - Math.pow(beta1, t));
    this.rootSecondCorrection = new StepPowers(steps, (beta2, t) => Math.sqrt(1 - Math.pow(beta2, t)));
    this.warmup = new StepPowers(steps, (psi, t) => Math.pow(0.96, t * psi));
    this.warmupNext = new StepPowers(steps, (psi, t) => Math.pow(0.96, (t + 1) * psi));
  }
}

/**
 * One step of a rule: reads the gradient (g1, g2) the optimizer sees, writes Δw into out[0..1]; returns
 * false when the rule cannot continue (a singular Hessian). `k` holds the particle's hyperparameters in
 * the slots its rule lists below, `s` its state.
 */
type StepFunction = (
  t: number,
  lr: number,
  w1: number,
  w2: number,
  loss: number,
  g1: number,
  g2: number,
  k: Float64Array,
  s: Float64Array,
  out: number[],
  c: RuleContext,
) => boolean;

// k: momentum, dampening, nesterov, weight_decay; s: buffer (2), buffer started.
export const sgd: StepFunction = (_t, lr, w1, w2, _loss, g1, g2, k, s, out) => {
  const momentum = k[0]!;
  const decay = k[3]!;
  if (decay !== 0) {
    g1 = g1 + decay * w1;
    g2 = g2 + decay * w2;
  }
  if (momentum !== 0) {
    const dampening = k[1]!;
    let b1: number;
    let b2: number;
    if (s[2] === 1) {
      b1 = momentum * s[0]! + (1 - dampening) * g1;
      b2 = momentum * s[1]! + (1 - dampening) * g2;
    } else {
      b1 = g1;
      b2 = g2;
      s[2] = 1;
    }
    s[0] = b1;
    s[1] = b2;
    if (k[2] !== 0) {
      g1 = g1 + momentum * b1;
      g2 = g2 + momentum * b2;
    } else {
      g1 = b1;
      g2 = b2;
    }
  }
  out[0] = -lr * g1;
  out[1] = -lr * g2;
  return true;
};

// k: weight_decay, lr_decay, eps, initial_accumulator_value; s: r (2).
export const adagrad: StepFunction = (t, lr, w1, w2, _loss, g1, g2, k, s, out) => {
  const decay = k[0]!;
  if (decay !== 0) {
    g1 = g1 + decay * w1;
    g2 = g2 + decay * w2;
  }
  const eps = k[2]!;
  const clr = lr / (1 + (t - 1) * k[1]!);
  const r1 = s[0]! + g1 * g1;
  const r2 = s[1]! + g2 * g2;
  s[0] = r1;
  s[1] = r2;
  out[0] = -(clr / (Math.sqrt(r1) + eps)) * g1;
  out[1] = -(clr / (Math.sqrt(r2) + eps)) * g2;
  return true;
};

// k: alpha, eps, weight_decay, momentum, centered; s: r (2), mean (2), buffer (2).
export const rmsprop: StepFunction = (_t, lr, w1, w2, _loss, g1, g2, k, s, out) => {
  const decay = k[2]!;
  if (decay !== 0) {
    g1 = g1 + decay * w1;
    g2 = g2 + decay * w2;
  }
  const alpha = k[0]!;
  const eps = k[1]!;
  const momentum = k[3]!;
  const r1 = alpha * s[0]! + (1 - alpha) * g1 * g1;
  const r2 = alpha * s[1]! + (1 - alpha) * g2 * g2;
  s[0] = r1;
  s[1] = r2;
  let v1 = r1;
  let v2 = r2;
  if (k[4] !== 0) {
    const m1 = alpha * s[2]! + (1 - alpha) * g1;
    const m2 = alpha * s[3]! + (1 - alpha) * g2;
    s[2] = m1;
    s[3] = m2;
    v1 = r1 - m1 * m1;
    v2 = r2 - m2 * m2;
  }
  const d1 = Math.sqrt(v1) + eps;
  const d2 = Math.sqrt(v2) + eps;
  if (momentum > 0) {
    const b1 = momentum * s[4]! + g1 / d1;
    const b2 = momentum * s[5]! + g2 / d2;
    s[4] = b1;
    s[5] = b2;
    out[0] = -lr * b1;
    out[1] = -lr * b2;
  } else {
    out[0] = -(lr / d1) * g1;
    out[1] = -(lr / d2) * g2;
  }
  return true;
};

// k: betas[0], betas[1], eps, weight_decay, amsgrad, bias_correction, then 1 − β₁ and 1 − β₂ (computed
// once, the same numbers the spec computes every step); s: m (2), v (2), max v (2).
/** The moment updates and bias-corrected step Adam and AdamW share (the spec's adamStep), into out. */
function adamMoments(
  t: number,
  lr: number,
  g1: number,
  g2: number,
  k: Float64Array,
  s: Float64Array,
  out: number[],
  c: RuleContext,
): void {
  const beta1 = k[0]!;
  const beta2 = k[1]!;
  const m1 = beta1 * s[0]! + k[6]! * g1;
  const m2 = beta1 * s[1]! + k[6]! * g2;
  const v1 = beta2 * s[2]! + k[7]! * g1 * g1;
  const v2 = beta2 * s[3]! + k[7]! * g2 * g2;
  s[0] = m1;
  s[1] = m2;
  s[2] = v1;
  s[3] = v2;
  let q1 = v1;
  let q2 = v2;
  if (k[4] !== 0) {
    q1 = s[4] = Math.max(s[4]!, v1);
    q2 = s[5] = Math.max(s[5]!, v2);
  }
  const corrected = k[5] !== 0;
  const firstCorrection = corrected ? c.firstCorrection.get(beta1, t) : 1;
  const root = corrected ? c.rootSecondCorrection.get(beta2, t) : 1;
  const eps = k[2]!;
  out[0] = (-(lr / (Math.sqrt(q1) / root + eps)) * m1) / firstCorrection;
  out[1] = (-(lr / (Math.sqrt(q2) / root + eps)) * m2) / firstCorrection;
}

/** Adam folds the weight decay into g. */
export const adam: StepFunction = (t, lr, w1, w2, _loss, g1, g2, k, s, out, c) => {
  const decay = k[3]!;
  if (decay !== 0) {
    g1 = g1 + decay * w1;
    g2 = g2 + decay * w2;
  }
  adamMoments(t, lr, g1, g2, k, s, out, c);
  return true;
};

/** AdamW decays the weights directly: Δw = Adam's step − lr·decay·w. */
export const adamW: StepFunction = (t, lr, w1, w2, _loss, g1, g2, k, s, out, c) => {
  adamMoments(t, lr, g1, g2, k, s, out, c);
  const shrink = lr * k[3]!;
  out[0] = out[0]! - shrink * w1;
  out[1] = out[1]! - shrink * w2;
  return true;
};

// k: betas[0], betas[1], eps, weight_decay; s: m (2), u (2).
export const adamax: StepFunction = (t, lr, w1, w2, _loss, g1, g2, k, s, out, c) => {
  const decay = k[3]!;
  if (decay !== 0) {
    g1 = g1 + decay * w1;
    g2 = g2 + decay * w2;
  }
  const beta1 = k[0]!;
  const beta2 = k[1]!;
  const eps = k[2]!;
  const m1 = beta1 * s[0]! + (1 - beta1) * g1;
  const m2 = beta1 * s[1]! + (1 - beta1) * g2;
  const u1 = Math.max(beta2 * s[2]!, Math.abs(g1) + eps);
  const u2 = Math.max(beta2 * s[3]!, Math.abs(g2) + eps);
  s[0] = m1;
  s[1] = m2;
  s[2] = u1;
  s[3] = u2;
  const firstCorrection = 1 - c.power1.get(beta1, t);
  out[0] = (-(lr / u1) * m1) / firstCorrection;
  out[1] = (-(lr / u2) * m2) / firstCorrection;
  return true;
};

// k: betas[0], betas[1], eps, weight_decay, momentum_decay, then 1 − β₁ and 1 − β₂; s: m (2), v (2),
// product of μ (starts at 1).
export const nadam: StepFunction = (t, lr, w1, w2, _loss, g1, g2, k, s, out, c) => {
  const decay = k[3]!;
  if (decay !== 0) {
    g1 = g1 + decay * w1;
    g2 = g2 + decay * w2;
  }
  const beta1 = k[0]!;
  const beta2 = k[1]!;
  const eps = k[2]!;
  const psi = k[4]!;
  const mu = beta1 * (1 - 0.5 * c.warmup.get(psi, t));
  const muNext = beta1 * (1 - 0.5 * c.warmupNext.get(psi, t));
  const muProduct = s[4]! * mu;
  s[4] = muProduct;
  const m1 = beta1 * s[0]! + k[5]! * g1;
  const m2 = beta1 * s[1]! + k[5]! * g2;
  const v1 = beta2 * s[2]! + k[6]! * g1 * g1;
  const v2 = beta2 * s[3]! + k[6]! * g2 * g2;
  s[0] = m1;
  s[1] = m2;
  s[2] = v1;
  s[3] = v2;
  const secondCorrection = 1 - c.power2.get(beta2, t);
  const d1 = Math.sqrt(v1 / secondCorrection) + eps;
  const d2 = Math.sqrt(v2 / secondCorrection) + eps;
  const gradientWeight = (lr * (1 - mu)) / (1 - muProduct);
  const momentumWeight = (lr * muNext) / (1 - muProduct * muNext);
  out[0] = -(gradientWeight * g1 + momentumWeight * m1) / d1;
  out[1] = -(gradientWeight * g2 + momentumWeight * m2) / d2;
  return true;
};

// k: rho, eps, weight_decay; s: r (2), accumulated Δ² (2).
export const adadelta: StepFunction = (_t, lr, w1, w2, _loss, g1, g2, k, s, out) => {
  const decay = k[2]!;
  if (decay !== 0) {
    g1 = g1 + decay * w1;
    g2 = g2 + decay * w2;
  }
  const rho = k[0]!;
  const eps = k[1]!;
  const r1 = rho * s[0]! + (1 - rho) * g1 * g1;
  const r2 = rho * s[1]! + (1 - rho) * g2 * g2;
  s[0] = r1;
  s[1] = r2;
  const delta1 = (Math.sqrt(s[2]! + eps) / Math.sqrt(r1 + eps)) * g1;
  const delta2 = (Math.sqrt(s[3]! + eps) / Math.sqrt(r2 + eps)) * g2;
  s[2] = rho * s[2]! + (1 - rho) * delta1 * delta1;
  s[3] = rho * s[3]! + (1 - rho) * delta2 * delta2;
  out[0] = -lr * delta1;
  out[1] = -lr * delta2;
  return true;
};

// k: damping; no state.
export const newton: StepFunction = (_t, lr, w1, w2, _loss, g1, g2, k, _s, out, c) => {
  const damping = k[0]!;
  const [hxx, hxy, hyy] = c.oracle.hessian(w1, w2);
  const a = hxx + damping;
  const c2 = hyy + damping;
  const determinant = a * c2 - hxy * hxy;
  if (!Number.isFinite(determinant) || Math.abs(determinant) < 1e-300) {
    out[0] = 0;
    out[1] = 0;
    return false;
  }
  out[0] = (-lr * (c2 * g1 - hxy * g2)) / determinant;
  out[1] = (-lr * (-hxy * g1 + a * g2)) / determinant;
  return true;
};

// No slots, no state: the draws come from the particle's stream.
export const randomSearch: StepFunction = (t, lr, w1, w2, loss, _g1, _g2, _k, _s, out, c) => {
  const channel = RNG_CHANNEL.randomSearch;
  const radius1 = Math.sqrt(-2 * Math.log(uniform(c.seed, c.stream, channel, 4 * t)));
  const radius2 = Math.sqrt(-2 * Math.log(uniform(c.seed, c.stream, channel, 4 * t + 2)));
  const z1 = radius1 * Math.cos(2 * Math.PI * uniform(c.seed, c.stream, channel, 4 * t + 1));
  const z2 = radius2 * Math.cos(2 * Math.PI * uniform(c.seed, c.stream, channel, 4 * t + 3));
  const accepted = c.oracle.value(w1 + lr * z1, w2 + lr * z2) < loss;
  out[0] = accepted ? lr * z1 : 0;
  out[1] = accepted ? lr * z2 : 0;
  return true;
};

interface RuleTable {
  readonly kind: number;
  /** Hyperparameter columns copied into the slots k[0], k[1], … in this order. */
  readonly slots: readonly string[];
  /** Constants computed once per particle from the slots, stored after them. */
  readonly derived?: { readonly count: number; readonly compute: (k: Float64Array) => void };
  readonly stateSize: number;
  /** Initial state where it is not all zeros. */
  readonly initState?: (k: Float64Array, s: Float64Array) => void;
}

const ADAM_SLOTS = ['betas[0]', 'betas[1]', 'eps', 'weight_decay', 'amsgrad', 'bias_correction'];
const ADAM_DERIVED = {
  count: 2,
  compute: (k: Float64Array) => {
    k[6] = 1 - k[0]!;
    k[7] = 1 - k[1]!;
  },
};

const RULES: Readonly<Record<string, RuleTable>> = {
  SGD: { kind: RULE.SGD, slots: ['momentum', 'dampening', 'nesterov', 'weight_decay'], stateSize: 3 },
  Adagrad: {
    kind: RULE.Adagrad,
    slots: ['weight_decay', 'lr_decay', 'eps', 'initial_accumulator_value'],
    stateSize: 2,
    initState: (k, s) => s.fill(k[3]!),
  },
  RMSprop: {
    kind: RULE.RMSprop,
    slots: ['alpha', 'eps', 'weight_decay', 'momentum', 'centered'],
    stateSize: 6,
  },
  Adam: { kind: RULE.Adam, slots: ADAM_SLOTS, derived: ADAM_DERIVED, stateSize: 6 },
  AdamW: { kind: RULE.AdamW, slots: ADAM_SLOTS, derived: ADAM_DERIVED, stateSize: 6 },
  Adamax: { kind: RULE.Adamax, slots: ['betas[0]', 'betas[1]', 'eps', 'weight_decay'], stateSize: 4 },
  NAdam: {
    kind: RULE.NAdam,
    slots: ['betas[0]', 'betas[1]', 'eps', 'weight_decay', 'momentum_decay'],
    derived: {
      count: 2,
      compute: (k) => {
        k[5] = 1 - k[0]!;
        k[6] = 1 - k[1]!;
      },
    },
    stateSize: 5,
    initState: (_k, s) => {
      s[4] = 1;
    },
  },
  Adadelta: { kind: RULE.Adadelta, slots: ['rho', 'eps', 'weight_decay'], stateSize: 4 },
  Newton: { kind: RULE.Newton, slots: ['damping'], stateSize: 0 },
  RandomSearch: { kind: RULE.RandomSearch, slots: [], stateSize: 0 },
};

/** A rule bound to a batch's hyperparameter layout: its kind, and how a particle's k and s start. */
export interface BoundRule {
  readonly kind: number;
  /** Fills k from the particle's hyperparameter row at `h` and resets s to the initial state. */
  init(hp: Float64Array, h: number, k: Float64Array, s: Float64Array): void;
  /** Sizes for the k and s arrays. */
  readonly slotCount: number;
  readonly stateSize: number;
}

export function fastRule(layout: HyperparameterLayout): BoundRule | null {
  const table = RULES[layout.optimizerType];
  if (!table) return null;
  const columns = table.slots.map((name) => {
    const index = layout.columns.findIndex((column) => column.name === name);
    if (index < 0) throw new Error(`${layout.optimizerType} has no column ${name}`);
    return index;
  });
  return {
    kind: table.kind,
    slotCount: columns.length + (table.derived?.count ?? 0),
    stateSize: table.stateSize,
    init(hp, h, k, s) {
      for (let i = 0; i < columns.length; i++) k[i] = hp[h + columns[i]!]!;
      table.derived?.compute(k);
      s.fill(0);
      table.initState?.(k, s);
    },
  };
}
