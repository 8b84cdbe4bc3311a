import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { getSurface } from '../surfaces';
import { gradientFlow, sharpnessAlong, thresholdRule } from './index';

const quadratic = getSurface('quadratic')!;
const run = (optimizer: Record<string, unknown>, steps = 400) =>
  simulate({ surface: 'quadratic', start: [-1, -1], steps, optimizers: [{ type: 'SGD', ...optimizer }] })
    .trajectories[0]!;
/** Converged: the loss fell by 10⁶; diverged: it grew, or the run left the bound. */
const converges = (optimizer: Record<string, unknown>) => {
  const t = run(optimizer, 5000);
  return t.divergence === null && t.loss[t.steps]! < 1e-3 * t.loss[0]!;
};
const thresholdLr = (optimizer: Record<string, unknown>) => thresholdRule(run(optimizer, 1).config)!.c / 50;

describe('stability thresholds on the ravine w₁² + 25w₂² (λ = 2, 50)', () => {
  it('gradient descent: stable below η = 2/λmax = 0.04, unstable above', () => {
    expect(thresholdLr({ lr: 0.01 })).toBeCloseTo(0.04, 12);
    expect(converges({ lr: 0.0399 })).toBe(true);
    expect(converges({ lr: 0.0401 })).toBe(false);
  });

  it('heavy ball: 2(1+μ)/(1−τ)/λmax, wider than plain GD', () => {
    const limit = thresholdLr({ lr: 0.01, momentum: 0.9 });
    expect(limit).toBeCloseTo(0.076, 12);
    expect(converges({ lr: limit * 0.99, momentum: 0.9 })).toBe(true);
    expect(converges({ lr: limit * 1.01, momentum: 0.9 })).toBe(false);
    const damped = thresholdLr({ lr: 0.01, momentum: 0.5, dampening: 0.5 });
    expect(damped).toBeCloseTo(6 / 50, 12);
    expect(converges({ lr: damped * 0.99, momentum: 0.5, dampening: 0.5 })).toBe(true);
    expect(converges({ lr: damped * 1.01, momentum: 0.5, dampening: 0.5 })).toBe(false);
  });

  it('Nesterov: 2(1+μ)/(1+2μ)/λmax', () => {
    const limit = thresholdLr({ lr: 0.01, momentum: 0.9, nesterov: true });
    expect(limit).toBeCloseTo((2 * 1.9) / 2.8 / 50, 12);
    expect(converges({ lr: limit * 0.99, momentum: 0.9, nesterov: true })).toBe(true);
    expect(converges({ lr: limit * 1.01, momentum: 0.9, nesterov: true })).toBe(false);
  });

  it('the sharpness along a GD run is λmax = 50 at every step, against 2/η', () => {
    const trace = sharpnessAlong(quadratic.hessian, run({ lr: 0.03 }, 20))!;
    expect(Array.from(trace.sharpness).every((s) => s === 50)).toBe(true);
    expect(Array.from(trace.lambdaMin).every((s) => s === 2)).toBe(true);
    expect(trace.threshold[0]).toBeCloseTo(2 / 0.03, 12);
  });

  it("AdaGrad's first preconditioned sharpness is 1: P = |g| divides H exactly", () => {
    const t = simulate({
      surface: 'quadratic',
      start: [-1, -1],
      steps: 3,
      optimizers: [{ type: 'Adagrad', lr: 0.1 }],
    }).trajectories[0]!;
    const trace = sharpnessAlong(quadratic.hessian, t)!;
    expect(trace.rule.preconditioned).toBe(true);
    expect(trace.sharpness[0]).toBeCloseTo(1, 9);
  });

  it('methods without a linear threshold have none', () => {
    const t = simulate({ surface: 'quadratic', steps: 2, optimizers: [{ type: 'Newton' }] }).trajectories[0]!;
    expect(sharpnessAlong(quadratic.hessian, t)).toBeNull();
  });
});

describe('gradient flow', () => {
  it('matches the exact solution w(t) = w₀·e^(−λt) of the ravine, with RK4’s fourth-order error', () => {
    const times = [0, 0.1, 0.5, 1, 2];
    const error = (substep: number) => {
      const flow = gradientFlow(quadratic.gradient, [-1, -1], times, substep);
      return Math.max(
        ...times.map((t, i) =>
          Math.max(Math.abs(flow[2 * i]! + Math.exp(-2 * t)), Math.abs(flow[2 * i + 1]! + Math.exp(-50 * t))),
        ),
      );
    };
    expect(error(1e-3)).toBeLessThan(1e-8);
    expect(error(2e-3) / error(1e-3)).toBeGreaterThan(12); // 2⁴ = 16
  });
});
