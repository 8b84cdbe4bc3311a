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
