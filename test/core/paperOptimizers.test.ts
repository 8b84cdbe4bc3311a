/**
 * Optimizers torch.optim lacks — Lion (Chen et al. 2023, Algorithm 2), AdaBelief (Zhuang et al. 2020,
 * Algorithm 2), Schedule-Free AdamW (Defazio et al. 2024, Algorithm 1), SAM (Foret et al. 2021, Algorithm
 * 1), Prodigy (Mishchenko & Defazio 2024, its Adam version) and Sophia with the exact Hessian diagonal (Liu
 * et al. 2023, Algorithm 3) — against independent numpy
 * float64 implementations of the papers' algorithms
 * (test/fixtures/papers/generate.py, never Optiscope's code), plus Lion's defining property.
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
  readFileSync(new URL('../fixtures/papers/papers.json', import.meta.url), 'utf8'),
);

describe(`optimizers from their papers (${fixtures.cases.length} numpy cases)`, () => {
  for (const fixture of fixtures.cases) {
    it(fixture.name, () => {
      const run = simulate(fixture.scene).trajectories[0]!;
      expect(run.steps).toBe(fixture.path.length - 1);
      fixture.path.forEach(([a, b], k) => {
        expect(Math.abs(run.path[2 * k]! - a), `step ${k}`).toBeLessThanOrEqual(1e-12 + 1e-9 * Math.abs(a));
        expect(Math.abs(run.path[2 * k + 1]! - b), `step ${k}`).toBeLessThanOrEqual(
          1e-12 + 1e-9 * Math.abs(b),
        );
      });
    });
  }

  it('Lion without weight decay moves every coordinate by exactly ±η: its path lies on a lattice', () => {
    const lr = 0.05;
    const run = simulate({
      surface: 'quadratic',
      start: [-1, -1],
      steps: 200,
      optimizers: [{ type: 'Lion', lr }],
    }).trajectories[0]!;
    expect(run.steps).toBe(200);
    let reversals = 0;
    for (let k = 0; k < run.steps; k++) {
      for (const i of [0, 1]) {
        const step = run.path[2 * (k + 1) + i]! - run.path[2 * k + i]!;
        expect(Math.abs(step), `step ${k}, coordinate ${i}`).toBeCloseTo(lr, 12);
        if (k > 0 && Math.sign(step) !== Math.sign(run.path[2 * k + i]! - run.path[2 * (k - 1) + i]!))
          reversals++;
      }
    }
    // The walk turns round at the minimum and keeps crossing it: the limit cycle of a sign method.
    expect(reversals).toBeGreaterThan(4);
    const [w1, w2] = [run.path[2 * run.steps]!, run.path[2 * run.steps + 1]!];
    expect(Math.hypot(w1, w2)).toBeLessThan(1);
  });
});
