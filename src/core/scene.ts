/**
 * The scene: the JSON that the headless API, the CLI, saved files and the app share. Validated with zod;
 * an invalid scene is rejected with messages that name the bad field. Omitted hyperparameters take
 * torch.optim's defaults from the optimizer specs.
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { OPTIMIZERS, getOptimizer } from './optimizers';
import type { HyperparameterSpec, HyperparameterValue, Hyperparameters, Vec2, ViewBox } from './types';
import type { Clipping } from './gradientProcessing';
import { SCHEDULES, SCHEDULE_TYPES, type Schedule, type ScheduleParameter } from './schedules';
import {
  CUSTOM_TYPE,
  customOptimizerSchema,
  type CustomOptimizerDefinition,
} from './optimizers/custom/definition';
import { checkCustomConfigs } from './optimizers/custom/sceneCheck';

// The app runs under a Content-Security-Policy without 'unsafe-eval' (index.html). zod's JIT probes
// `new Function` on the first object parse; refused, it falls back, but the refusal is a reported CSP
// violation on every page load. Jitless parsing costs nothing noticeable at the size of a scene.
z.config({ jitless: true });

const coordinate = z.number().min(-LIMITS.maxCoordinate).max(LIMITS.maxCoordinate);
const point = z.tuple([coordinate, coordinate]);
const interval = z
  .tuple([coordinate, coordinate])
  .refine(([low, high]) => low < high, 'the interval must be increasing (min < max)');

export const viewBoxSchema = z.strictObject({ w1: interval, w2: interval });

/** The schedules' schema, read from their table (src/core/schedules.ts): the parameters' ranges in order. */
const scheduleVariants = SCHEDULE_TYPES.map((type) =>
  z.strictObject({
    type: z.literal(type),
    ...Object.fromEntries(
      (SCHEDULES[type].parameters as readonly ScheduleParameter[]).map((p) => [
        p.key,
        (p.integer ? z.int() : z.number()).min(p.min).max(p.max),
      ]),
    ),
  }),
);
export const scheduleSchema = z.discriminatedUnion(
  'type',
  scheduleVariants as unknown as [(typeof scheduleVariants)[number], ...(typeof scheduleVariants)[number][]],
);

export const clippingSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('value'), max: z.number().positive().max(1e6) }),
  z.strictObject({ type: z.literal('norm'), max: z.number().positive().max(1e6) }),
]);

function hyperparameterSchema(spec: HyperparameterSpec): z.ZodType {
  switch (spec.kind) {
    case 'boolean':
      return z.boolean();
    case 'number': {
      const base = spec.integer ? z.int() : z.number();
      return base.min(spec.min).max(spec.max);
    }
    case 'pair': {
      const component = z.number().min(spec.min).max(spec.max);
      return z.tuple([component, component]);
    }
  }
}

const sharedOptimizerFields = {
  /** Display name, e.g. "SGD + momentum". */
  label: z.string().max(60).optional(),
  schedule: scheduleSchema.optional(),
  clip: clippingSchema.optional(),
  /** Standard deviation of Gaussian noise added to each gradient coordinate (mini-batch emulation). */
  noise: z.number().min(0).max(1e3).optional(),
};

const optimizerSchemas = OPTIMIZERS.map((spec) =>
  z.strictObject({
    type: z.literal(spec.type),
    ...sharedOptimizerFields,
    ...Object.fromEntries(spec.hyperparameters.map((hp) => [hp.key, hyperparameterSchema(hp).optional()])),
  }),
);

// A typed optimizer's hyperparameters are its own names: checked against its definition in parseScene.
const customSchema = z
  .object({ type: z.literal(CUSTOM_TYPE), ...sharedOptimizerFields })
  .catchall(z.number().min(-1e6).max(1e6));

const optimizerSchema = z.discriminatedUnion('type', [...optimizerSchemas, customSchema] as unknown as [
  (typeof optimizerSchemas)[number],
  ...(typeof optimizerSchemas)[number][],
]);

export const expressionSurfaceSchema = z.strictObject({
  expression: z.string().min(1).max(LIMITS.maxExpressionLength),
  constants: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.number()).optional(),
});

export const sceneSchema = z.strictObject({
  surface: z.union([z.string().min(1).max(40), expressionSurfaceSchema]),
  start: point.optional(),
  steps: z.int().min(0).max(LIMITS.maxSteps).optional(),
  seed: z.int().min(0).max(0xffffffff).optional(),
  viewBox: viewBoxSchema.optional(),
  optimizers: z.array(optimizerSchema).min(1).max(LIMITS.maxOptimizers),
  /** The typed optimizer (type 'Custom') the scene's optimizers may use. */
  customOptimizer: customOptimizerSchema.optional(),
});

