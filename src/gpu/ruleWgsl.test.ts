import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../core/optimizers';
import { compileRule } from '../core/optimizers/rule';
import { ruleWgsl } from './ruleWgsl';

describe('WGSL from a rule', () => {
  it('keeps Adam’s βᵗ as running products in the state, the flags as tests the overrides fold', () => {
    const wgsl = ruleWgsl(getOptimizer('Adam')!.rule!);
    expect(wgsl).toContain('(*s).power0 = (*s).power0 * hp.betas.x;');
    expect(wgsl).toContain('(*s).power1 = (*s).power1 * hp.betas.y;');
    expect(wgsl).not.toContain('pow_safe');
    expect(wgsl).toContain('if ((hp.amsgrad > 0.5)) {');
    expect(wgsl).toContain('return StepOut(r_update, false);');
  });

  it('splats scalars where a vector is meant and takes a look-ahead gradient from the surface', () => {
    const rule = compileRule(
      'Lookahead',
      {
        state: { v: 'start' },
        step: [
          'g = gradient_at(w + mu * v)',
          'v = max(mu * v - lr * g, 0)',
          'update = v',
          'effective_lr = lr',
        ],
      },
      [
        { key: 'lr', kind: 'number' },
        { key: 'mu', kind: 'number' },
        { key: 'start', kind: 'number' },
      ],
    );
    const wgsl = ruleWgsl(rule);
    expect(wgsl).toContain('return OptState(vec2<f32>(hp.start));');
    expect(wgsl).toContain('g = surface_gradient((i.w + (hp.mu * (*s).v)));');
    expect(wgsl).toContain('(*s).v = max(((hp.mu * (*s).v) - (i.lr * g)), vec2<f32>(0.0));');
  });

  it('adds over the coordinates in one number and reads the Hessian diagonal from the surface', () => {
    const sam = ruleWgsl(getOptimizer('SAM')!.rule!);
    expect(sam).toContain('dot((g * g), vec2<f32>(1.0, 1.0))');
    expect(sam).toContain('g = surface_gradient((i.w + (*s).perturbation));');
    const sophia = ruleWgsl(getOptimizer('Sophia')!.rule!);
    expect(sophia).toContain('r_curvature = surface_hessian(i.w).xz;');
    const prodigy = ruleWgsl(getOptimizer('Prodigy')!.rule!);
    expect(prodigy).toContain('var r_norm: f32;');
  });
});
