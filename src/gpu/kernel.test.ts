import { describe, expect, it } from 'vitest';
import { OPTIMIZER_TYPES } from '../core/optimizers';
import { surfaceIds } from '../core/surfaces';
import { hyperparameterLayout } from '../engine/layout';
import { GPU_OPTIMIZER_TYPES, generateKernel, hyperparameterWgsl } from './kernel';
import { surfaceWgsl } from './surfaceWgsl';

describe('generated WGSL', () => {
  it('has an update rule for every optimizer in the registry', () => {
    expect([...GPU_OPTIMIZER_TYPES].sort()).toEqual([...OPTIMIZER_TYPES].sort());
  });

  it('generates the hyperparameter struct from the spec table', () => {
    expect(hyperparameterWgsl(hyperparameterLayout('Adam'))).toMatchInlineSnapshot(`
      "// Generated from the Adam spec's hyperparameter table (src/engine/layout.ts).
      override HP_AMSGRAD: f32 = -1.0; // 0 or 1 for the whole batch; -1: per particle
      override HP_BIAS_CORRECTION: f32 = -1.0; // 0 or 1 for the whole batch; -1: per particle

      struct Hyper {
        lr: f32,
        betas: vec2<f32>,
        eps: f32,
        weight_decay: f32,
        amsgrad: f32, // 0 or 1
        bias_correction: f32, // 0 or 1
      }

      fn load_hyper(base: u32) -> Hyper {
        return Hyper(particles[base + 0u], vec2<f32>(particles[base + 1u], particles[base + 2u]), particles[base + 3u], particles[base + 4u], select(particles[base + 5u], HP_AMSGRAD, HP_AMSGRAD >= 0.0), select(particles[base + 6u], HP_BIAS_CORRECTION, HP_BIAS_CORRECTION >= 0.0));
      }"
    `);
  });

  it.each(OPTIMIZER_TYPES)('%s kernel has every piece exactly once', (type) => {
    const { code, hyperparameterWidth } = generateKernel(surfaceWgsl('rosenbrock'), type);
    for (const fn of [
      'fn main(',
      'fn opt_step(',
      'fn opt_init(',
      'fn surface_value(',
      'fn surface_gradient(',
      'fn surface_hessian(',
      'fn load_hyper(',
      'fn pcg_hash(',
      'struct OptState',
      'struct Hyper ',
    ]) {
      expect(code.split(fn).length - 1, fn).toBe(1);
    }
    expect(hyperparameterWidth).toBe(hyperparameterLayout(type).width);
    expect(code).toContain('override WORKGROUP_SIZE');
  });

  it('compiles every built-in surface to WGSL', () => {
    for (const id of surfaceIds) expect(surfaceWgsl(id)).toContain('fn surface_hessian(');
  });
});
