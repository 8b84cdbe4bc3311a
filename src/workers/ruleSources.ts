/**
 * The CPU update rules, one entry per optimizer: the hyperparameters a rule reads (as named locals), its
 * per-particle setup (derived constants and state, as locals) and its step. kernelGenerator.ts splices
 * each into the shared particle loop, so every rule runs as its own loop with its state in registers:
 * no per-step reads and writes of state arrays, no call per step (docs/benchmarks.md has the profile).
 *
 * The arithmetic is the specs' (src/core/optimizers), in the same order, so trajectories are
 * bit-identical to runOptimizer (cpuKernel.test.ts). In a step, `d1, d2` is the gradient the optimizer
 * sees (after noise and clipping; a rule may fold weight decay into it), `lr` the scheduled rate, `t` the
 * 1-based step, `w1, w2, loss` the current point, `c` the RuleContext (memoized powers), `oracle` the surface;
 * the step sets `u1, u2` (Δw) and may set `ok = false` (the rule cannot continue).
 */

export interface RuleSource {
  /** Local name → hyperparameter column (`betas[0]` for half of a pair); booleans read as `!== 0`. */
  readonly slots: Readonly<Record<string, string>>;
  readonly booleans?: readonly string[];
  /** Statements run once per particle after the slots are read: derived constants, state. */
  readonly setup: string;
  readonly step: string;
}

/**
 * A memoized power table the setup takes for this particle's key, and how far it is computed: the setup
 * half of `memoized`.
 */
const powerTable = (table: string, powers: string, key: string) => `
      const ${table} = c.${powers}.table(${key});
      let ${table}Ready = c.${powers}.filled;`;

/**
 * Reads a memoized power for step t from a table the setup took (`powerTable`), computing more of it
 * (the spec's own expression) when t is past what is ready: an integer test per step, not a test of
 * the value read.
 */
const memoized = (local: string, table: string, powers: string) => `
      if (t > ${table}Ready) ${table}Ready = c.${powers}.extend(t);
      const ${local} = ${table}[t]!;`;

const weightDecayIntoGradient = `
  if (decay !== 0) {
    d1 = d1 + decay * w1;
    d2 = d2 + decay * w2;
  }`;

/** Adam and AdamW: Kingma & Ba's moments with torch's denominator √v/√(1−β₂ᵗ) + ε. */
function adamSource(decoupled: boolean): RuleSource {
  return {
    slots: {
      beta1: 'betas[0]',
      beta2: 'betas[1]',
      eps: 'eps',
      decay: 'weight_decay',
      amsgrad: 'amsgrad',
      corrected: 'bias_correction',
    },
    booleans: ['amsgrad', 'corrected'],
    setup: `
      const oneMinusBeta1 = 1 - beta1;
      const oneMinusBeta2 = 1 - beta2;
${powerTable('firstCorrections', 'firstCorrection', 'beta1')}${powerTable('roots', 'rootSecondCorrection', 'beta2')}
      let m1 = 0;
      let m2 = 0;
      let v1 = 0;
      let v2 = 0;
      let vMax1 = 0;
      let vMax2 = 0;`,
    step: `${decoupled ? '' : weightDecayIntoGradient}
      m1 = beta1 * m1 + oneMinusBeta1 * d1;
      m2 = beta1 * m2 + oneMinusBeta1 * d2;
      v1 = beta2 * v1 + oneMinusBeta2 * d1 * d1;
      v2 = beta2 * v2 + oneMinusBeta2 * d2 * d2;
      let q1 = v1;
      let q2 = v2;
      if (amsgrad) {
        q1 = vMax1 = Math.max(vMax1, v1);
        q2 = vMax2 = Math.max(vMax2, v2);
      }
      let firstCorrection = 1;
      let root = 1;
      if (corrected) {${memoized('first', 'firstCorrections', 'firstCorrection')}${memoized('second', 'roots', 'rootSecondCorrection')}
        firstCorrection = first;
        root = second;
      }
      u1 = (-(lr / (Math.sqrt(q1) / root + eps)) * m1) / firstCorrection;
      u2 = (-(lr / (Math.sqrt(q2) / root + eps)) * m2) / firstCorrection;${
        decoupled
          ? `
      // Decoupled decay: Δw = Adam's step − lr·λ·w.
      const shrink = lr * decay;
      u1 = u1 - shrink * w1;
      u2 = u2 - shrink * w2;`
          : ''
      }`,
  };
}

