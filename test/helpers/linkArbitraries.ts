/** fast-check generators of valid scenes and link states, shared by the codec's tests. */
import fc from 'fast-check';
import { LIMITS } from '../../src/core/limits';
import {
  ACTIVATIONS,
  DIGITS_LIMITS,
  DIGITS_LOSSES,
  DIGITS_MODES,
  DIGITS_REGULARIZERS,
  DATASET_IDS,
  datasetTask,
  DIRECTIONS,
  ELEMENTWISE_OPTIMIZERS,
  INITS,
  LOSSES,
  NETWORK_LIMITS,
  NETWORK_TABS,
  networkSceneSchema,
  type NetworkSceneJson,
  STATS_ACTIVATIONS,
  STATS_INITS,
  STATS_LIMITS,
  STATS_NORMS,
} from '../../src/core/network';
import {
  EXPERIMENT_ACTIVATIONS,
  EXPERIMENT_KINDS,
  EXPERIMENT_LIMITS,
} from '../../src/core/trainingExperiments';
import { OPTIMIZERS } from '../../src/core/optimizers';
import { parseScene, resolveOptimizer } from '../../src/core/scene';
import { surfaceIds } from '../../src/core/surfaces';
import type { HyperparameterSpec } from '../../src/core/types';
import { CAMERA_RANGES } from '../../src/core/link/camera';
import type { LinkState } from '../../src/core/link/types';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const coordinate = finite(-LIMITS.maxCoordinate, LIMITS.maxCoordinate);

function hyperparameter(hp: HyperparameterSpec): fc.Arbitrary<unknown> {
  switch (hp.kind) {
    case 'boolean':
      return fc.boolean();
    case 'number':
      return hp.integer
        ? fc.integer({ min: hp.min, max: hp.max })
        : fc.oneof(finite(hp.min, hp.max), fc.constant(hp.default));
    case 'pair':
      return fc.tuple(finite(hp.min, hp.max), finite(hp.min, hp.max));
  }
}

const schedule = fc.oneof(
  fc.constant({ type: 'constant' }),
  fc.record({
    type: fc.constant('step'),
    step_size: fc.integer({ min: 1, max: LIMITS.maxSteps }),
    gamma: finite(0, 1),
  }),
  fc.record({ type: fc.constant('exponential'), k: finite(0, 10) }),
  fc.record({ type: fc.constant('inverse_time'), k: finite(0, 10) }),
  fc.record({
    type: fc.constant('cosine'),
    T_max: fc.integer({ min: 1, max: LIMITS.maxSteps }),
    eta_min: finite(0, 1e3),
  }),
);

const positive = fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true });
const clip = fc.oneof(
  fc.constant({ type: 'none' }),
  fc.record({ type: fc.constantFrom('value', 'norm'), max: positive }),
);

const optimizer = fc.constantFrom(...OPTIMIZERS).chain((spec) =>
  fc
    .record(
      {
        type: fc.constant(spec.type),
        label: fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((s) => s.length <= 60),
        schedule,
        clip,
        noise: finite(0, 1e3),
        ...Object.fromEntries(spec.hyperparameters.map((hp) => [hp.key, hyperparameter(hp)])),
      },
      { requiredKeys: ['type'] },
    )
    .map((config) => {
      // Respect the spec's combination rule (SGD: Nesterov needs momentum > 0 and no dampening).
      const out: Record<string, unknown> & { type: string } = { ...config, type: spec.type };
      for (let problem = spec.validate?.(resolveOptimizer(out).hyperparameters); problem;) {
        if (!(problem.field in out)) throw new Error(`cannot satisfy ${spec.type}: ${problem.message}`);
        delete out[problem.field];
        problem = spec.validate?.(resolveOptimizer(out).hyperparameters);
      }
      return out;
    }),
);

const EXPRESSIONS: readonly [string, readonly string[]][] = [
  ['w1^2 + 25*w2^2', []],
  ['a*w1^2 + b*w2^2', ['a', 'b']],
  ['sin(x)*cos(y) + (x^2 + y^2)/10', []],
  ['(1 - w1)^2 + k*(w2 - w1^2)^2', ['k']],
  ['w1^3 + w2^2', []],
];

const surface = fc.oneof(
  fc.constantFrom(...surfaceIds),
  fc.constantFrom(...EXPRESSIONS).chain(([expression, names]) =>
    names.length === 0
      ? fc.constant({ expression })
      : fc.tuple(...names.map(() => finite(-100, 100))).map((values) => ({
          expression,
          constants: Object.fromEntries(names.map((n, i) => [n, values[i]!])),
        })),
  ),
);

