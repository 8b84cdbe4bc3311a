/**
 * Typed expressions are first-class surfaces: a scene that carries `{expression, constants}` simulates
 * exactly as the equivalent built-in does, stops cleanly where the function is undefined, and no scene
 * JSON, however odd its expression, makes simulate() throw anything but a SceneError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OPTIMIZER_TYPES,
  parseScene,
  resolveSurface,
  SceneError,
  SURFACES,
  sceneToJson,
  simulate,
  type Trajectory,
} from '../../src/core';

/** Learning rates that move visibly and stay stable on these surfaces (some defaults barely move). */
const SETTINGS: Readonly<Record<string, Record<string, unknown>>> = {
  SGD: { lr: 1e-3, momentum: 0.9, nesterov: true },
  Adagrad: { lr: 0.1 },
  RMSprop: { lr: 1e-2, centered: true },
  Adam: { lr: 0.05, amsgrad: true },
  AdamW: { lr: 0.05 },
  NAdam: { lr: 0.05 },
  Adamax: { lr: 0.05 },
  Adadelta: { lr: 1 },
  Newton: { lr: 0.5, damping: 1 },
  LBFGS: { lr: 0.2 },
  RandomSearch: { lr: 0.05 },
};

const optimizers = OPTIMIZER_TYPES.map((type) => ({ type, ...SETTINGS[type] }));

/** Largest |a − b| / (1 + |b|) over two interleaved arrays, over the first `count` entries (default all). */
function relativeGap(a: Float64Array, b: Float64Array, count = b.length): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let k = 0; k < Math.min(count, b.length); k++)
    worst = Math.max(worst, Math.abs(a[k]! - b[k]!) / (1 + Math.abs(b[k]!)));
  return worst;
}

/**
 * Steps before the run has nearly converged (|∇f| < 1e-4). After that, every update is made of rounding-level
 * differences (L-BFGS divides differences of gradients), so two float64 runs agree only to ~1e-8 there.
 */
function stepsBeforeConvergence(t: Trajectory): number {
  for (let k = 0; k < t.steps; k++)
    if (Math.hypot(t.gradient[2 * k]!, t.gradient[2 * k + 1]!) < 1e-4) return k;
  return t.steps;
}

function expectSameTrajectories(typed: readonly Trajectory[], builtin: readonly Trajectory[]) {
  expect(typed).toHaveLength(builtin.length);
  typed.forEach((t, i) => {
    const b = builtin[i]!;
    const what = `${t.config.type}`;
    expect(t.steps, what).toBe(b.steps);
    expect(t.divergence?.reason ?? null, what).toBe(b.divergence?.reason ?? null);
    const n = stepsBeforeConvergence(b);
    // The compiled gradient may differ from the hand-written one in the last bit (2*(a+b) vs 2*a + 2*b).
    // L-BFGS's two-loop recursion divides differences of gradients and amplifies that bit (to ~1e-7 on
    // Booth, an exact quadratic it solves in a few steps): it is held to 1e-6, every other optimizer to 1e-12.
    const tolerance = t.config.type === 'LBFGS' ? 1e-6 : 1e-12;
    expect(relativeGap(t.path, b.path, 2 * (n + 1)), what).toBeLessThan(tolerance);
    expect(relativeGap(t.loss, b.loss, n + 1), what).toBeLessThan(tolerance);
    expect(relativeGap(t.gradient, b.gradient, 2 * n), what).toBeLessThan(tolerance);
    // Converged: both sit at the same minimum.
    expect(relativeGap(t.path, b.path), what).toBeLessThan(1e-6);
  });
}

