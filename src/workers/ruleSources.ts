/**
 * The CPU sources kernelGenerator.ts splices into the shared particle loop: the hyperparameters a rule
 * reads (as named locals), its per-particle setup (derived constants and state, as locals) and its step,
 * so every rule runs as its own loop with its state in registers: no per-step reads and writes of state
 * arrays, no call per step (docs/benchmarks.md has the profile).
 *
 * Element-wise optimizers get theirs generated from their rule (ruleKernelSource.ts). Written here by
 * hand are only the methods that are not element-wise (see src/core/optimizers/rule.ts): Newton and
 * random search, in the same arithmetic order as their specs so trajectories are bit-identical to
 * runOptimizer (cpuKernel.test.ts), and the fallback that calls a spec's own step (L-BFGS). In a step,
 * `d1, d2` is the gradient the optimizer sees (after noise and clipping), `lr` the scheduled rate, `t`
 * the 1-based step, `w1, w2, loss` the current point, `oracle` the surface; the step sets `u1, u2` (Δw)
 * and may set `ok = false` (the rule cannot continue).
 */

export interface RuleSource {
  /** Local name → hyperparameter column (`betas[0]` for half of a pair); booleans read as `!== 0`. */
  readonly slots: Readonly<Record<string, string>>;
  readonly booleans?: readonly string[];
  /** Statements run once per particle after the slots are read: derived constants, state. */
  readonly setup: string;
  readonly step: string;
  /** Statements run once per batch before the particle loop (memoized power tables). */
  readonly prelude?: string;
}

/** The hand-written CPU rules of the methods that are not element-wise. */
export const HAND_WRITTEN_RULE_SOURCES: Readonly<Record<string, RuleSource>> = {
  Newton: {
    slots: { damping: 'damping' },
    setup: '',
    step: `
      const [hxx, hxy, hyy] = oracle.hessian(w1, w2);
      const a = hxx + damping;
      const b = hyy + damping;
      const determinant = a * b - hxy * hxy;
      if (!Number.isFinite(determinant) || Math.abs(determinant) < 1e-300) {
        u1 = 0;
        u2 = 0;
        ok = false;
      } else {
        u1 = (-lr * (b * d1 - hxy * d2)) / determinant;
        u2 = (-lr * (-hxy * d1 + a * d2)) / determinant;
      }`,
  },
  RandomSearch: {
    slots: { globalSearch: 'global_search' },
    booleans: ['globalSearch'],
    setup: '',
    step: `
      const radius1 = Math.sqrt(-2 * Math.log(uniform(seed, stream, RNG_CHANNEL.randomSearch, 4 * t)));
      const radius2 = Math.sqrt(-2 * Math.log(uniform(seed, stream, RNG_CHANNEL.randomSearch, 4 * t + 2)));
      const z1 = radius1 * Math.cos(2 * Math.PI * uniform(seed, stream, RNG_CHANNEL.randomSearch, 4 * t + 1));
      const z2 = radius2 * Math.cos(2 * Math.PI * uniform(seed, stream, RNG_CHANNEL.randomSearch, 4 * t + 3));
      if (globalSearch) {
        const better = oracle.value(lr * z1, lr * z2) < loss;
        u1 = better ? lr * z1 - w1 : 0;
        u2 = better ? lr * z2 - w2 : 0;
      } else {
        const accepted = oracle.value(w1 + lr * z1, w2 + lr * z2) < loss;
        u1 = accepted ? lr * z1 : 0;
        u2 = accepted ? lr * z2 : 0;
      }`,
  },
};

/** Any other optimizer (L-BFGS): its spec's own step, with its state object. */
export const SPEC_STEP_SOURCE: RuleSource = {
  slots: {},
  setup: `
      const hp = decodeHyperparameters(layout, hpRows, h);
      const state = spec.init(hp);
      const random = (counter: number) => uniform(seed, stream, RNG_CHANNEL.randomSearch, counter);`,
  step: `
      const result = spec.step({ t, lr, w: [w1, w2], loss, g: [d1, d2], hp, state, oracle, random });
      u1 = result.update[0];
      u2 = result.update[1];
      ok = !result.failure;`,
};
