import { describe, expect, it } from 'vitest';
import { getOptimizer, type Oracle } from '../core/optimizers';
import { resolveOptimizer } from '../core/scene';
import type { Vec2 } from '../core/types';
import { parameterStepper } from './stepper';

/** L = a·w1² + b·w2², coupled per pair only through nothing: each pair of a network vector is such a 2-vector. */
const quadratic = (a: number, b: number) => ({
  value: (w1: number, w2: number) => a * w1 * w1 + b * w2 * w2,
  gradient: (w1: number, w2: number): Vec2 => [2 * a * w1, 2 * b * w2],
});

/** The core's own per-step loop for one 2-vector (what runOptimizer does, without noise/clip/schedule). */
function coreTrajectory(
  config: ReturnType<typeof resolveOptimizer>,
  start: Vec2,
  a: number,
  b: number,
  steps: number,
): Vec2 {
  const spec = getOptimizer(config.type)!;
  const surface = quadratic(a, b);
  const oracle: Oracle = { ...surface, hessian: () => [2 * a, 0, 2 * b] };
  const state = spec.init(config.hyperparameters);
  let w = start;
  for (let t = 1; t <= steps; t++) {
    const g = surface.gradient(w[0], w[1]);
    const lr = config.hyperparameters.lr as number;
    const r = spec.step({
      t,
      lr,
      w,
      loss: surface.value(w[0], w[1]),
      g,
      hp: config.hyperparameters,
      state,
      oracle,
      random: () => 0.5,
    });
    w = [w[0] + r.update[0], w[1] + r.update[1]];
  }
  return w;
}

const configs = [
  { type: 'SGD', lr: 0.05 },
  { type: 'SGD', lr: 0.02, momentum: 0.9, nesterov: true },
  { type: 'Adagrad', lr: 0.3 },
  { type: 'RMSprop', lr: 0.01, momentum: 0.5 },
  { type: 'Adam', lr: 0.05, weight_decay: 0.01 },
  { type: 'AdamW', lr: 0.05 },
  { type: 'NAdam', lr: 0.05 },
  { type: 'Adamax', lr: 0.05 },
  { type: 'Adadelta', lr: 1 },
];

describe('full-space stepper from the core specs', () => {
  it.each(configs)('$type applies the core rule to every pair (odd length padded)', (input) => {
    const config = resolveOptimizer(input);
    const curvatures: [number, number][] = [
      [1, 25],
      [3, 0.5],
      [2, 2],
    ];
    const starts: Vec2[] = [
      [-1, -1],
      [0.5, 2],
      [1.5, 0],
    ];
    const theta = Float64Array.from(starts.flat()).subarray(0, 5).slice(); // 5 parameters: last pair padded
    const stepper = parameterStepper(config, theta.length);
    const g = new Float64Array(theta.length);
    for (let t = 1; t <= 30; t++) {
      for (let k = 0; k < theta.length; k++) g[k] = 2 * curvatures[k >> 1]![k & 1]! * theta[k]!;
      stepper.step(t, theta, g, 0);
    }
    for (let p = 0; p < 3; p++) {
      const [a, b] = curvatures[p]!;
      const expected = coreTrajectory(config, p < 2 ? starts[p]! : [1.5, 0], a, b, 30);
      expect(theta[2 * p]).toBeCloseTo(expected[0], 12);
      if (2 * p + 1 < theta.length) expect(theta[2 * p + 1]).toBeCloseTo(expected[1], 12);
    }
  });

  it('refuses optimizers that couple coordinates', () => {
    expect(() => parameterStepper(resolveOptimizer({ type: 'Newton' }), 4)).toThrow(/element-wise/);
  });
});
