/**
 * The specs' generated straight-line steps (src/core/optimizers/generated/ruleSteps.ts): committed up to
 * date, in use for every element-wise optimizer, and bit-identical to the closures evaluating the same
 * rule (two independent evaluations of one tree) over runs that take every branch.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../core/optimizers';
import { RULE_STEPS } from '../core/optimizers/generated/ruleSteps';
import { ruleStepFunctions } from '../core/optimizers/ruleStep';
import { resolveOptimizer } from '../core/scene';
import { getSurface } from '../core/surfaces';
import type { Vec2 } from '../core/types';
import { formatRuleSteps, RULE_STEPS_PATH } from './formatKernels';

const elementwise = OPTIMIZERS.filter((spec) => spec.rule);

/** Settings that switch each rule's branches on. */
const VARIANTS: Readonly<Record<string, readonly Record<string, unknown>[]>> = {
  SGD: [
    { momentum: 0.9 },
    { momentum: 0.9, nesterov: true, weight_decay: 0.1 },
    { momentum: 0.5, dampening: 0.5 },
  ],
  Adagrad: [{ lr_decay: 0.01, weight_decay: 0.05, initial_accumulator_value: 0.1 }],
  RMSprop: [{ centered: true }, { momentum: 0.9, weight_decay: 0.01 }, { centered: true, momentum: 0.5 }],
  Adam: [{ amsgrad: true }, { bias_correction: false, weight_decay: 0.1 }],
  AdamW: [{ amsgrad: true, weight_decay: 0.1 }],
  NAdam: [{ momentum_decay: 0.01, weight_decay: 0.05 }],
  Adamax: [{ weight_decay: 0.01, betas: [0.8, 0.99] }],
  Adadelta: [{ rho: 0.5, weight_decay: 0.1 }],
};

describe('generated float64 steps', () => {
  it('are committed up to date (npm run generate:kernels) and in use for every element-wise rule', async () => {
    expect(readFileSync(RULE_STEPS_PATH, 'utf8')).toBe(await formatRuleSteps());
    for (const spec of elementwise) expect(RULE_STEPS[spec.type]?.fingerprint).toBe(spec.rule!.fingerprint);
  });

  it.each(elementwise.map((spec) => spec.type))('%s: equal the closures bit for bit', (type) => {
    const spec = elementwise.find((s) => s.type === type)!;
    const surface = getSurface('rosenbrock')!;
    for (const settings of [{}, ...(VARIANTS[type] ?? [])]) {
      const hp = resolveOptimizer({ type, lr: 1e-3, ...settings }).hyperparameters;
      const fast = ruleStepFunctions(
        spec.rule!,
        spec.accumulators.map((a) => a.key),
      );
      const slow = ruleStepFunctions(
        spec.rule!,
        spec.accumulators.map((a) => a.key),
        false,
      );
      const states = [fast.init(hp), slow.init(hp)] as const;
      let w: Vec2 = [-1.2, 1];
      for (let t = 1; t <= 60; t++) {
        const g = surface.gradient(w[0], w[1]);
        const ctx = {
          t,
          lr: 1e-3,
          w,
          loss: surface.value(w[0], w[1]),
          g,
          hp,
          oracle: surface,
          random: () => 0.5,
        };
        const a = fast.step({ ...ctx, state: states[0] });
        const b = slow.step({ ...ctx, state: states[1] });
        expect(a).toEqual(b);
        expect(Array.from(states[0])).toEqual(Array.from(states[1]));
        w = [w[0] + a.update[0], w[1] + a.update[1]];
      }
    }
  });
});
