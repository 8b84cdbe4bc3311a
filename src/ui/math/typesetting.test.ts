/** Every equation the app shows typesets with KaTeX: optimizer rules under each setting, lecture forms, surfaces. */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, SURFACES, resolveOptimizer } from '../../core';
import { equationsFor } from '../../core/optimizers/spec';
import type { Hyperparameters } from '../../core';

const parses = (tex: string) => {
  try {
    katex.renderToString(tex, { throwOnError: true, strict: 'error' });
    return null;
  } catch (error) {
    return `${tex}: ${String(error)}`;
  }
};

/** The defaults, and each boolean flipped and each number set to a non-default value, one at a time. */
function settings(type: string): Hyperparameters[] {
  const spec = OPTIMIZERS.find((o) => o.type === type)!;
  const base = resolveOptimizer({ type }).hyperparameters;
  const variants: Hyperparameters[] = [base];
  for (const row of spec.hyperparameters) {
    if (row.kind === 'boolean') variants.push({ ...base, [row.key]: !base[row.key] });
    if (row.kind === 'number')
      variants.push({ ...base, [row.key]: row.default === 0 ? 0.5 : row.default / 2 });
  }
  return variants;
}

describe('typesetting', () => {
  it('every optimizer rule, in every setting, and every lecture form parses with KaTeX', () => {
    const errors: string[] = [];
    for (const spec of OPTIMIZERS)
      for (const hp of settings(spec.type)) {
        for (const tex of equationsFor(spec, hp)) errors.push(parses(tex) ?? '');
        for (const tex of spec.lectureForm?.(hp)?.equations ?? []) errors.push(parses(tex) ?? '');
      }
    expect(errors.filter(Boolean)).toEqual([]);
  });

  it('every built-in surface formula parses', () => {
    expect(SURFACES.map((s) => parses(s.formula)).filter(Boolean)).toEqual([]);
  });
});