const box = fc
  .tuple(coordinate, coordinate, coordinate, coordinate)
  .filter(([a, b, c, d]) => a !== b && c !== d)
  .map(([a, b, c, d]) => ({ w1: [Math.min(a, b), Math.max(a, b)], w2: [Math.min(c, d), Math.max(c, d)] }));

const PANELS = ['inside', 'loss', 'effectiveLr', 'convergence', 'surface', 'surface3d'];

/** A camera as links carry it: in range, to 1/1000. */
const milli = (min: number, max: number) =>
  fc.integer({ min: min * 1000, max: max * 1000 }).map((x) => x / 1000 || 0);
const camera = fc.record({
  azimuth: milli(CAMERA_RANGES.azimuth.min, CAMERA_RANGES.azimuth.max),
  elevation: milli(CAMERA_RANGES.elevation.min, CAMERA_RANGES.elevation.max),
  distance: milli(CAMERA_RANGES.distance.min, CAMERA_RANGES.distance.max),
  target: fc.tuple(
    milli(CAMERA_RANGES.target.min, CAMERA_RANGES.target.max),
    milli(CAMERA_RANGES.target.min, CAMERA_RANGES.target.max),
    milli(CAMERA_RANGES.target.min, CAMERA_RANGES.target.max),
  ),
});

export const validLinkState: fc.Arbitrary<LinkState> = fc
  .record(
    {
      surface,
      start: fc.tuple(coordinate, coordinate),
      steps: fc.integer({ min: 0, max: LIMITS.maxSteps }),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      viewBox: box,
      optimizers: fc.array(optimizer, { minLength: 1, maxLength: LIMITS.maxOptimizers }),
    },
    { requiredKeys: ['surface', 'optimizers'] },
  )
  .chain((json) => {
    const parsed = parseScene(json);
    if (!parsed.ok) throw new Error(`generator made an invalid scene: ${parsed.errors.join('; ')}`);
    const scene = parsed.value;
    const count = scene.optimizers.length;
    return fc
      .record(
        {
          step: fc.integer({ min: 0, max: scene.steps }),
          panels: fc.subarray(PANELS),
          theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const),
          zoom: box,
          lesson: fc.constantFrom('ravine', 'saddle-escape', 'adagrad-dies'),
          camera,
          surface3dLayout: fc.constant('instead' as const),
        },
        { requiredKeys: [] },
      )
      .chain((view) =>
        fc
          .subarray([...Array(count).keys()], { maxLength: count - 1 })
          .map(
            (disabled): LinkState =>
              (disabled.length > 0 ? { scene, disabled, view } : { scene, view }) as LinkState,
          ),
      );
  });

