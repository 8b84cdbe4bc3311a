/**
 * Full-space optimizer steps built from the core's specs: every element-wise rule (SGD, momentum,
 * Nesterov, AdaGrad, RMSProp, Adam, …) acts coordinate by coordinate, so the spec's 2-vector step is
 * applied to each pair of parameters with its own state. One definition of each update rule serves the
 * 2-D surfaces and the networks (held together by a test against the core step).
 */
import { getOptimizer, type OptimizerSpec, type Oracle } from '../core/optimizers';
import type { OptimizerConfig } from '../core/scene';
import { scheduledLearningRate } from '../core/schedules';
import type { Vec2 } from '../core/types';
import { ELEMENTWISE_OPTIMIZERS } from './config';

export interface ParameterStepper {
  /** Applies update t (1-based) in place: θ ← θ + Δθ, from the gradient g at θ. */
  step(t: number, theta: Float64Array, g: Float64Array, loss: number): void;
}

const noOracle: Oracle = {
  value: () => Number.NaN,
  gradient: () => [Number.NaN, Number.NaN],
  hessian: () => [Number.NaN, Number.NaN, Number.NaN],
};

/** Clipping over the whole parameter vector, as torch.nn.utils.clip_grad_norm_ / clip_grad_value_ do. */
function clipInPlace(g: Float64Array, clip: OptimizerConfig['clip']): void {
  if (clip.type === 'value') {
    for (let k = 0; k < g.length; k++) g[k] = Math.min(Math.max(g[k]!, -clip.max), clip.max);
  } else if (clip.type === 'norm') {
    let sum = 0;
    for (let k = 0; k < g.length; k++) sum += g[k]! * g[k]!;
    const coefficient = Math.min(1, clip.max / (Math.sqrt(sum) + 1e-6));
    for (let k = 0; k < g.length; k++) g[k]! *= coefficient;
  }
}

export function parameterStepper(config: OptimizerConfig, paramCount: number): ParameterStepper {
  if (!ELEMENTWISE_OPTIMIZERS.includes(config.type)) {
    throw new Error(
      `${config.type} is not an element-wise optimizer; networks train with ${ELEMENTWISE_OPTIMIZERS.join(', ')}`,
    );
  }
  const spec = getOptimizer(config.type) as OptimizerSpec<unknown>;
  const pairs = Math.ceil(paramCount / 2);
  const states = Array.from({ length: pairs }, () => spec.init(config.hyperparameters));
  const clipped = new Float64Array(paramCount);
  return {
    step(t, theta, g, loss) {
      clipped.set(g);
      clipInPlace(clipped, config.clip);
      const lr = scheduledLearningRate(config.schedule, config.hyperparameters.lr as number, t - 1);
      for (let p = 0; p < pairs; p++) {
        const a = 2 * p;
        const b = a + 1;
        const hasSecond = b < paramCount;
        const w: Vec2 = [theta[a]!, hasSecond ? theta[b]! : 0];
        const pairGradient: Vec2 = [clipped[a]!, hasSecond ? clipped[b]! : 0];
        const result = spec.step({
          t,
          lr,
          w,
          loss,
          g: pairGradient,
          hp: config.hyperparameters,
          state: states[p],
          oracle: noOracle,
          random: () => 0.5,
        });
        theta[a] = w[0] + result.update[0];
        if (hasSecond) theta[b] = w[1] + result.update[1];
      }
    },
  };
}