/** A scene as JSON: what users write. Hyperparameters sit beside `type`, under their torch.optim names. */
export interface OptimizerInput {
  readonly type: string;
  readonly label?: string;
  readonly schedule?: Schedule;
  readonly clip?: Clipping;
  readonly noise?: number;
  readonly [hyperparameter: string]: HyperparameterValue | Schedule | Clipping | string | undefined;
}

export interface SceneInput {
  readonly surface: SurfaceRef;
  readonly start?: Vec2;
  readonly steps?: number;
  readonly seed?: number;
  readonly viewBox?: ViewBox;
  readonly optimizers: readonly OptimizerInput[];
  readonly customOptimizer?: CustomOptimizerDefinition;
}
export type SurfaceRef =
  string | { readonly expression: string; readonly constants?: Readonly<Record<string, number>> };

export interface OptimizerConfig {
  readonly type: string;
  readonly label: string;
  readonly hyperparameters: Hyperparameters;
  readonly schedule: Schedule;
  readonly clip: Clipping;
  readonly noise: number;
}

/** A validated scene with every default filled in (start point and view box come from the surface). */
export interface Scene {
  readonly surface: SurfaceRef;
  readonly start: Vec2 | undefined;
  readonly steps: number;
  readonly seed: number;
  readonly viewBox: ViewBox | undefined;
  readonly optimizers: readonly OptimizerConfig[];
  /** The typed optimizer's definition (src/core/optimizers/custom), when the scene has one. */
  readonly customOptimizer?: CustomOptimizerDefinition;
}

export const DEFAULT_STEPS = 100;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('');
  const field = path.replace(/^\./, '') || 'scene';
  return `${field}: ${issue.message}`;
}

/** Fills in torch.optim's defaults for every hyperparameter the config leaves out. */
export function resolveOptimizer(
  config: Readonly<Record<string, unknown>> & { type: string },
): OptimizerConfig {
  const spec = getOptimizer(config.type);
  if (!spec) throw new Error(`unknown optimizer type ${config.type}`);
  const hyperparameters: Record<string, Hyperparameters[string]> = {};
  for (const hp of spec.hyperparameters) {
    const given = config[hp.key];
    hyperparameters[hp.key] = (given ?? hp.default) as Hyperparameters[string];
  }
  return {
    type: spec.type,
    label: typeof config.label === 'string' && config.label.length > 0 ? config.label : spec.label,
    hyperparameters,
    schedule: (config.schedule as Schedule | undefined) ?? { type: 'constant' },
    clip: (config.clip as Clipping | undefined) ?? { type: 'none' },
    noise: typeof config.noise === 'number' ? config.noise : 0,
  };
}

export function parseScene(input: unknown): ParseResult<Scene> {
  const result = sceneSchema.safeParse(input);
  if (!result.success) return { ok: false, errors: result.error.issues.map(describeIssue) };
  const raw = result.data;
  const customErrors = checkCustomConfigs(raw.customOptimizer, raw.optimizers);
  if (customErrors.length > 0) return { ok: false, errors: customErrors };
  const optimizers = raw.optimizers.map((config) => resolveOptimizer(config));
  const combinationErrors = optimizers.flatMap((config, index) => {
    const problem = getOptimizer(config.type)?.validate?.(config.hyperparameters);
    return problem ? [`optimizers[${index}].${problem.field}: ${problem.message}`] : [];
  });
  if (combinationErrors.length > 0) return { ok: false, errors: combinationErrors };
  return {
    ok: true,
    value: {
      surface: raw.surface,
      start: raw.start,
      steps: raw.steps ?? DEFAULT_STEPS,
      seed: raw.seed ?? 0,
      viewBox: raw.viewBox,
      optimizers,
      ...(raw.customOptimizer ? { customOptimizer: raw.customOptimizer } : {}),
    },
  };
}

/** The inverse of parseScene: a compact JSON scene that lists only what differs from the defaults. */
export function sceneToJson(scene: Scene): SceneInput {
  const optimizers = scene.optimizers.map((config) => {
    const spec = getOptimizer(config.type);
    const out: Record<string, unknown> = { type: config.type };
    if (spec && config.label !== spec.label) out.label = config.label;
    for (const hp of spec?.hyperparameters ?? []) {
      const value = config.hyperparameters[hp.key];
      if (JSON.stringify(value) !== JSON.stringify(hp.default)) out[hp.key] = value;
    }
    if (config.schedule.type !== 'constant') out.schedule = config.schedule;
    if (config.clip.type !== 'none') out.clip = config.clip;
    if (config.noise > 0) out.noise = config.noise;
    return out;
  });
  const json: Record<string, unknown> = { surface: scene.surface };
  if (scene.start) json.start = scene.start;
  json.steps = scene.steps;
  if (scene.seed !== 0) json.seed = scene.seed;
  if (scene.viewBox) json.viewBox = scene.viewBox;
  json.optimizers = optimizers;
  if (scene.customOptimizer) json.customOptimizer = scene.customOptimizer;
  return json as unknown as SceneInput;
}