/** Valid network scenes (every field optional, as a person or the network view writes them), parsed. */
export const validNetworkScene: fc.Arbitrary<NetworkSceneJson> = fc
  .record(
    {
      dataset: fc.constantFrom(...DATASET_IDS),
      size: fc.integer({ min: 4, max: NETWORK_LIMITS.maxSize }),
      noise: fc.oneof(finite(0, 2), fc.constantFrom(0, 0.15, 0.3)),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      layers: fc.array(fc.integer({ min: 1, max: NETWORK_LIMITS.maxWidth }), {
        maxLength: NETWORK_LIMITS.maxLayers,
      }),
      activation: fc.constantFrom(...ACTIVATIONS),
      init: fc.constantFrom(...INITS),
      loss: fc.constantFrom(...LOSSES),
      l2: fc.oneof(finite(0, 10), fc.constant(0)),
      steps: fc.integer({ min: 1, max: NETWORK_LIMITS.maxSteps }),
      batchSize: fc.integer({ min: 1, max: NETWORK_LIMITS.maxSize }),
      optimizers: fc.array(
        optimizer.filter((o) => ELEMENTWISE_OPTIMIZERS.includes(o.type)),
        { minLength: 1, maxLength: NETWORK_LIMITS.maxOptimizers },
      ),
      slice: fc.record(
        {
          directions: fc.constantFrom(...DIRECTIONS),
          seed: fc.integer({ min: 0, max: 0xffffffff }),
          range: fc.oneof(fc.double({ min: Number.MIN_VALUE, max: 100, noNaN: true }), fc.constant(1)),
          resolution: fc.integer({ min: 16, max: NETWORK_LIMITS.maxResolution }),
          reference: fc.oneof(
            fc.constant('best' as const),
            fc.integer({ min: 0, max: NETWORK_LIMITS.maxOptimizers - 1 }),
          ),
        },
        { requiredKeys: [] },
      ),
      stats: fc.record(
        {
          depth: fc.integer({ min: 1, max: STATS_LIMITS.maxDepth }),
          width: fc.integer({ min: 1, max: STATS_LIMITS.maxWidth }),
          activation: fc.constantFrom(...STATS_ACTIVATIONS),
          init: fc.constantFrom(...STATS_INITS),
          gain: fc.oneof(finite(0, 100), fc.constantFrom(0, 1, 2.5)),
          batch: fc.integer({ min: 1, max: STATS_LIMITS.maxBatch }),
          seed: fc.integer({ min: 0, max: 0xffffffff }),
          norm: fc.constantFrom(...STATS_NORMS),
        },
        { requiredKeys: [] },
      ),
      digits: fc.record(
        {
          layers: fc.array(fc.integer({ min: 1, max: DIGITS_LIMITS.maxWidth }), {
            maxLength: DIGITS_LIMITS.maxLayers,
          }),
          activation: fc.constantFrom(...ACTIVATIONS),
          init: fc.constantFrom(...INITS),
          steps: fc.integer({ min: 1, max: DIGITS_LIMITS.maxSteps }),
          batchSize: fc.integer({ min: 1, max: 2000 }),
          seed: fc.integer({ min: 0, max: 0xffffffff }),
          optimizers: fc.array(
            optimizer.filter((o) => ELEMENTWISE_OPTIMIZERS.includes(o.type)),
            { minLength: 1, maxLength: DIGITS_LIMITS.maxOptimizers },
          ),
          mode: fc.constantFrom(...DIGITS_MODES),
          loss: fc.constantFrom(...DIGITS_LOSSES),
          regularizer: fc.constantFrom(...DIGITS_REGULARIZERS),
          lambda: fc.oneof(finite(0, 10), fc.constant(0.0001)),
          beta: fc.oneof(finite(0, 100), fc.constant(1)),
        },
        { requiredKeys: [] },
      ),
      experiments: fc.record(
        {
          kind: fc.constantFrom(...EXPERIMENT_KINDS),
          offset: fc.oneof(finite(0, 50), fc.constant(3)),
          ratio: fc.oneof(finite(1, 1000), fc.constant(10)),
          correlation: finite(-0.99, 0.99),
          points: fc.integer({ min: 10, max: 2000 }),
          dataSeed: fc.integer({ min: 0, max: 0xffffffff }),
          depth: fc.integer({ min: 1, max: EXPERIMENT_LIMITS.maxDepth }),
          width: fc.integer({ min: 2, max: EXPERIMENT_LIMITS.maxWidth }),
          activation: fc.constantFrom(...EXPERIMENT_ACTIVATIONS),
          lr: fc.oneof(finite(0.001, 100), fc.constant(1)),
          gradientDepth: fc.integer({ min: 2, max: EXPERIMENT_LIMITS.maxDepth }),
          gradientLr: fc.oneof(finite(0.001, 100), fc.constant(0.1)),
          steps: fc.integer({ min: 1, max: EXPERIMENT_LIMITS.maxSteps }),
          batchSize: fc.integer({ min: 1, max: 200 }),
          seed: fc.integer({ min: 0, max: 0xffffffff }),
        },
        { requiredKeys: [] },
      ),
      lesson: fc.constantFrom('init-collapse', 'zero-init', 'x9'),
      tab: fc.constantFrom(...NETWORK_TABS),
    },
    { requiredKeys: [] },
  )
  .map((input) => {
    const json: Record<string, unknown> = { ...input };
    if (datasetTask(input.dataset ?? 'moons') === 'regression') json.loss = 'mse';
    const count = input.optimizers?.length ?? 3;
    if (typeof input.slice?.reference === 'number' && input.slice.reference >= count)
      json.slice = { ...input.slice, reference: 'best' };
    const parsed = networkSceneSchema.safeParse(json);
    if (!parsed.success) throw new Error(`generator made an invalid network scene: ${parsed.error.message}`);
    return parsed.data;
  });

/** Views other than the explorer (whose id a link leaves out). */
const OTHER_VIEWS = ['atlas', 'sweep', 'compare', 'crowds', 'network'];

/** A link state with an active view and a network scene. */
export const validNetworkLinkState: fc.Arbitrary<LinkState> = fc
  .tuple(validLinkState, validNetworkScene, fc.constantFrom(...OTHER_VIEWS))
  .map(([state, network, activeView]) => ({ ...state, view: { ...state.view, activeView }, network }));
