/**
 * Allocation-free float64 update rules for the CPU engine's inner loop: the same arithmetic, in the same
 * order, as each spec's step in src/core/optimizers (so results are bit-identical, which
 * cpuKernel.test.ts checks against runOptimizer), with state in a Float64Array and hyperparameters read
 * from the particle's row by column index. Optimizers without a rule here use the spec's step.
 */
import type { Oracle } from '../core/optimizers';
import type { HyperparameterLayout } from '../engine/layout';

export interface FastRule {
  readonly stateSize: number;
  /** Column of each hyperparameter name (pairs as `key[0]`, `key[1]`) is resolved once per batch. */
  bind(columns: (name: string) => number): BoundRule;
}

export interface BoundRule {
  init(hp: Float64Array, h: number, state: Float64Array): void;
  /** Writes Δw into out[0..1]; returns false when the rule cannot continue (a singular Hessian). */
  step(
    t: number,
    lr: number,
    w1: number,
    w2: number,
    loss: number,
    g1: number,
    g2: number,
    hp: Float64Array,
    h: number,
    s: Float64Array,
    out: Float64Array,
    oracle: Oracle,
    random: (counter: number) => number,
  ): boolean;
}

/**
 * Math.pow(base, f(t)) memoized per step for the current base: the same call with the same arguments,
 * so bit-identical, but paid once per step index instead of once per particle-step when a batch shares
 * its betas (Math.pow dominates an Adam step otherwise).
 */
class StepPowers {
  private key = Number.NaN;
  private values = new Float64Array(0);

  constructor(private readonly compute: (key: number, t: number) => number) {}

  get(key: number, t: number): number {
    if (key !== this.key) {
      this.key = key;
      this.values.fill(Number.NaN);
    }
    if (t >= this.values.length) {
      const grown = new Float64Array(Math.max(64, 2 * t)).fill(Number.NaN);
      grown.set(this.values);
      this.values = grown;
    }
    let value = this.values[t]!;
    if (value !== value) {
      value = this.compute(key, t);
      this.values[t] = value;
    }
    return value;
  }
}

const power = () => new StepPowers((base, t) => Math.pow(base, t));