describe('expression scenes simulate like the equivalent built-in surface', () => {
  const cases: [string, string, Record<string, number> | undefined, number][] = [
    ['quadratic', 'w1^2 + 25*w2^2', undefined, 100],
    ['quadratic', 'x^2 + 25*y^2', undefined, 100],
    ['quadratic', 'a*w1^2 + b*w2^2', { a: 1, b: 25 }, 100],
    ['rosenbrock', '(1 - w1)^2 + 100*(w2 - w1^2)^2', undefined, 60],
    ['rosenbrock', '(a - x)^2 + b*(y - x^2)^2', { a: 1, b: 100 }, 60],
    ['booth', '(w1 + 2*w2 - 7)^2 + (2*w1 + w2 - 5)^2', undefined, 60],
    ['himmelblau', '(w1^2 + w2 - 11)^2 + (w1 + w2^2 - 7)^2', undefined, 40],
  ];
  it.each(cases)('%s ≡ %s %o', (id, expression, constants, steps) => {
    const builtin = SURFACES.find((s) => s.id === id)!;
    const start = builtin.defaultStart;
    const shared = { start, steps, seed: 3, optimizers };
    const a = simulate({ ...shared, surface: constants ? { expression, constants } : { expression } });
    const b = simulate({ ...shared, surface: id });
    expect(a.surface.source).toBe('expression');
    expectSameTrajectories(a.trajectories, b.trajectories);
    // Most runs really move: the comparison is not between two stalled points.
    const moved = a.trajectories.filter(
      (t) =>
        t.steps > 0 &&
        Math.hypot(t.path[2 * t.steps]! - start[0], t.path[2 * t.steps + 1]! - start[1]) > 1e-3,
    );
    expect(moved.length).toBeGreaterThan(optimizers.length / 2);
  });

  it('every built-in surface, typed as its own expression, gives the same first 30 steps of SGD and Adam', () => {
    for (const builtin of SURFACES) {
      const shared = {
        start: builtin.defaultStart,
        steps: 30,
        optimizers: [
          { type: 'SGD', lr: 1e-4 },
          { type: 'Adam', lr: 0.01 },
        ],
      };
      const a = simulate({ ...shared, surface: { expression: builtin.expression } });
      const b = simulate({ ...shared, surface: builtin.id });
      a.trajectories.forEach((t, i) => {
        const other = b.trajectories[i]!;
        expect(t.steps, builtin.id).toBe(other.steps);
        // The compiled expression may round differently from the hand-written TS: a few ulps per step.
        expect(relativeGap(t.path, other.path), builtin.id).toBeLessThan(1e-9);
      });
    }
  });

  it('constants change the trajectory as the equivalent literal would', () => {
    const scene = (surface: unknown) => ({
      surface,
      start: [-1, 1],
      steps: 80,
      optimizers: [{ type: 'SGD', lr: 0.02, momentum: 0.5 }],
    });
    const withConstants = simulate(scene({ expression: 'a*w1^2 + b*w2^2', constants: { a: 3, b: 0.5 } }));
    const literal = simulate(scene({ expression: '3*w1^2 + 0.5*w2^2' }));
    expectSameTrajectories(withConstants.trajectories, literal.trajectories);
    const other = simulate(scene({ expression: 'a*w1^2 + b*w2^2', constants: { a: 1, b: 25 } }));
    expect(relativeGap(other.trajectories[0]!.path, literal.trajectories[0]!.path)).toBeGreaterThan(1e-3);
  });

  it('a scene JSON with an expression survives sceneToJson → parseScene → simulate unchanged', () => {
    const input = {
      surface: { expression: 'a*w1^2 + b*w2^2', constants: { a: 2, b: 7 } },
      steps: 25,
      optimizers: [{ type: 'RMSprop' }],
    };
    const parsed = parseScene(input);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const again = parseScene(JSON.parse(JSON.stringify(sceneToJson(parsed.value))));
    if (!again.ok) throw new Error(again.errors.join());
    expect(again.value.surface).toEqual(input.surface);
    expect(simulate(again.value).trajectories[0]!.path).toEqual(simulate(input).trajectories[0]!.path);
  });
});

describe('undefined points', () => {
  it('a log surface stops the trajectory with the undefined-loss reason, every recorded point finite', () => {
    // log(w1) pulls w1 towards 0: SGD from w1 = 1 with lr 0.5 lands at 0.5, then jumps to -0.5.
    const sim = simulate({
      surface: { expression: 'log(w1) + w2^2' },
      start: [1, 1],
      steps: 50,
      optimizers: [{ type: 'SGD', lr: 0.5 }],
    });
    const t = sim.trajectories[0]!;
    expect(t.divergence).toEqual({
      step: 2,
      kind: 'undefined',
      reason: 'the loss is undefined or infinite at the next point',
    });
    expect(t.steps).toBe(1);
    expect([...t.path, ...t.loss].every(Number.isFinite)).toBe(true);
  });

  it('a start where the function is undefined is reported at step 0', () => {
    const t = simulate({
      surface: { expression: 'sqrt(x) + y^2' },
      start: [-1, 0],
      optimizers: [{ type: 'Adam' }],
    }).trajectories[0]!;
    expect(t.divergence?.step).toBe(0);
    expect(t.divergence?.reason).toBe('the loss is undefined at the start point');
    expect(t.steps).toBe(0);
  });

  it('the fitted default start of a partly undefined function is defined', () => {
    for (const expression of ['log(x) + y^2', 'sqrt(x - 1) + sqrt(y - 1)', 'log(1 - x^2 - y^2)']) {
      const resolved = resolveSurface({ expression });
      if (!resolved.ok) throw new Error(resolved.error);
      const [w1, w2] = resolved.value.defaultStart;
      expect(Number.isFinite(resolved.value.value(w1, w2)), expression).toBe(true);
    }
  });
});

