/** The equations shown are those of the settings in force. */
import { describe, expect, it } from 'vitest';
import { getOptimizer, resolveOptimizer } from '../index';
import { equationsFor } from './spec';

const rule = (type: string, settings: Record<string, unknown> = {}) => {
  const config = resolveOptimizer({ type, ...settings });
  return equationsFor(getOptimizer(type)!, config.hyperparameters).join('\n');
};
const lecture = (type: string, settings: Record<string, unknown> = {}) =>
  getOptimizer(type)!.lectureForm?.(resolveOptimizer({ type, ...settings }).hyperparameters) ?? null;

describe('equations of the settings in force', () => {
  it('SGD without momentum has no buffer; with it, a buffer; Nesterov steps along g + μb', () => {
    expect(rule('SGD')).not.toMatch(/b_t|\\mu/);
    expect(rule('SGD', { momentum: 0.9 })).toMatch(/b_t = \\mu\\, b_\{t-1\} \+ g_t/);
    expect(rule('SGD', { momentum: 0.9 })).toMatch(/w_t - \\eta\\, b_t/);
    expect(rule('SGD', { momentum: 0.9, dampening: 0.9 })).toMatch(/1-\\tau/);
    expect(rule('SGD', { momentum: 0.9, nesterov: true })).toMatch(/g_t \+ \\mu\\, b_t/);
    expect(rule('SGD', { weight_decay: 0.1 })).toMatch(/\\lambda w_t/);
    expect(rule('SGD')).not.toMatch(/\\lambda/);
  });

  it('Adam shows m̂ and v̂ only with bias correction, and the running max only with AMSGrad', () => {
    expect(rule('Adam')).toMatch(/\\hat m_t/);
    expect(rule('Adam', { bias_correction: false })).not.toMatch(/\\hat/);
    expect(rule('Adam', { bias_correction: false })).toMatch(/\\frac\{m_t\}\{\\sqrt\{v_t\}/);
    expect(rule('Adam', { amsgrad: true })).toMatch(/\\max/);
    expect(rule('Adam')).not.toMatch(/\\max/);
    expect(rule('AdamW')).toMatch(/1 - \\eta\\lambda/);
    expect(rule('AdamW', { weight_decay: 0 })).not.toMatch(/\\lambda/);
  });

  it('RMSprop shows ḡ only when centered, and a buffer only with momentum', () => {
    expect(rule('RMSprop')).not.toMatch(/bar g|b_t/);
    expect(rule('RMSprop', { centered: true })).toMatch(/r_t - \\bar g_t\^2/);
    expect(rule('RMSprop', { momentum: 0.9 })).toMatch(/b_t = \\mu/);
  });

  it("the lectures' runnable forms change the equations shown", () => {
    expect(rule('SGD', { momentum: 0.9, dampening: 0.9, zero_init_buffer: true })).toMatch(/b_0 = 0/);
    expect(rule('SGD', { momentum: 0.9, dampening: 0.9 })).toMatch(/b_1 = g_1/);
    expect(rule('RMSprop', { eps_in_sqrt: true })).toMatch(/\\sqrt\{r_t \+ \\epsilon\}/);
    expect(rule('RMSprop')).toMatch(/\\sqrt\{r_t\} \+ \\epsilon/);
  });

  it('lecture forms appear where the lectures write the rule differently', () => {
    expect(lecture('SGD')).toBeNull();
    expect(lecture('SGD', { momentum: 0.9 })?.equations.join()).toMatch(/v_\{t\+1\} = \\mu\\, v_t/);
    expect(lecture('SGD', { momentum: 0.9, nesterov: true })?.equations.join()).toMatch(
      /\\theta_t \+ \\mu\\, v_t/,
    );
    expect(lecture('SGD', { momentum: 0.9, dampening: 0.9 })?.lecture).toBe('004');
    expect(lecture('RMSprop')?.equations.join()).toMatch(/\\sqrt\{s_t \+ \\epsilon\}/);
    expect(lecture('RMSprop', { centered: true })).toBeNull();
  });
});
