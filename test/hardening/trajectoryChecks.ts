/** What "finite output or a clean divergence" means for one trajectory, in one place for every hardening test. */
import { expect } from 'vitest';
import type { Trajectory } from '../../src/core';

export function expectCleanTrajectory(t: Trajectory, requested: number, where: string): void {
  const n = t.steps;
  expect(Number.isInteger(n) && n >= 0 && n <= requested, `${where}: steps ${n}`).toBe(true);
  expect(t.path.length, `${where}: path length`).toBe(2 * (n + 1));
  expect(t.loss.length, `${where}: loss length`).toBe(n + 1);
  for (const series of [t.gradient, t.update, t.effectiveLr, ...t.accumulators.map((a) => a.values)])
    expect(series.length, `${where}: per-step series length`).toBe(2 * n);
  expect(t.learningRate.length, `${where}: learning-rate length`).toBe(n);
  // Start point: always finite. Its loss may be undefined only when the run says so at step 0.
  for (const value of t.path)
    if (!Number.isFinite(value)) expect.fail(`${where}: non-finite point ${value} in path`);
  t.loss.forEach((value, i) => {
    if (!Number.isFinite(value) && !(i === 0 && t.divergence?.step === 0))
      expect.fail(`${where}: non-finite loss ${value} at step ${i}`);
  });
  // What the panels draw beside the path: the gradient, the update and the scheduled rate are finite too.
  // Effective learning rates may be NaN or ±∞ by design (η/(√0 + 0) with eps = 0 on a zero gradient; NaN
  // "not defined" for Newton and random search); the charts skip non-finite values (src/ui/charts/scales.ts).
  for (const series of [t.gradient, t.update, t.learningRate])
    for (const value of series)
      if (!Number.isFinite(value)) expect.fail(`${where}: non-finite per-step value ${value}`);
  if (t.divergence === null) {
    // (== rather than Object.is: the schema lets `steps: -0` through, and a run of -0 steps is a run of 0.)
    expect(n === requested, `${where}: a run without divergence completes (${n} of ${requested} steps)`).toBe(
      true,
    );
  } else {
    const { step, reason } = t.divergence;
    expect(
      Number.isInteger(step) && step >= 0 && step <= requested,
      `${where}: divergence step ${step}`,
    ).toBe(true);
    // The last recorded point is the one before the bad update, or the out-of-bounds point itself.
    expect(
      [step - 1, step].includes(n) || (step === 0 && n === 0),
      `${where}: steps ${n} vs divergence ${step}`,
    ).toBe(true);
    expect(typeof reason === 'string' && reason.length > 0, `${where}: reason`).toBe(true);
  }
}
