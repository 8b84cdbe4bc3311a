import { describe, expect, it } from 'vitest';
import { resolveSurface } from './resolveSurface';
import { SURFACES } from './surfaces';
import { checkGradient, forwardDifference, relativeError, verdict, worstAlongPath } from './gradientCheck';

describe('gradient check', () => {
  it("reproduces lecture 000's worked example: (1.25322 − 1.25347) / 0.0001 = −2.5", () => {
    // The lecture's losses at W and at W with its first weight raised by h = 0.0001.
    const losses = new Map([
      ['0.34', 1.25347],
      ['0.3401', 1.25322],
    ]);
    const f = {
      value: (w1: number) => losses.get(w1.toFixed(4).replace(/0+$/, ''))!,
      gradient: () => [0, 0] as const,
    };
    const step = forwardDifference(f, [0.34, 0], 0, 0.0001);
    expect(step.base).toBe(1.25347);
    expect(step.perturbed).toBe(1.25322);
    expect(step.slope).toBeCloseTo(-2.5, 9);
  });

  it('agrees with every built-in surface’s analytic gradient at its start', () => {
    for (const surface of SURFACES) {
      const check = checkGradient(surface, surface.defaultStart, 1e-5);
      expect(Math.max(...check.relativeError), surface.id).toBeLessThan(1e-6);
    }
  });

  it('flags a typed function where it is not differentiable', () => {
    const resolved = resolveSurface({ expression: 'abs(w1) + w2^2' });
    if (!resolved.ok) throw new Error(resolved.error);
    const nearKink = checkGradient(resolved.value, [1e-6, 0.5], 1e-4);
    expect(verdict(Math.max(...nearKink.relativeError))).toBe('disagree');
    const smooth = checkGradient(resolved.value, [0.7, 0.5], 1e-5);
    expect(verdict(Math.max(...smooth.relativeError))).toBe('agree');
    const path = new Float64Array([0.7, 0.5, 0.2, 0.1, 1e-6, 0.05]);
    expect(worstAlongPath(resolved.value, path, 1e-4).step).toBe(2);
  });

  it('the centred difference is second order, the forward one first order', () => {
    const f = { value: (a: number) => Math.exp(a), gradient: (a: number) => [Math.exp(a), 0] as const };
    const err = (h: number) => Math.abs(checkGradient(f, [0.3, 0], h).centred[0] - Math.exp(0.3));
    const fwd = (h: number) => Math.abs(checkGradient(f, [0.3, 0], h).forward[0] - Math.exp(0.3));
    expect(err(1e-2) / err(1e-3)).toBeCloseTo(100, -1);
    expect(fwd(1e-2) / fwd(1e-3)).toBeCloseTo(10, 0);
    expect(relativeError(0, 0)).toBe(0);
  });
});
