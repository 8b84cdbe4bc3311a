import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../core/optimizers';
import { compileRule } from '../core/optimizers/rule';
import { ruleKernelSource } from './ruleKernelSource';

describe('CPU kernel source from a rule', () => {
  it('reads Adam’s bias corrections from memoized tables and computes 1 − β once per particle', () => {
    const source = ruleKernelSource(getOptimizer('Adam')!.rule!);
    expect(source.prelude).toContain('new StepPowers(steps, (key, t) => (1 - Math.pow(key, t)))');
    expect(source.prelude).toContain('Math.sqrt((1 - Math.pow(key, t)))');
    expect(source.step).not.toContain('Math.pow');
    expect(source.setup).toMatch(/const _k\d+ = \(1 - _beta1\);/);
    expect(source.step).toMatch(/_m1 = \(\(_beta1 \* _m1\) \+ \(_k\d+ \* d1\)\);/);
  });

  it('takes a look-ahead gradient from the surface (the lectures’ Nesterov)', () => {
    const rule = compileRule(
      'Lookahead',
      {
        state: { v: '0' },
        step: ['g = gradient_at(w + mu * v)', 'v = mu * v - lr * g', 'update = v', 'effective_lr = lr'],
      },
      [
        { key: 'lr', kind: 'number' },
        { key: 'mu', kind: 'number' },
      ],
    );
    const source = ruleKernelSource(rule);
    expect(source.step).toContain(
      'surface.valueAndGradientInto(gradient, (w1 + (_mu * _v1)), (w2 + (_mu * _v2)));',
    );
    expect(source.step.indexOf('d1 = gradient[0]')).toBeLessThan(source.step.indexOf('_v1 = '));
  });
});
