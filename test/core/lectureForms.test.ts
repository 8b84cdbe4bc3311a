/**
 * The lectures' own forms as runnable rules: SGD's buffer started at V₀ = 0 and RMSprop with ε inside the
 * root (lecture 004), against an independent numpy float64 implementation of the lecture's equations
 * (test/fixtures/lecture/generate.py, never Optiscope's code).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core';

interface Case {
  name: string;
  scene: unknown;
  path: [number, number][];
}
const fixtures: { cases: Case[] } = JSON.parse(
  readFileSync(new URL('../fixtures/lecture/lecture.json', import.meta.url), 'utf8'),
);

describe(`the lectures' forms (${fixtures.cases.length} numpy cases)`, () => {
  for (const fixture of fixtures.cases) {
    it(fixture.name, () => {
      const run = simulate(fixture.scene).trajectories[0]!;
      expect(run.steps).toBe(fixture.path.length - 1);
      fixture.path.forEach(([a, b], k) => {
        const scale = Math.max(1, Math.abs(a), Math.abs(b));
        expect(Math.abs(run.path[2 * k]! - a) / scale, `step ${k}`).toBeLessThan(1e-9);
        expect(Math.abs(run.path[2 * k + 1]! - b) / scale, `step ${k}`).toBeLessThan(1e-9);
      });
    });
  }

  it('the flags change the run (torch’s form differs from the lecture’s at the first step)', () => {
    const scene = (flag: boolean) => ({
      surface: 'quadratic',
      steps: 3,
      optimizers: [{ type: 'SGD', lr: 0.05, momentum: 0.9, dampening: 0.9, zero_init_buffer: flag }],
    });
    const torch = simulate(scene(false)).trajectories[0]!;
    const lecture = simulate(scene(true)).trajectories[0]!;
    // b₁ = g₁ against V₁ = (1 − β)g₁: the lecture's first step is ten times shorter.
    expect(lecture.update[0]! / torch.update[0]!).toBeCloseTo(0.1, 12);
  });
});

describe("lecture 000's random search: fresh weights each step, keep the best", () => {
  it('visits only fresh draws η·z and keeps the best loss seen, independently re-run here', async () => {
    const { uniform, RNG_CHANNEL } = await import('../../src/core/rng');
    const { getSurface } = await import('../../src/core/surfaces');
    const [lr, seed, steps] = [1.5, 4, 200];
    const run = simulate({
      surface: 'himmelblau',
      start: [0, 0],
      steps,
      seed,
      optimizers: [{ type: 'RandomSearch', lr, global_search: true }],
    }).trajectories[0]!;
    const f = getSurface('himmelblau')!;
    const u = (counter: number) => uniform(seed, 0, RNG_CHANNEL.randomSearch, counter);
    let best: [number, number] = [0, 0];
    for (let t = 1; t <= steps; t++) {
      // The draw of step t: z ~ N(0, I) by Box–Muller from the run's four uniforms of that step.
      const z = [
        Math.sqrt(-2 * Math.log(u(4 * t))) * Math.cos(2 * Math.PI * u(4 * t + 1)),
        Math.sqrt(-2 * Math.log(u(4 * t + 2))) * Math.cos(2 * Math.PI * u(4 * t + 3)),
      ];
      const draw: [number, number] = [lr * z[0]!, lr * z[1]!];
      if (f.value(...draw) < f.value(...best)) best = draw;
      expect(run.path[2 * t]!).toBeCloseTo(best[0], 12);
      expect(run.path[2 * t + 1]!).toBeCloseTo(best[1], 12);
    }
    // Keep-the-best never goes up, and the local variant from the same seed walks elsewhere.
    expect(Array.from(run.loss).every((l, k) => k === 0 || l <= run.loss[k - 1]!)).toBe(true);
    const local = simulate({
      surface: 'himmelblau',
      start: [0, 0],
      steps,
      seed,
      optimizers: [{ type: 'RandomSearch', lr }],
    }).trajectories[0]!;
    expect(Array.from(local.path)).not.toEqual(Array.from(run.path));
  });
});
