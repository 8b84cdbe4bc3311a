import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScene, simulate } from '../..';
import { SURFACES } from '../../surfaces';
import { compileCustomOptimizer, CUSTOM_TYPE, TYPED_LION, type CustomOptimizerDefinition } from '.';
import { getOptimizer } from '..';

/** Bit-for-bit equality of two float64 arrays (NaN and −0 included). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return x.every((byte, i) => byte === y[i]);
}

const errorsOf = (definition: CustomOptimizerDefinition) => {
  const result = compileCustomOptimizer(definition);
  return result.ok ? [] : result.errors;
};
const withStep = (...step: string[]): CustomOptimizerDefinition => ({ ...TYPED_LION, step });

describe('typed optimizer', () => {
  it.each([
    [0.9, 0.99, 0, 1e-2],
    [0.5, 0.9, 0.1, 3e-2],
  ])('a typed Lion (β₁ %f, β₂ %f, λ %f) steps bit for bit as the built-in Lion', (b1, b2, decay, lr) => {
    for (const surface of SURFACES) {
      const result = simulate({
        surface: surface.id,
        steps: 120,
        optimizers: [
          { type: 'Lion', lr, betas: [b1, b2], weight_decay: decay },
          { type: CUSTOM_TYPE, lr, beta1: b1, beta2: b2, decay },
        ],
        customOptimizer: TYPED_LION,
      });
      const [builtIn, typed] = result.trajectories as [
        (typeof result.trajectories)[number],
        (typeof result.trajectories)[number],
      ];
      expect(typed.steps).toBe(builtIn.steps);
      expect(sameBits(typed.path, builtIn.path), surface.id).toBe(true);
      expect(sameBits(typed.loss, builtIn.loss)).toBe(true);
      expect(sameBits(typed.update, builtIn.update)).toBe(true);
      expect(sameBits(typed.accumulators[0]!.values, builtIn.accumulators[0]!.values)).toBe(true);
    }
  });

  it('takes its label, hyperparameter table and state from the definition', () => {
    const parsed = parseScene({
      surface: 'quadratic',
      optimizers: [{ type: CUSTOM_TYPE }],
      customOptimizer: TYPED_LION,
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const config = parsed.value.optimizers[0]!;
    expect(config.label).toBe('My Lion');
    expect(config.hyperparameters).toEqual({ lr: 0.02, beta1: 0.9, beta2: 0.99, decay: 0 });
    const spec = getOptimizer(CUSTOM_TYPE)!;
    expect(spec.accumulators.map((a) => a.key)).toEqual(['m']);
    expect(spec.rule!.step.length).toBe(4); // three lines and effective_lr = lr
  });

  it('a rule that produces NaN stops the run with the reason any run gives', () => {
    const result = simulate({
      surface: 'quadratic',
      steps: 50,
      optimizers: [{ type: CUSTOM_TYPE, lr: 0.1 }],
      customOptimizer: { ...TYPED_LION, step: ['w = w - lr * log(-1 - abs(g))'] },
    });
    const run = result.trajectories[0]!;
    expect(run.divergence?.step).toBe(1);
    expect(run.divergence).toMatchObject({ kind: 'diverged', reason: 'the update became NaN or infinite' });
  });

  it('refuses a scene whose optimizers use a definition it does not have, or values outside the sliders', () => {
    const missing = parseScene({ surface: 'quadratic', optimizers: [{ type: CUSTOM_TYPE }] });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors[0]).toMatch(/optimizers\[0\]\.type: .*customOptimizer/);
    const outside = parseScene({
      surface: 'quadratic',
      optimizers: [{ type: CUSTOM_TYPE, beta1: 2, nope: 1 }],
      customOptimizer: TYPED_LION,
    });
    expect(outside.ok).toBe(false);
    if (!outside.ok) {
      expect(outside.errors).toContain('optimizers[0].beta1: outside its range 0 … 0.999');
      expect(outside.errors).toContain('optimizers[0].nope: not a hyperparameter of My Lion');
    }
  });
});

describe('typed optimizer errors, each where it is', () => {
  it('an unknown symbol, at its characters', () => {
    const [error] = errorsOf(withStep('c = beta1 * m + (1 - beta1) * q', 'w = w - lr * sign(c)'));
    expect(error).toMatchObject({ section: 'step', row: 0, position: 30, length: 1 });
    expect(error!.message).toMatch(/unknown symbol 'q'/);
  });

  it('a variable carried between steps that is not declared as state', () => {
    const [error] = errorsOf(withStep('v = 0.9 * v + g', 'w = w - lr * v'));
    expect(error).toMatchObject({ section: 'step', row: 0, position: 10, length: 1 });
    expect(error!.message).toMatch(/v is not a declared state variable/);
  });

  it('bad syntax, with the expression parser’s position', () => {
    const [error] = errorsOf(withStep('w = w - lr * (g +'));
    expect(error).toMatchObject({ section: 'step', row: 0 });
    expect(error!.position).toBeGreaterThanOrEqual(4);
    expect(errorsOf(withStep('w - lr * g'))[0]!.message).toMatch(/name = expression/);
  });

  it('assigning a hyperparameter or an input, functions the GPU rule has not, w1', () => {
    expect(errorsOf(withStep('beta1 = 2', 'w = w - lr * g'))[0]!.message).toMatch(
      /beta1 is a hyperparameter/,
    );
    expect(errorsOf(withStep('lr = 2', 'w = w - lr * g'))[0]!.message).toMatch(/input of the step/);
    expect(errorsOf(withStep('w = w - lr * sin(g)'))[0]).toMatchObject({ position: 13, length: 3 });
    expect(errorsOf(withStep('w = w1 - lr * g'))[0]!.message).toMatch(/write w for the position/);
  });

  it('a step that never moves, a state read in its own initial value, a reserved or repeated name', () => {
    expect(errorsOf(withStep('c = g'))[0]!.message).toMatch(/no line moves the position/);
    expect(errorsOf({ ...TYPED_LION, state: [{ name: 'm', init: 'm + 1' }] })[0]).toMatchObject({
      section: 'state',
      position: 0,
      length: 1,
    });
    expect(errorsOf({ ...TYPED_LION, state: [{ name: 'fn', init: '0' }] })[0]!.message).toMatch(/reserved/);
    expect(errorsOf({ ...TYPED_LION, state: [{ name: 'beta1', init: '0' }] })[0]!.message).toMatch(
      /defined twice/,
    );
  });

  it('the typed-surface limits: length and nesting depth', () => {
    expect(errorsOf(withStep(`w = w - ${'g + '.repeat(200)}g`))[0]!.message).toMatch(/500|too long/);
    expect(errorsOf(withStep(`w = w - ${'('.repeat(70)}g${')'.repeat(70)}`))[0]!.message).toMatch(
      /nested too deeply/,
    );
  });
});

describe('typed optimizer equations', () => {
  it('show Greek names as letters and lr as η, one equation per line', () => {
    const result = compileCustomOptimizer(TYPED_LION);
    if (!result.ok) throw new Error('TYPED_LION compiles');
    expect(result.spec.equations).toEqual([
      'c \\leftarrow {\\beta_{1}} {m} + \\left(1 - {\\beta_{1}}\\right) {g}',
      'w \\leftarrow {w} - {\\eta} \\left(\\operatorname{sign}\\left({c}\\right) + {\\mathrm{decay}\\,} {w}\\right)',
      'm \\leftarrow {\\beta_{2}} {m} + \\left(1 - {\\beta_{2}}\\right) {g}',
    ]);
  });
});

describe('typed optimizer input is total', () => {
  const token = fc.constantFrom(
    'g',
    'w',
    't',
    'lr',
    'loss',
    'm',
    'beta1',
    'c',
    'q',
    'sign(',
    'sqrt(',
    'log(',
    'max(',
    ',',
    '(',
    ')',
    '+',
    '-',
    '*',
    '/',
    '^',
    '=',
    '==',
    '1',
    '0.5',
    '1e308',
    'w1',
    'sin(',
    'update',
    'effective_lr',
    ' ',
  );
  const line = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.array(token, { maxLength: 14 }).map((parts) => parts.join('')),
    fc
      .tuple(fc.constantFrom('w', 'm', 'c', 'g', 'update', 'beta1', 'x'), fc.array(token, { maxLength: 10 }))
      .map(([target, parts]) => `${target} = ${parts.join('')}`),
  );
  it('any lines compile or come back as positioned errors, never a throw; what compiles runs', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (step) => {
        const result = compileCustomOptimizer({ ...TYPED_LION, step });
        if (!result.ok) {
          for (const e of result.errors) {
            expect(e.message.length).toBeGreaterThan(0);
            expect(e.position).toBeGreaterThanOrEqual(0);
          }
          return;
        }
        const state = result.spec.init({ lr: 0.1, beta1: 0.9, beta2: 0.99, decay: 0 });
        const oracle = {
          value: () => 1,
          gradient: () => [1, -1] as const,
          hessian: () => [1, 0, 1] as const,
        };
        result.spec.step({
          t: 1,
          lr: 0.1,
          w: [0.5, -0.5],
          loss: 1,
          g: [1, -1],
          hp: { lr: 0.1, beta1: 0.9, beta2: 0.99, decay: 0 },
          state,
          oracle: oracle as never,
          random: () => 0.5,
        });
      }),
      { numRuns: 1500 },
    );
  });
});