describe('fuzzed expression scenes', () => {
  const ALPHABET = 'w12xyabe+-*/^().,  0123456789sqrtexplogincoabmx'.split('');
  const identifier = fc.constantFrom(
    'a',
    'b',
    'c',
    'k',
    'lr',
    'w1',
    'x',
    'pi',
    'e',
    'sin',
    '1a',
    '',
    'a b',
    '__proto__',
    'constructor',
  );
  const token = fc.constantFrom(
    'w1',
    'w2',
    'x',
    'y',
    'a',
    'b',
    'pi',
    'e',
    '1',
    '0',
    '2.5',
    '1e308',
    '1e-320',
    '+',
    '-',
    '*',
    '/',
    '^',
    '**',
    '(',
    ')',
    ',',
    'sqrt(',
    'exp(',
    'log(',
    'sin(',
    'cos(',
    'tanh(',
    'abs(',
    'min(',
    'max(',
    'sign(',
    'foo(',
    ' ',
    '=',
    '#',
    '∞',
    '\u0000',
  );
  // Well-formed sums of terms, some undefined in places (log, sqrt, 1/x), so the simulation runs too.
  const wellFormed = fc
    .array(
      fc.tuple(
        fc.constantFrom('1', '-2.5', 'a', 'b', '0.001', '1e6'),
        fc.constantFrom(
          'x^2',
          'w2^2',
          'x*y',
          'log(x)',
          'sqrt(y)',
          '1/x',
          'exp(w1)',
          'sin(3*x)',
          'abs(y)',
          'max(x, y)',
          'x^x',
        ),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((terms) => terms.map(([k, t]) => `${k}*${t}`).join(' + '));
  const expression = fc.oneof(
    wellFormed,
    fc.string({ maxLength: 40 }),
    fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((cs) => cs.join('')),
    fc.array(token, { maxLength: 30 }).map((ts) => ts.join('')),
    fc.constantFrom(
      '(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x',
      'x'.repeat(501),
      'exp(exp(exp(x)))',
      'x^x^x^x^x',
      '0/0',
      '1/x',
      'log(-1)',
    ),
  );
  const number = fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, 1, 1e308, -1e308, Number.NaN, Infinity),
    fc.string() as fc.Arbitrary<unknown> as fc.Arbitrary<number>,
  );
  const constants = fc.option(fc.dictionary(identifier, number, { maxKeys: 4 }), { nil: undefined });
  const scene = fc.record(
    {
      surface: fc.oneof(
        wellFormed.map((text) => ({ expression: text, constants: { a: 2, b: 0.5 } })),
        fc.record({ expression, constants }, { requiredKeys: ['expression'] }),
        fc.record({ expression: fc.anything(), constants: fc.anything() }),
      ),
      start: fc.option(
        fc.tuple(
          fc.double({ min: -10, max: 10, noNaN: true }),
          fc.double({ min: -10, max: 10, noNaN: true }),
        ),
        { nil: undefined },
      ),
      steps: fc.integer({ min: 0, max: 40 }),
      optimizers: fc.oneof(
        {
          weight: 9,
          arbitrary: fc.array(fc.record({ type: fc.constantFrom(...OPTIMIZER_TYPES) }), {
            minLength: 1,
            maxLength: 3,
          }),
        },
        {
          weight: 1,
          arbitrary: fc.array(fc.record({ type: fc.constantFrom('Nope', 'SGD') }), { maxLength: 2 }),
        },
      ),
    },
    { requiredKeys: ['surface', 'optimizers'] },
  );

  it('never throw anything but SceneError, and every trajectory they return holds only finite numbers', () => {
    let simulated = 0;
    fc.assert(
      fc.property(scene, (input) => {
        try {
          const sim = simulate(input);
          simulated++;
          for (const t of sim.trajectories) {
            // Only a start where f is undefined records a non-finite loss (the start's own, at step 0).
            const losses = t.divergence?.step === 0 ? t.loss.subarray(1) : t.loss;
            expect([...t.path, ...losses].every(Number.isFinite)).toBe(true);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(SceneError);
        }
      }),
      { numRuns: 600, seed: 42 },
    );
    // The fuzzer reached the simulation, not only the validator.
    expect(simulated).toBeGreaterThan(60);
  });
});