const SGD: FastRule = {
  stateSize: 3,
  bind: (c) => {
    const [LR, MOMENTUM, DAMPENING, NESTEROV, DECAY] = [
      'lr',
      'momentum',
      'dampening',
      'nesterov',
      'weight_decay',
    ].map(c) as number[] as [number, number, number, number, number];
    void LR;
    return {
      init: (_hp, _h, s) => s.fill(0),
      step(_t, lr, w1, w2, _loss, g1, g2, hp, h, s, out) {
        const momentum = hp[h + MOMENTUM]!;
        const decay = hp[h + DECAY]!;
        if (decay !== 0) {
          g1 = g1 + decay * w1;
          g2 = g2 + decay * w2;
        }
        if (momentum !== 0) {
          const dampening = hp[h + DAMPENING]!;
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
          if (hp[h + NESTEROV] !== 0) {
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
      },
    };
  },
};

const Adagrad: FastRule = {
  stateSize: 2,
  bind: (c) => {
    const [DECAY, LR_DECAY, R0, EPS] = ['weight_decay', 'lr_decay', 'initial_accumulator_value', 'eps'].map(
      c,
    ) as [number, number, number, number];
    return {
      init: (hp, h, s) => s.fill(hp[h + R0]!),
      step(t, lr, w1, w2, _loss, g1, g2, hp, h, s, out) {
        const decay = hp[h + DECAY]!;
        if (decay !== 0) {
          g1 = g1 + decay * w1;
          g2 = g2 + decay * w2;
        }
        const eps = hp[h + EPS]!;
        const clr = lr / (1 + (t - 1) * hp[h + LR_DECAY]!);
        const r1 = s[0]! + g1 * g1;
        const r2 = s[1]! + g2 * g2;
        s[0] = r1;
        s[1] = r2;
        out[0] = -(clr / (Math.sqrt(r1) + eps)) * g1;
        out[1] = -(clr / (Math.sqrt(r2) + eps)) * g2;
        return true;
      },
    };
  },
};

const RMSprop: FastRule = {
  stateSize: 6,
  bind: (c) => {
    const [ALPHA, EPS, DECAY, MOMENTUM, CENTERED] = [
      'alpha',
      'eps',
      'weight_decay',
      'momentum',
      'centered',
    ].map(c) as [number, number, number, number, number];
    return {
      init: (_hp, _h, s) => s.fill(0),
      step(_t, lr, w1, w2, _loss, g1, g2, hp, h, s, out) {
        const decay = hp[h + DECAY]!;
        if (decay !== 0) {
          g1 = g1 + decay * w1;
          g2 = g2 + decay * w2;
        }
        const alpha = hp[h + ALPHA]!;
        const eps = hp[h + EPS]!;
        const momentum = hp[h + MOMENTUM]!;
        const r1 = alpha * s[0]! + (1 - alpha) * g1 * g1;
        const r2 = alpha * s[1]! + (1 - alpha) * g2 * g2;
        s[0] = r1;
        s[1] = r2;
        let v1 = r1;
        let v2 = r2;
        if (hp[h + CENTERED] !== 0) {
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
      },
    };
  },
};

function adamRule(decoupled: boolean): FastRule {
  return {
    stateSize: 6,
    bind: (c) => {
      const [B1, B2, EPS, DECAY, AMSGRAD, CORRECTION] = [
        'betas[0]',
        'betas[1]',
        'eps',
        'weight_decay',
        'amsgrad',
        'bias_correction',
      ].map(c) as [number, number, number, number, number, number];
      const powers1 = power();
      const powers2 = power();
      return {
        init: (_hp, _h, s) => s.fill(0),
        step(t, lr, w1, w2, _loss, g1, g2, hp, h, s, out) {
          const decay = hp[h + DECAY]!;
          if (!decoupled && decay !== 0) {
            g1 = g1 + decay * w1;
            g2 = g2 + decay * w2;
          }
          const beta1 = hp[h + B1]!;
          const beta2 = hp[h + B2]!;
          const eps = hp[h + EPS]!;
          const m1 = beta1 * s[0]! + (1 - beta1) * g1;
          const m2 = beta1 * s[1]! + (1 - beta1) * g2;
          const v1 = beta2 * s[2]! + (1 - beta2) * g1 * g1;
          const v2 = beta2 * s[3]! + (1 - beta2) * g2 * g2;
          s[0] = m1;
          s[1] = m2;
          s[2] = v1;
          s[3] = v2;
          let q1 = v1;
          let q2 = v2;
          if (hp[h + AMSGRAD] !== 0) {
            q1 = Math.max(s[4]!, v1);
            q2 = Math.max(s[5]!, v2);
            s[4] = q1;
            s[5] = q2;
          }
          const corrected = hp[h + CORRECTION] !== 0;
          const firstCorrection = corrected ? 1 - powers1.get(beta1, t) : 1;
          const root = Math.sqrt(corrected ? 1 - powers2.get(beta2, t) : 1);
          let u1 = (-(lr / (Math.sqrt(q1) / root + eps)) * m1) / firstCorrection;
          let u2 = (-(lr / (Math.sqrt(q2) / root + eps)) * m2) / firstCorrection;
          if (decoupled) {
            const shrink = lr * decay;
            u1 = u1 - shrink * w1;
            u2 = u2 - shrink * w2;
          }
          out[0] = u1;
          out[1] = u2;
          return true;
        },
      };
    },
  };
}

const Adamax: FastRule = {
  stateSize: 4,
  bind: (c) => {
    const [B1, B2, EPS, DECAY] = ['betas[0]', 'betas[1]', 'eps', 'weight_decay'].map(c) as [
      number,
      number,
      number,
      number,
    ];
    const powers1 = power();
    return {
      init: (_hp, _h, s) => s.fill(0),
      step(t, lr, w1, w2, _loss, g1, g2, hp, h, s, out) {
        const decay = hp[h + DECAY]!;
        if (decay !== 0) {
          g1 = g1 + decay * w1;
          g2 = g2 + decay * w2;
        }
        const beta1 = hp[h + B1]!;
        const beta2 = hp[h + B2]!;
        const eps = hp[h + EPS]!;
        const m1 = beta1 * s[0]! + (1 - beta1) * g1;
        const m2 = beta1 * s[1]! + (1 - beta1) * g2;
        const u1 = Math.max(beta2 * s[2]!, Math.abs(g1) + eps);
        const u2 = Math.max(beta2 * s[3]!, Math.abs(g2) + eps);
        s[0] = m1;
        s[1] = m2;
        s[2] = u1;
        s[3] = u2;
        const firstCorrection = 1 - powers1.get(beta1, t);
        out[0] = (-(lr / u1) * m1) / firstCorrection;
        out[1] = (-(lr / u2) * m2) / firstCorrection;
        return true;
      },
    };
  },
};

const NAdam: FastRule = {
  stateSize: 5,
  bind: (c) => {
    const [B1, B2, EPS, DECAY, PSI] = ['betas[0]', 'betas[1]', 'eps', 'weight_decay', 'momentum_decay'].map(
      c,
    ) as [number, number, number, number, number];
    const warmup = new StepPowers((psi, t) => Math.pow(0.96, t * psi));
    const warmupNext = new StepPowers((psi, t) => Math.pow(0.96, (t + 1) * psi));
    const powers2 = power();
    return {
      init: (_hp, _h, s) => {
        s.fill(0);
        s[4] = 1;
      },
      step(t, lr, w1, w2, _loss, g1, g2, hp, h, s, out) {
        const decay = hp[h + DECAY]!;
        if (decay !== 0) {
          g1 = g1 + decay * w1;
          g2 = g2 + decay * w2;
        }
        const beta1 = hp[h + B1]!;
        const beta2 = hp[h + B2]!;
        const eps = hp[h + EPS]!;
        const psi = hp[h + PSI]!;
        const mu = beta1 * (1 - 0.5 * warmup.get(psi, t));
        const muNext = beta1 * (1 - 0.5 * warmupNext.get(psi, t));
        const muProduct = s[4]! * mu;
        s[4] = muProduct;
        const m1 = beta1 * s[0]! + (1 - beta1) * g1;
        const m2 = beta1 * s[1]! + (1 - beta1) * g2;
        const v1 = beta2 * s[2]! + (1 - beta2) * g1 * g1;
        const v2 = beta2 * s[3]! + (1 - beta2) * g2 * g2;
        s[0] = m1;
        s[1] = m2;
        s[2] = v1;
        s[3] = v2;
        const secondCorrection = 1 - powers2.get(beta2, t);
        const d1 = Math.sqrt(v1 / secondCorrection) + eps;
        const d2 = Math.sqrt(v2 / secondCorrection) + eps;
        const gradientWeight = (lr * (1 - mu)) / (1 - muProduct);
        const momentumWeight = (lr * muNext) / (1 - muProduct * muNext);
        out[0] = -(gradientWeight * g1 + momentumWeight * m1) / d1;
        out[1] = -(gradientWeight * g2 + momentumWeight * m2) / d2;
        return true;
      },
    };
  },
};

const Adadelta: FastRule = {
  stateSize: 4,
  bind: (c) => {
    const [RHO, EPS, DECAY] = ['rho', 'eps', 'weight_decay'].map(c) as [number, number, number];
    return {
      init: (_hp, _h, s) => s.fill(0),
      step(_t, lr, w1, w2, _loss, g1, g2, hp, h, s, out) {
        const decay = hp[h + DECAY]!;
        if (decay !== 0) {
          g1 = g1 + decay * w1;
          g2 = g2 + decay * w2;
        }
        const rho = hp[h + RHO]!;
        const eps = hp[h + EPS]!;
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
      },
    };
  },
};

const Newton: FastRule = {
  stateSize: 0,
  bind: (c) => {
    const DAMPING = c('damping');
    return {
      init: () => undefined,
      step(_t, lr, w1, w2, _loss, g1, g2, hp, h, _s, out, oracle) {
        const damping = hp[h + DAMPING]!;
        const [hxx, hxy, hyy] = oracle.hessian(w1, w2);
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
      },
    };
  },
};

const RandomSearch: FastRule = {
  stateSize: 0,
  bind: () => ({
    init: () => undefined,
    step(t, lr, w1, w2, loss, _g1, _g2, _hp, _h, _s, out, oracle, random) {
      const radius1 = Math.sqrt(-2 * Math.log(random(4 * t)));
      const radius2 = Math.sqrt(-2 * Math.log(random(4 * t + 2)));
      const z1 = radius1 * Math.cos(2 * Math.PI * random(4 * t + 1));
      const z2 = radius2 * Math.cos(2 * Math.PI * random(4 * t + 3));
      const accepted = oracle.value(w1 + lr * z1, w2 + lr * z2) < loss;
      out[0] = accepted ? lr * z1 : 0;
      out[1] = accepted ? lr * z2 : 0;
      return true;
    },
  }),
};

const RULES: Readonly<Record<string, FastRule>> = {
  SGD,
  Adagrad,
  RMSprop,
  Adam: adamRule(false),
  AdamW: adamRule(true),
  Adamax,
  NAdam,
  Adadelta,
  Newton,
  RandomSearch,
};

export function fastRule(layout: HyperparameterLayout): { rule: BoundRule; stateSize: number } | null {
  const rule = RULES[layout.optimizerType];
  if (!rule) return null;
  const columns = (name: string) => {
    const index = layout.columns.findIndex((column) => column.name === name);
    if (index < 0) throw new Error(`${layout.optimizerType} has no column ${name}`);
    return index;
  };
  return { rule: rule.bind(columns), stateSize: rule.stateSize };
}
