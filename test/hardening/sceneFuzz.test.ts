/**
 * Issue 8, untrusted input: scene JSON (a saved file, the CLI's argument, a message) is fuzzed through
 * `parseScene`, `simulate` and the app's file reader — random JSON, mutated valid scenes, JSON that
 * imitates an already-parsed scene, and damaged file text: 12,000 cases. Nothing throws past the error
 * path (`{ok: false, errors}` or a `SceneError`), no case takes long, and nothing pollutes prototypes.
 *
 * The expression parser has its own 10,000-case fuzz (src/core/expr/fuzz.test.ts) and the link codec its
 * own (src/core/link/fuzz.test.ts, 10,000 cases); they are not duplicated here.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS, OPTIMIZER_TYPES, SURFACES, SceneError, parseScene, simulate } from '../../src/core';
import { DEFAULT_SCENE } from '../../src/state/defaultScene';
import { readSceneFile } from '../../src/state/sceneFile';
import { expectCleanTrajectory } from './trajectoryChecks';

/** Per case: generous for a cold JIT or a GC pause on a loaded 2-core runner, far below a hang. */
const CASE_BUDGET_MS = 1500;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const INTERESTING: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -0,
    -1,
    1,
    0.5,
    1e-320,
    1e308,
    -1e308,
    2 ** 53,
    1e4,
    10_001,
    LIMITS.maxSteps,
    LIMITS.maxCoordinate * 10,
    0xffffffff + 1,
    '',
    'NaN',
    'Infinity',
    '1e3',
    'quadratic',
    'SGD',
    '__proto__',
    'constructor',
    '<img src=x onerror=alert(1)>',
    'x'.repeat(LIMITS.maxExpressionLength + 1),
    [],
    {},
    [0],
    [0, 0, 0],
    { type: 'constant' },
    { type: 'step', step_size: 0, gamma: 2 },
    { type: 'norm', max: 0 },
    { expression: 'x^2+y^2' },
    { expression: '('.repeat(600) },
    { __proto__: { polluted: true } } as unknown as Json,
  ),
  fc.double() as fc.Arbitrary<Json>,
  fc.string({ maxLength: 30 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** Valid scenes to start from: the app's default, every surface once, and an expression surface. */
const SEEDS: readonly Json[] = [
  DEFAULT_SCENE as unknown as Json,
  ...SURFACES.map((s, i): Json => ({
    surface: s.id,
    steps: 30,
    optimizers: [
      { type: OPTIMIZER_TYPES[i % OPTIMIZER_TYPES.length]! },
      { type: 'Adam', lr: 0.05, clip: { type: 'norm', max: 1 } },
    ],
  })),
  {
    surface: { expression: 'a*x^2 + y^2', constants: { a: 3 } },
    start: [1, 1],
    steps: 40,
    optimizers: [{ type: 'SGD', lr: 0.1, noise: 0.5 }],
  },
];

/** Every path into a JSON value, so a mutation can land anywhere. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

type Mutation = { kind: 'set' | 'delete' | 'add-key' | 'grow'; at: number; value: Json; key: string };
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'set', 'delete', 'add-key', 'grow'),
  at: fc.nat(),
  value: INTERESTING,
  key: fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'hyperparameters', 'lr', 'type', 'surface'),
    fc.string({ maxLength: 8 }),
  ),
});

function mutate(seed: Json, mutations: readonly Mutation[]): Json {
  let root = structuredClone(seed);
  for (const m of mutations) {
    const all = paths(root);
    const path = all[m.at % all.length]!;
    if (path.length === 0) {
      if (m.kind === 'set') root = m.value;
      continue;
    }
    const parent = path
      .slice(0, -1)
      .reduce<Json>((node, key) => (node as Record<string, Json>)[key as string]!, root);
    const last = path[path.length - 1]!;
    const container = parent as Record<string | number, Json>;
    if (m.kind === 'set') container[last] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete container[last];
    } else if (m.kind === 'add-key') {
      const target = container[last];
      if (target && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, m.key, {
          value: m.value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
    } else {
      // Repeat an array past the limits (optimizers × 30, a start with 3 coordinates).
      const target = container[last];
      if (Array.isArray(target) && target.length > 0)
        container[last] = Array.from({ length: 30 }, (_, i) => target[i % target.length]!);
    }
  }
  return root;
}

/** An input that has the parsed shape (optimizers carry `hyperparameters`), built to skip validation. */
const parsedLookalike: fc.Arbitrary<Json> = fc.record({
  surface: fc.oneof(fc.constantFrom('quadratic', 'rosenbrock', 'nope'), INTERESTING),
  start: fc.oneof(fc.constant(undefined as unknown as Json), INTERESTING),
  steps: fc.oneof(fc.constantFrom<Json>(0, 10, 1e9, -5, 2.5, 'x', null), INTERESTING),
  seed: INTERESTING,
  optimizers: fc.array(
    fc.record({
      type: fc.oneof(fc.constantFrom(...OPTIMIZER_TYPES), INTERESTING),
      label: INTERESTING,
      hyperparameters: fc.oneof(
        fc.dictionary(fc.constantFrom('lr', 'momentum', 'eps', 'betas', 'nesterov'), INTERESTING),
        INTERESTING,
      ),
      schedule: INTERESTING,
      clip: INTERESTING,
      noise: INTERESTING,
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

let slowest = 0;
let simulated = 0;

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  slowest = Math.max(slowest, performance.now() - started);
  return result;
}

/** The contract: parseScene never throws; simulate throws only SceneError; what it returns is clean. */
function attack(input: unknown): void {
  const parsed = timed(() => parseScene(input));
  if (parsed.ok) {
    expect(parsed.value.steps).toBeLessThanOrEqual(LIMITS.maxSteps);
    expect(parsed.value.optimizers.length).toBeLessThanOrEqual(LIMITS.maxOptimizers);
  } else {
    expect(parsed.errors.length).toBeGreaterThan(0);
    for (const error of parsed.errors) expect(typeof error).toBe('string');
  }
  try {
    const simulation = timed(() => simulate(input));
    simulated++;
    const where = simulation.trajectories.length > 0 ? (JSON.stringify(input)?.slice(0, 300) ?? '') : '';
    for (const t of simulation.trajectories) expectCleanTrajectory(t, simulation.scene.steps, where);
  } catch (error) {
    if (!(error instanceof SceneError))
      throw new Error(`simulate threw ${String(error)} for ${JSON.stringify(input)?.slice(0, 300)}`);
    expect(error.errors.length).toBeGreaterThan(0);
  }
}

describe('scene JSON fuzz (12,000 cases)', () => {
  afterAll(() => {
    // No input reached Object.prototype (`__proto__` keys are data, not a path to the prototype).
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(slowest).toBeLessThan(CASE_BUDGET_MS);
  });

  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => attack(input)),
      { numRuns: 2500, seed: 81 },
    );
  });

  it('random JSON with scene-like keys', () => {
    const sceneLike = fc.record(
      {
        surface: INTERESTING,
        start: INTERESTING,
        steps: INTERESTING,
        seed: INTERESTING,
        viewBox: INTERESTING,
        optimizers: fc.oneof(
          INTERESTING,
          fc.array(
            fc.dictionary(
              fc.constantFrom('type', 'lr', 'betas', 'momentum', 'label', 'schedule', 'clip', 'noise', 'eps'),
              INTERESTING,
            ),
            { maxLength: 4 },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(sceneLike, (input) => attack(input)),
      { numRuns: 2000, seed: 82 },
    );
  });

  it('mutated valid scenes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 5 }),
        (seed, mutations) => attack(mutate(seed, mutations)),
      ),
      { numRuns: 4000, seed: 83 },
    );
    // The fuzzer reached the simulation, not only the validator.
    expect(simulated).toBeGreaterThan(500);
  });

  it('JSON that imitates an already-parsed scene cannot skip the schema', () => {
    fc.assert(
      fc.property(parsedLookalike, (input) => attack(input)),
      { numRuns: 1500, seed: 84 },
    );
    const giant = {
      surface: 'quadratic',
      steps: 1e9,
      seed: 0,
      optimizers: [
        {
          type: 'SGD',
          label: 'x',
          hyperparameters: { lr: 0.1 },
          schedule: { type: 'constant' },
          clip: { type: 'none' },
          noise: 0,
        },
      ],
    };
    expect(() => simulate(giant)).toThrow(SceneError);
    expect(() => simulate(giant)).toThrow(/steps/);
  });

  it('damaged scene-file text through the app’s file reader', () => {
    const text = fc
      .tuple(
        fc.constantFrom(...SEEDS.map((s) => JSON.stringify(s, null, 2))),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })), { maxLength: 4 }),
      )
      .map(([source, edits]) =>
        edits.reduce((s, [at, cut, insert]) => {
          const i = at % (s.length + 1);
          return s.slice(0, i) + insert + s.slice(i + cut);
        }, source),
      );
    fc.assert(
      fc.property(text, (input) => {
        const loaded = timed(() => readSceneFile(input));
        if (loaded.ok) expect(loaded.scene.optimizers.length).toBeLessThanOrEqual(LIMITS.maxOptimizers);
        else expect(loaded.errors.every((e) => typeof e === 'string' && e.length > 0)).toBe(true);
      }),
      { numRuns: 2000, seed: 85 },
    );
  });
});