export const RULE_SOURCES: Readonly<Record<string, RuleSource>> = {
  SGD: {
    slots: { momentum: 'momentum', dampening: 'dampening', nesterov: 'nesterov', decay: 'weight_decay' },
    booleans: ['nesterov'],
    setup: `
      let b1 = 0;
      let b2 = 0;
      let started = false;`,
    step: `${weightDecayIntoGradient}
      if (momentum !== 0) {
        if (started) {
          b1 = momentum * b1 + (1 - dampening) * d1;
          b2 = momentum * b2 + (1 - dampening) * d2;
        } else {
          b1 = d1;
          b2 = d2;
          started = true;
        }
        if (nesterov) {
          d1 = d1 + momentum * b1;
          d2 = d2 + momentum * b2;
        } else {
          d1 = b1;
          d2 = b2;
        }
      }
      u1 = -lr * d1;
      u2 = -lr * d2;`,
  },
  Adagrad: {
    slots: { decay: 'weight_decay', lrDecay: 'lr_decay', eps: 'eps', initial: 'initial_accumulator_value' },
    setup: `
      let r1 = initial;
      let r2 = initial;`,
    step: `${weightDecayIntoGradient}
      const clr = lr / (1 + (t - 1) * lrDecay);
      r1 = r1 + d1 * d1;
      r2 = r2 + d2 * d2;
      u1 = -(clr / (Math.sqrt(r1) + eps)) * d1;
      u2 = -(clr / (Math.sqrt(r2) + eps)) * d2;`,
  },
  RMSprop: {
    slots: { alpha: 'alpha', eps: 'eps', decay: 'weight_decay', momentum: 'momentum', centered: 'centered' },
    booleans: ['centered'],
    setup: `
      let r1 = 0;
      let r2 = 0;
      let mean1 = 0;
      let mean2 = 0;
      let b1 = 0;
      let b2 = 0;`,
    step: `${weightDecayIntoGradient}
      r1 = alpha * r1 + (1 - alpha) * d1 * d1;
      r2 = alpha * r2 + (1 - alpha) * d2 * d2;
      let v1 = r1;
      let v2 = r2;
      if (centered) {
        mean1 = alpha * mean1 + (1 - alpha) * d1;
        mean2 = alpha * mean2 + (1 - alpha) * d2;
        v1 = r1 - mean1 * mean1;
        v2 = r2 - mean2 * mean2;
      }
      const q1 = Math.sqrt(v1) + eps;
      const q2 = Math.sqrt(v2) + eps;
      if (momentum > 0) {
        b1 = momentum * b1 + d1 / q1;
        b2 = momentum * b2 + d2 / q2;
        u1 = -lr * b1;
        u2 = -lr * b2;
      } else {
        u1 = -(lr / q1) * d1;
        u2 = -(lr / q2) * d2;
      }`,
  },
  Adam: adamSource(false),
  AdamW: adamSource(true),
  Adamax: {
    slots: { beta1: 'betas[0]', beta2: 'betas[1]', eps: 'eps', decay: 'weight_decay' },
    setup: `
${powerTable('powers', 'power1', 'beta1')}
      let m1 = 0;
      let m2 = 0;
      let x1 = 0;
      let x2 = 0;`,
    step: `${weightDecayIntoGradient}
      m1 = beta1 * m1 + (1 - beta1) * d1;
      m2 = beta1 * m2 + (1 - beta1) * d2;
      x1 = Math.max(beta2 * x1, Math.abs(d1) + eps);
      x2 = Math.max(beta2 * x2, Math.abs(d2) + eps);
${memoized('power', 'powers', 'power1')}
      const firstCorrection = 1 - power;
      u1 = (-(lr / x1) * m1) / firstCorrection;
      u2 = (-(lr / x2) * m2) / firstCorrection;`,
  },
  NAdam: {
    slots: { beta1: 'betas[0]', beta2: 'betas[1]', eps: 'eps', decay: 'weight_decay', psi: 'momentum_decay' },
    setup: `
      const oneMinusBeta1 = 1 - beta1;
      const oneMinusBeta2 = 1 - beta2;
      let m1 = 0;
      let m2 = 0;
      let v1 = 0;
      let v2 = 0;
      let muProduct = 1;
${powerTable('warmups', 'warmup', 'psi')}${powerTable('nextWarmups', 'warmupNext', 'psi')}${powerTable('powers', 'power2', 'beta2')}`,
    step: `${weightDecayIntoGradient}
${memoized('warmup', 'warmups', 'warmup')}${memoized('nextWarmup', 'nextWarmups', 'warmupNext')}
      const mu = beta1 * (1 - 0.5 * warmup);
      const muNext = beta1 * (1 - 0.5 * nextWarmup);
      muProduct = muProduct * mu;
      m1 = beta1 * m1 + oneMinusBeta1 * d1;
      m2 = beta1 * m2 + oneMinusBeta1 * d2;
      v1 = beta2 * v1 + oneMinusBeta2 * d1 * d1;
      v2 = beta2 * v2 + oneMinusBeta2 * d2 * d2;
${memoized('power', 'powers', 'power2')}
      const secondCorrection = 1 - power;
      const q1 = Math.sqrt(v1 / secondCorrection) + eps;
      const q2 = Math.sqrt(v2 / secondCorrection) + eps;
      const gradientWeight = (lr * (1 - mu)) / (1 - muProduct);
      const momentumWeight = (lr * muNext) / (1 - muProduct * muNext);
      u1 = -(gradientWeight * d1 + momentumWeight * m1) / q1;
      u2 = -(gradientWeight * d2 + momentumWeight * m2) / q2;`,
  },
  Adadelta: {
    slots: { rho: 'rho', eps: 'eps', decay: 'weight_decay' },
    setup: `
      let r1 = 0;
      let r2 = 0;
      let delta2Sum1 = 0;
      let delta2Sum2 = 0;`,
    step: `${weightDecayIntoGradient}
      r1 = rho * r1 + (1 - rho) * d1 * d1;
      r2 = rho * r2 + (1 - rho) * d2 * d2;
      const delta1 = (Math.sqrt(delta2Sum1 + eps) / Math.sqrt(r1 + eps)) * d1;
      const delta2 = (Math.sqrt(delta2Sum2 + eps) / Math.sqrt(r2 + eps)) * d2;
      delta2Sum1 = rho * delta2Sum1 + (1 - rho) * delta1 * delta1;
      delta2Sum2 = rho * delta2Sum2 + (1 - rho) * delta2 * delta2;
      u1 = -lr * delta1;
      u2 = -lr * delta2;`,
  },
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
    slots: {},
    setup: '',
    step: `
      const radius1 = Math.sqrt(-2 * Math.log(uniform(seed, stream, RNG_CHANNEL.randomSearch, 4 * t)));
      const radius2 = Math.sqrt(-2 * Math.log(uniform(seed, stream, RNG_CHANNEL.randomSearch, 4 * t + 2)));
      const z1 = radius1 * Math.cos(2 * Math.PI * uniform(seed, stream, RNG_CHANNEL.randomSearch, 4 * t + 1));
      const z2 = radius2 * Math.cos(2 * Math.PI * uniform(seed, stream, RNG_CHANNEL.randomSearch, 4 * t + 3));
      const accepted = oracle.value(w1 + lr * z1, w2 + lr * z2) < loss;
      u1 = accepted ? lr * z1 : 0;
      u2 = accepted ? lr * z2 : 0;`,
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
