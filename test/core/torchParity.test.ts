/**
 * Parity with torch.optim: every fixture in test/fixtures/torch/trajectories.json was computed by PyTorch
 * (float64; numpy for Adam without bias correction and Newton) from the same scene JSON. simulate() must
 * reproduce every point of every path and every loss to a relative 1e-9 (absolute 1e-12).
 * Regenerate the fixtures with test/fixtures/torch/generate.py (see the README there); CI needs no Python.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/core';

interface FixtureCase {
  readonly name: string;
  readonly reference: string;
  readonly scene: { readonly steps: number } & Record<string, unknown>;
  readonly path: readonly (readonly [number, number])[];
  readonly loss: readonly number[];
}

interface Fixtures {
  readonly generator: string;
  readonly torch: string;
  readonly cases: readonly FixtureCase[];
}

const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_TOLERANCE = 1e-12;
/** Below this magnitude a relative deviation says nothing (a coordinate converging to 0); the absolute one counts. */
const RELATIVE_FLOOR = 1e-8;

const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/torch/trajectories.json', import.meta.url), 'utf8'),
) as Fixtures;

interface Worst {
  value: number;
  where: string;
}

const worstRelative: Worst = { value: 0, where: '' };
const worstAbsolute: Worst = { value: 0, where: '' };
const worstTolerance: Worst = { value: 0, where: '' };
let comparedValues = 0;
let checkedCases = 0;

function note(worst: Worst, value: number, where: string): void {
  if (value > worst.value) {
    worst.value = value;
    worst.where = where;
  }
}

/** Compares one number; returns a description of the mismatch, or null. */
function compare(actual: number, expected: number, where: string): string | null {
  comparedValues++;
  const deviation = Math.abs(actual - expected);
  const allowed = ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(expected);
  note(worstAbsolute, deviation, where);
  if (Math.abs(expected) >= RELATIVE_FLOOR) note(worstRelative, deviation / Math.abs(expected), where);
  note(worstTolerance, deviation / allowed, where);
  if (Number.isFinite(actual) && deviation <= allowed) return null;
  return `${where}: ours ${actual}, reference ${expected} (deviation ${deviation.toExponential(2)}, allowed ${allowed.toExponential(2)})`;
}

describe(`torch.optim parity (${fixtures.cases.length} cases, torch ${fixtures.torch})`, () => {
  it('has fixtures for every torch optimizer, both numpy references, every schedule and both clippings', () => {
    const types = new Set(fixtures.cases.map((c) => (c.scene.optimizers as { type: string }[])[0]!.type));
    for (const type of [
      'SGD',
      'Adagrad',
      'RMSprop',
      'Adam',
      'AdamW',
      'NAdam',
      'Adamax',
      'Adadelta',
      'LBFGS',
      'Newton',
    ])
      expect(types, type).toContain(type);
    const configs = fixtures.cases.map((c) => (c.scene.optimizers as Record<string, unknown>[])[0]!);
    const schedules = new Set(configs.map((c) => (c.schedule as { type: string } | undefined)?.type));
    for (const schedule of ['step', 'exponential', 'inverse_time', 'cosine'])
      expect(schedules).toContain(schedule);
    const clippings = new Set(configs.map((c) => (c.clip as { type: string } | undefined)?.type));
    for (const clipping of ['norm', 'value']) expect(clippings).toContain(clipping);
    expect(configs.some((c) => c.type === 'Adam' && c.bias_correction === false)).toBe(true);
  });

  for (const fixture of fixtures.cases) {
    it(fixture.name, () => {
      const simulation = simulate(fixture.scene);
      expect(simulation.trajectories).toHaveLength(1);
      const trajectory = simulation.trajectories[0]!;
      expect(trajectory.divergence).toBeNull();
      expect(trajectory.steps).toBe(fixture.scene.steps);
      expect(trajectory.path.length).toBe(2 * fixture.path.length);
      expect(trajectory.loss.length).toBe(fixture.loss.length);

      const mismatches: string[] = [];
      const check = (actual: number, expected: number, where: string) => {
        const mismatch = compare(actual, expected, `${fixture.name} ${where}`);
        if (mismatch) mismatches.push(mismatch);
      };
      fixture.path.forEach(([w1, w2], k) => {
        check(trajectory.path[2 * k]!, w1, `path[${k}].w1`);
        check(trajectory.path[2 * k + 1]!, w2, `path[${k}].w2`);
        check(trajectory.loss[k]!, fixture.loss[k]!, `loss[${k}]`);
      });
      checkedCases++;
      expect(mismatches.slice(0, 5), `${mismatches.length} mismatches`).toEqual([]);
    });
  }

  afterAll(() => {
    console.log(
      `torch parity: ${checkedCases}/${fixtures.cases.length} cases, ${comparedValues} values compared; ` +
        `largest relative deviation ${worstRelative.value.toExponential(2)} (${worstRelative.where}); ` +
        `largest absolute deviation ${worstAbsolute.value.toExponential(2)} (${worstAbsolute.where}); ` +
        `worst use of the tolerance ${(100 * worstTolerance.value).toPrecision(3)}% (${worstTolerance.where})`,
    );
  });
});
