import { describe, expect, it } from 'vitest';
import { statsSchema } from '../core/network';
import { computeActivationStats } from './activationStats';
import { NETWORK_LESSONS, networkLesson } from './lessons';

describe('network lessons: every caption claim holds on the lesson’s own run', () => {
  for (const lesson of NETWORK_LESSONS) {
    it(
      lesson.id,
      () => {
        const result = computeActivationStats(statsSchema.parse(lesson.stats), {
          backward: lesson.backward === true,
        });
        const claims = lesson.claims(result);
        expect(Object.keys(claims).length).toBeGreaterThan(0);
        for (const [name, holds] of Object.entries(claims)) expect(holds, `${lesson.id}: ${name}`).toBe(true);
        const caption = lesson.caption(result);
        // Numbers in the caption come from the run: the first layer's std appears as computed.
        expect(caption).not.toMatch(/NaN|undefined|Infinity/);
        if (
          !['zero-init', 'init-he', 'init-saturation', 'vanishing-gradients', 'batch-norm'].includes(
            lesson.id,
          )
        )
          expect(caption).toContain(result.layers[0]!.std.toFixed(3));
      },
      // Each lesson is the full 10 × 500 net on 1,000 inputs; with the backward pass, three matmuls a layer.
      120_000,
    );
  }

  it('claims fail on a run that contradicts them (the checks can fail)', () => {
    const collapse = networkLesson('init-collapse')!;
    const he = computeActivationStats(
      statsSchema.parse({ depth: 4, width: 100, batch: 100, activation: 'relu', init: 'he' }),
    );
    expect(Object.values(collapse.claims(he)).some((holds) => !holds)).toBe(true);
    const zero = networkLesson('zero-init')!;
    expect(Object.values(zero.claims(he)).every((holds) => !holds)).toBe(true);
  });

  it('ids are unique and valid link ids', () => {
    const ids = NETWORK_LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(networkLesson('nope')).toBeUndefined();
  });
});
