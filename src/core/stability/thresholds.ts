/**
 * Linear stability of an optimizer's step on a quadratic with Hessian H (Cohen et al., "Gradient Descent on
 * Neural Networks Typically Occurs at the Edge of Stability", ICLR 2021, and "Adaptive Gradient Methods at
 * the Edge of Stability", 2022). With a diagonal preconditioner P (I for SGD) the step is stable while the
 * preconditioned sharpness λmax(P⁻¹H) stays below c/η, where c depends only on the momentum:
 *   plain step w ← w − ηP⁻¹g:                          c = 2
 *   heavy ball b ← μb + (1−τ)g (torch SGD, RMSprop's): c = 2(1+μ)/(1−τ)
 *   Nesterov (torch form):                             c = 2(1+μ)/(1+2μ)
 *   Adam's averaged first moment m ← β₁m + (1−β₁)g:    c = (2+2β₁)/(1−β₁)   (38 for β₁ = 0.9)
 */
import type { OptimizerConfig } from '../scene';

export interface ThresholdRule {
  /** c in λmax(P⁻¹H) < c/η. */
  readonly c: number;
  /** Whether P is the optimizer's own per-coordinate scaling (false: P = I, plain sharpness λmax(H)). */
  readonly preconditioned: boolean;
  /** Adam's P carries the first moment's bias correction 1 − β₁ᵗ. */
  readonly firstMomentCorrection: number | null;
  /** Which threshold, and why, in a sentence for the panel. */
  readonly why: string;
}

const n = (x: unknown): number => (typeof x === 'number' ? x : 0);

export function thresholdRule(config: OptimizerConfig): ThresholdRule | null {
  const hp = config.hyperparameters;
  switch (config.type) {
    case 'SGD': {
      const mu = n(hp.momentum);
      if (mu === 0)
        return {
          c: 2,
          preconditioned: false,
          firstMomentCorrection: null,
          why: 'gradient descent is stable while η·λmax(H) < 2',
        };
      if (hp.nesterov === true) {
        const c = (2 * (1 + mu)) / (1 + 2 * mu);
        return {
          c,
          preconditioned: false,
          firstMomentCorrection: null,
          why: `Nesterov momentum is stable while η·λmax(H) < 2(1+μ)/(1+2μ) = ${c.toPrecision(3)}`,
        };
      }
      const c = (2 * (1 + mu)) / (1 - n(hp.dampening));
      return {
        c,
        preconditioned: false,
        firstMomentCorrection: null,
        why: `heavy-ball momentum is stable while η·λmax(H) < 2(1+μ)/(1−τ) = ${c.toPrecision(3)}`,
      };
    }
    case 'Adagrad':
      return {
        c: 2,
        preconditioned: true,
        firstMomentCorrection: null,
        why: 'AdaGrad steps by η·P⁻¹g with P = √r + ε: stable while η·λmax(P⁻¹H) < 2',
      };
    case 'RMSprop': {
      const mu = n(hp.momentum);
      const c = 2 * (1 + mu);
      return {
        c,
        preconditioned: true,
        firstMomentCorrection: null,
        why:
          mu === 0
            ? 'RMSProp steps by η·P⁻¹g with P = √r + ε: stable while η·λmax(P⁻¹H) < 2'
            : `RMSProp with momentum is stable while η·λmax(P⁻¹H) < 2(1+μ) = ${c.toPrecision(3)}`,
      };
    }
    case 'Adam':
    case 'AdamW': {
      const betas = hp.betas as readonly [number, number];
      const c = (2 + 2 * betas[0]) / (1 - betas[0]);
      return {
        c,
        preconditioned: true,
        firstMomentCorrection: hp.bias_correction === false ? null : betas[0],
        why: `Adam's averaged first moment is stable while η·λmax(P⁻¹H) < (2+2β₁)/(1−β₁) = ${c.toPrecision(3)}, P = (1−β₁ᵗ)(√v̂ + ε)`,
      };
    }
    default:
      return null;
  }
}
