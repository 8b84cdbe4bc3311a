import { describe, expect, it } from 'vitest';
import { CUSTOM_TYPE, setCustomOptimizer, TYPED_LION } from '../core/optimizers/custom';
import { generateKernel } from './kernel';
import { surfaceWgsl } from './surfaceWgsl';

describe('a typed optimizer as WGSL', () => {
  it('is generated at runtime from its rule, with the typed lines in order', () => {
    expect(setCustomOptimizer(TYPED_LION)).toBeNull();
    const typed = generateKernel(surfaceWgsl('quadratic'), CUSTOM_TYPE).code;
    for (const piece of ['fn opt_step(', 'struct OptState', 'beta1: f32,', 'decay: f32,'])
      expect(typed.split(piece).length - 1, piece).toBe(1);
    // The typed lines, in order; Δw = −(η·(…)) where the built-in writes (−η)·(…), the same in IEEE arithmetic.
    expect(typed).toContain('r_c = ((hp.beta1 * (*s).m) + ((1.0 - hp.beta1) * g));');
    expect(typed).toContain('r_update = (-(i.lr * (sign(r_c) + (hp.decay * i.w))));');
    expect(typed).toContain('(*s).m = ((hp.beta2 * (*s).m) + ((1.0 - hp.beta2) * g));');
    expect(typed).toContain('r_effective_lr = i.lr;');
  });
});
