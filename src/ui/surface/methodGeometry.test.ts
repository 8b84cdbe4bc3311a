import { describe, expect, it } from 'vitest';
import { simulate } from '../../core';
import { gradientPoint, methodGeometry } from './methodGeometry';

const run = (optimizer: Record<string, unknown>, steps = 30) =>
  simulate({ surface: 'quadratic', start: [-1, -1], steps, optimizers: [optimizer] }).trajectories[0]!;

describe('method geometry on the explorer', () => {
  it('SAM: the perturbed point lies on the ρ-ball, uphill along the gradient', () => {
    const trajectory = run({ type: 'SAM', lr: 0.01, rho: 0.2 });
    for (const step of [0, 5, 29, 40]) {
      const geometry = methodGeometry(trajectory, step)!;
      expect(geometry.kind).toBe('sam');
      if (geometry.kind !== 'sam') return;
      const [c1, c2] = geometry.center;
      const [p1, p2] = geometry.perturbed;
      expect(geometry.radius).toBe(0.2);
      expect(Math.hypot(p1 - c1, p2 - c2)).toBeCloseTo(0.2, 9);
      // f = w1² + 25 w2²: ε̂ points along ∇f = (2 w1, 50 w2).
      const g = [2 * c1, 50 * c2];
      expect((p1 - c1) * g[1]! - (p2 - c2) * g[0]!).toBeCloseTo(0, 9);
      expect((p1 - c1) * g[0]! + (p2 - c2) * g[1]!).toBeGreaterThan(0);
    }
  });

  it('Prodigy: a circle of radius d around the start, d₀ at first and never shrinking', () => {
    const trajectory = run({ type: 'Prodigy' }, 60);
    const radii = [0, 1, 10, 30, 60].map((step) => {
      const geometry = methodGeometry(trajectory, step)!;
      expect(geometry).toMatchObject({ kind: 'prodigy', center: [-1, -1] });
      return geometry.kind === 'prodigy' ? geometry.radius : Number.NaN;
    });
    expect(radii[0]).toBe(1e-6);
    for (let i = 1; i < radii.length; i++) expect(radii[i]!).toBeGreaterThanOrEqual(radii[i - 1]!);
    // d grows by orders of magnitude towards the distance to the minimum, √2.
    expect(radii.at(-1)!).toBeGreaterThan(1e-2);
  });

  it('Schedule-Free: z starts at x, y lies between z and x at β₁', () => {
    const trajectory = run({ type: 'AdamWScheduleFree', lr: 0.05, betas: [0.9, 0.999] });
    const geometry = methodGeometry(trajectory, 12)!;
    expect(geometry.kind).toBe('schedule-free');
    if (geometry.kind !== 'schedule-free') return;
    expect(geometry.x).toHaveLength(13);
    expect(geometry.z).toHaveLength(13);
    expect(geometry.y).toHaveLength(13);
    expect(geometry.z[0]).toEqual([-1, -1]);
    for (let i = 0; i < 13; i++)
      for (const c of [0, 1])
        expect(geometry.y[i]![c]!).toBeCloseTo(0.1 * geometry.z[i]![c]! + 0.9 * geometry.x[i]![c]!, 12);
  });

  it('other methods have none', () => {
    expect(methodGeometry(run({ type: 'Adam', lr: 0.1 }), 3)).toBeNull();
    expect(gradientPoint(run({ type: 'Adam', lr: 0.1 }), 3)).toBeNull();
  });

  it('the point each look-ahead update takes its gradient at: SAM w + ε̂, Schedule-Free y', () => {
    const sam = run({ type: 'SAM', lr: 0.01, rho: 0.2 });
    const point = gradientPoint(sam, 4)!;
    expect(point.symbol).toBe('w + ε̂');
    const perturbation = sam.accumulators.find((a) => a.key === 'perturbation')!.values;
    expect(point.at[0]).toBeCloseTo(sam.path[8]! + perturbation[8]!, 15);
    expect(point.at[1]).toBeCloseTo(sam.path[9]! + perturbation[9]!, 15);
    const free = run({ type: 'AdamWScheduleFree', lr: 0.05 });
    const y = free.accumulators.find((a) => a.key === 'y')!.values;
    expect(gradientPoint(free, 4)).toEqual({ symbol: 'y', at: [y[8], y[9]] });
  });
});
