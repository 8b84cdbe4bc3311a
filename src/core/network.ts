/**
 * A network scene: the plain JSON that reproduces a network experiment exactly — data, architecture,
 * initialization, loss, the optimizers trained in full space, mini-batch size and the slice plane.
 * Validated with zod; omitted fields take the defaults below.
 *
 * Pure (zod and tables only, no tfjs), so it lives in the core: the permalink codec (src/core/link)
 * validates and clamps a link's network scene against this very schema. src/nn re-exports all of it
 * from src/nn/config.ts, which stays the import path for the network code.
 */
import { z } from 'zod';
import { OPTIMIZERS } from './optimizers';
import { trainsNetworks } from './optimizers/spec';
import { sceneSchema, resolveOptimizer, type OptimizerConfig } from './scene';
import { experimentSchema } from './trainingExperiments';

/** The toy data sets (generated in src/nn/datasets.ts); the order is part of the data seed, never reorder. */
export const DATASET_IDS = ['xor', 'circles', 'moons', 'spirals', 'blobs', 'sine'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export type Task = 'binary' | 'multiclass' | 'regression';

export function datasetTask(id: DatasetId): Task {
  return id === 'sine' ? 'regression' : id === 'blobs' ? 'multiclass' : 'binary';
}

/** Defaults as a plain object at the top (each also documented in docs/networks.md). */
export const NETWORK_DEFAULTS = {
  dataset: 'moons',
  size: 200,
  noise: 0.15,
  seed: 1,
  layers: [8, 8],
  activation: 'tanh',
  init: 'xavier',
  loss: 'cross-entropy',
  l2: 0,
  steps: 300,
  batchSize: 32,
  optimizers: [
    { type: 'SGD', lr: 0.1, label: 'SGD' },
    { type: 'SGD', lr: 0.05, momentum: 0.9, label: 'momentum' },
    { type: 'Adam', lr: 0.01 },
  ],
  slice: { directions: 'random', seed: 7, range: 1, resolution: 64, reference: 'best' },
} as const;

export const NETWORK_LIMITS = {
  maxSize: 2000,
  maxLayers: 4,
  maxWidth: 64,
  maxSteps: 3000,
  maxOptimizers: 6,
  maxResolution: 160,
} as const;

export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
export const INITS = ['small', 'xavier', 'he'] as const;
export type Init = (typeof INITS)[number];
export const INIT_LABELS: Readonly<Record<Init, string>> = {
  small: 'small random (N(0,1)·0.01)',
  xavier: 'Xavier (N(0,1)/√fan_in)',
  he: 'He (N(0,1)/√(fan_in/2))',
};
/** The training tab's losses: hinge is the SVM loss (binary max(0, 1 − ỹz), multiclass Σ max(0, s_j − s_y + 1)). */
export const LOSSES = ['cross-entropy', 'mse', 'hinge'] as const;
export type LossKind = (typeof LOSSES)[number];
export const DIRECTIONS = ['random', 'pca'] as const;
export type DirectionKind = (typeof DIRECTIONS)[number];

/** Optimizers that can train a network: those whose rule acts coordinate by coordinate (trainsNetworks). */
export const ELEMENTWISE_OPTIMIZERS = OPTIMIZERS.filter(trainsNetworks).map((spec) => spec.type);

const optimizerSchema = sceneSchema.shape.optimizers.element.refine(
  (config) => ELEMENTWISE_OPTIMIZERS.includes(config.type),
  { message: `network training supports ${ELEMENTWISE_OPTIMIZERS.join(', ')}` },
);

export const sliceSchema = z.strictObject({
  /** 'random': filter-normalized Gaussian directions (Li et al. 2018); 'pca': top-2 PCA of the trajectory. */
  directions: z.enum(DIRECTIONS).default(NETWORK_DEFAULTS.slice.directions),
  /** Seed of the random directions (independent of the data seed). */
  seed: z.int().min(0).max(0xffffffff).default(NETWORK_DEFAULTS.slice.seed),
  /** Half-width of the (α, β) square for random directions; PCA fits the trajectory. */
  range: z.number().positive().max(100).default(NETWORK_DEFAULTS.slice.range),
  /** Grid points per side. */
  resolution: z.int().min(16).max(NETWORK_LIMITS.maxResolution).default(NETWORK_DEFAULTS.slice.resolution),
  /**
   * Which optimizer's trained θ* is the slice centre (and whose trajectory PCA uses): an index into
   * `optimizers`, or 'best' for the one with the lowest final loss.
   */
  reference: z
    .union([
      z.literal('best'),
      z
        .int()
        .min(0)
        .max(NETWORK_LIMITS.maxOptimizers - 1),
    ])
    .default(NETWORK_DEFAULTS.slice.reference),
});

/**
 * The activation-statistics experiment of lecture 003 (its "motivating example"): a deep, wide MLP
 * without biases fed a batch of unit-Gaussian inputs of the layer width, whose per-layer activation
 * mean, standard deviation and histogram show what an initialization does before any training.
 */
export const NETWORK_TABS = ['train', 'stats', 'digits', 'experiments'] as const;
export type NetworkTab = (typeof NETWORK_TABS)[number];

export const STATS_ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'leaky-relu'] as const;
export type StatsActivation = (typeof STATS_ACTIVATIONS)[number];
/** Lecture 003's initializations, plus ×1.0 randn (saturation) and W = 0 (symmetry). */
export const STATS_INITS = ['small', 'unit', 'xavier', 'he', 'zero'] as const;
export type StatsInit = (typeof STATS_INITS)[number];
export const STATS_INIT_LABELS: Readonly<Record<StatsInit, string>> = {
  small: '0.01·randn',
  unit: '1.0·randn',
  xavier: 'Xavier randn/√fan_in',
  he: 'He randn/√(fan_in/2)',
  zero: 'W = 0',
};

/** Normalization after each linear layer, before the nonlinearity (lecture 003): none, batch or layer norm. */
export const STATS_NORMS = ['none', 'batch', 'layer'] as const;
export type StatsNorm = (typeof STATS_NORMS)[number];

export const STATS_DEFAULTS = {
  depth: 10,
  width: 500,
  activation: 'tanh',
  init: 'small',
  gain: 1,
  batch: 1000,
  seed: 1,
  norm: 'none',
} as const;

export const STATS_LIMITS = {
  maxDepth: 20,
  maxWidth: 1000,
  maxBatch: 2000,
  /**
   * Multiply-adds (depth · width² · batch) one computation may take: about 2.5× the lecture's
   * 10 × 500 × 500 × 1,000 net, a few seconds in a worker. Larger requests get a message, not a frozen tab.
   */
  maxWork: 6e9,
} as const;

export const statsSchema = z.strictObject({
  depth: z.int().min(1).max(STATS_LIMITS.maxDepth).default(STATS_DEFAULTS.depth),
  width: z.int().min(1).max(STATS_LIMITS.maxWidth).default(STATS_DEFAULTS.width),
  activation: z.enum(STATS_ACTIVATIONS).default(STATS_DEFAULTS.activation),
  init: z.enum(STATS_INITS).default(STATS_DEFAULTS.init),
  /** Free scale factor multiplying the chosen initialization (1: the lecture's). */
  gain: z.number().min(0).max(100).default(STATS_DEFAULTS.gain),
  /** Inputs in the batch the statistics are taken over (the lecture: 1,000). */
  batch: z.int().min(1).max(STATS_LIMITS.maxBatch).default(STATS_DEFAULTS.batch),
  seed: z.int().min(0).max(0xffffffff).default(STATS_DEFAULTS.seed),
  /** Batch or layer norm between W·x and f (γ = 1, β = 0 at initialization; batch statistics). */
  norm: z.enum(STATS_NORMS).default(STATS_DEFAULTS.norm),
});
export type StatsConfig = z.output<typeof statsSchema>;
export type StatsConfigInput = z.input<typeof statsSchema>;

/** depth · width² · batch: the multiply-adds of one forward pass. */
export function statsWork(config: Pick<StatsConfig, 'depth' | 'width' | 'batch'>): number {
  return config.depth * config.width * config.width * config.batch;
}

/** A clear message when the net is beyond what the page computes (undefined when it fits). */
export function statsTooLarge(config: Pick<StatsConfig, 'depth' | 'width' | 'batch'>): string | undefined {
  const work = statsWork(config);
  if (work <= STATS_LIMITS.maxWork) return undefined;
  return (
    `${config.depth} layers × ${config.width} units on ${config.batch} inputs is ` +
    `${(work / 1e9).toFixed(1)} billion multiply-adds, more than the ${STATS_LIMITS.maxWork / 1e9} billion ` +
    'this page computes; use fewer layers, fewer units or a smaller batch'
  );
}

/**
 * Real data: an MLP on the UCI optical-recognition digits (8×8 images, 10 classes; src/nn/digits.ts), trained
 * with the chosen optimizers from one seeded initialization on the same mini-batches, on a seeded split.
 */
export const DIGITS_DEFAULTS = {
  layers: [32],
  activation: 'relu',
  init: 'he',
  steps: 300,
  batchSize: 32,
  seed: 1,
  optimizers: [
    { type: 'SGD', lr: 0.1, label: 'SGD' },
    { type: 'SGD', lr: 0.05, momentum: 0.9, label: 'momentum' },
    { type: 'RMSprop', lr: 0.001 },
    { type: 'Adam', lr: 0.001 },
  ],
  mode: 'optimizers',
  loss: 'cross-entropy',
  regularizer: 'none',
  lambda: 0.0001,
  beta: 1,
} as const;

/** What the digits tab trains: the optimizers side by side, or the first one with a mini-batch and the full batch. */
export const DIGITS_MODES = ['optimizers', 'batch'] as const;
export type DigitsMode = (typeof DIGITS_MODES)[number];

/** Lecture 000's losses on the 10 scores, and its weight penalties R(W) (src/nn/losses.ts). */
export const DIGITS_LOSSES = ['cross-entropy', 'hinge', 'mse'] as const;
export type DigitsLoss = (typeof DIGITS_LOSSES)[number];
export const DIGITS_LOSS_LABELS: Readonly<Record<DigitsLoss, string>> = {
  'cross-entropy': 'softmax cross-entropy',
  hinge: 'multiclass SVM (hinge)',
  mse: 'mean squared error',
};
export const DIGITS_REGULARIZERS = ['none', 'l2', 'l1', 'elastic'] as const;
export type DigitsRegularizer = (typeof DIGITS_REGULARIZERS)[number];

export const DIGITS_LIMITS = { maxLayers: 3, maxWidth: 128, maxSteps: 2000, maxOptimizers: 8 } as const;

/** Images held out for testing: 360 of the 1,797 (20 %), chosen by the split seed. */
export const DIGITS_TEST_FRACTION = 0.2;

export const digitsSchema = z.strictObject({
  layers: z
    .array(z.int().min(1).max(DIGITS_LIMITS.maxWidth))
    .max(DIGITS_LIMITS.maxLayers)
    .default([...DIGITS_DEFAULTS.layers]),
  activation: z.enum(ACTIVATIONS).default(DIGITS_DEFAULTS.activation),
  init: z.enum(INITS).default(DIGITS_DEFAULTS.init),
  steps: z.int().min(1).max(DIGITS_LIMITS.maxSteps).default(DIGITS_DEFAULTS.steps),
  /** Mini-batch size; ≥ the 1,437 training images means full-batch gradient descent. */
  batchSize: z.int().min(1).max(2000).default(DIGITS_DEFAULTS.batchSize),
  /** Seeds the split, the initial weights and the mini-batches. */
  seed: z.int().min(0).max(0xffffffff).default(DIGITS_DEFAULTS.seed),
  optimizers: z
    .array(optimizerSchema)
    .min(1)
    .max(DIGITS_LIMITS.maxOptimizers)
    .default(DIGITS_DEFAULTS.optimizers.map((o) => ({ ...o }))),
  mode: z.enum(DIGITS_MODES).default(DIGITS_DEFAULTS.mode),
  loss: z.enum(DIGITS_LOSSES).default(DIGITS_DEFAULTS.loss),
  /** λ·R(W) on the weight matrices (biases are not penalized). */
  regularizer: z.enum(DIGITS_REGULARIZERS).default(DIGITS_DEFAULTS.regularizer),
  lambda: z.number().min(0).max(10).default(DIGITS_DEFAULTS.lambda),
  /** Elastic net's weight of W² against |W|. */
  beta: z.number().min(0).max(100).default(DIGITS_DEFAULTS.beta),
});
export type DigitsConfig = z.output<typeof digitsSchema>;
/** What a permalink or saved file holds for the digits (every field optional). */
export type DigitsConfigInput = Omit<z.input<typeof digitsSchema>, 'optimizers'> & {
  optimizers?: readonly NetworkOptimizerInput[];
};

export const networkSceneSchema = z
  .strictObject({
    dataset: z.enum(DATASET_IDS).default(NETWORK_DEFAULTS.dataset),
    size: z.int().min(4).max(NETWORK_LIMITS.maxSize).default(NETWORK_DEFAULTS.size),
    noise: z.number().min(0).max(2).default(NETWORK_DEFAULTS.noise),
    seed: z.int().min(0).max(0xffffffff).default(NETWORK_DEFAULTS.seed),
    /** Hidden-layer widths; [] is a linear model. */
    layers: z
      .array(z.int().min(1).max(NETWORK_LIMITS.maxWidth))
      .max(NETWORK_LIMITS.maxLayers)
      .default([...NETWORK_DEFAULTS.layers]),
    activation: z.enum(ACTIVATIONS).default(NETWORK_DEFAULTS.activation),
    init: z.enum(INITS).default(NETWORK_DEFAULTS.init),
    loss: z.enum(LOSSES).default(NETWORK_DEFAULTS.loss),
    /** L2 penalty (λ/2)·‖W‖² on the weight matrices (biases are not penalized). */
    l2: z.number().min(0).max(10).default(NETWORK_DEFAULTS.l2),
    /** L1 penalty λ₁·Σ|W| on the weight matrices; absent (older scenes): 0. */
    l1: z.number().min(0).max(10).optional(),
    steps: z.int().min(1).max(NETWORK_LIMITS.maxSteps).default(NETWORK_DEFAULTS.steps),
    /** Mini-batch size; ≥ size means full-batch gradient descent. */
    batchSize: z.int().min(1).max(NETWORK_LIMITS.maxSize).default(NETWORK_DEFAULTS.batchSize),
    optimizers: z
      .array(optimizerSchema)
      .min(1)
      .max(NETWORK_LIMITS.maxOptimizers)
      .default(NETWORK_DEFAULTS.optimizers.map((o) => ({ ...o }))),
    slice: sliceSchema.default({ ...NETWORK_DEFAULTS.slice }),
    /** The activation-statistics experiment; absent in scenes made before it existed. */
    stats: statsSchema.optional(),
    /** The digits experiment (real data); absent in scenes made before it existed. */
    digits: digitsSchema.optional(),
    /** The training experiments (preprocessing, batch norm, gradient norms); absent in older scenes. */
    experiments: experimentSchema.optional(),
    /** The network lesson shown (src/nn/lessons.ts); absent: none. */
    lesson: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional(),
    /** The view's tab: training and the loss slice (absent), the activation statistics, or the digits. */
    tab: z.enum(NETWORK_TABS).optional(),
  })
  .refine((scene) => !(scene.loss === 'cross-entropy' && datasetTask(scene.dataset) === 'regression'), {
    message: 'cross-entropy needs a classification data set; use mse for sine regression',
    path: ['loss'],
  })
  .refine((scene) => !(scene.loss === 'hinge' && datasetTask(scene.dataset) === 'regression'), {
    message: 'hinge needs a classification data set; use mse for sine regression',
    path: ['loss'],
  })
  .refine((scene) => scene.slice.reference === 'best' || scene.slice.reference < scene.optimizers.length, {
    message: 'slice.reference must name one of the optimizers',
    path: ['slice', 'reference'],
  });

/** One optimizer as JSON: a core optimizer config (type, its torch.optim hyperparameters, label, schedule, clip). */
export interface NetworkOptimizerInput {
  readonly type: string;
  readonly label?: string;
  readonly lr?: number;
  readonly [hyperparameter: string]: unknown;
}

/** What a permalink or saved file holds (every field optional). */
export type NetworkSceneInput = Omit<z.input<typeof networkSceneSchema>, 'optimizers' | 'digits'> & {
  optimizers?: readonly NetworkOptimizerInput[];
  digits?: DigitsConfigInput;
};
/** The validated JSON form, every default filled in. */
export type NetworkSceneJson = z.output<typeof networkSceneSchema>;

/** A parsed scene with optimizers resolved to the core's configs (torch.optim defaults filled in). */
export interface NetworkScene extends Omit<NetworkSceneJson, 'optimizers'> {
  readonly optimizers: readonly OptimizerConfig[];
  /** The JSON it came from, for links and saving. */
  readonly json: NetworkSceneJson;
}

export type NetworkParseResult = { ok: true; value: NetworkScene } | { ok: false; errors: string[] };

export function parseNetworkScene(input: unknown): NetworkParseResult {
  const result = networkSceneSchema.safeParse(input ?? {});
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => `${issue.path.join('.') || 'scene'}: ${issue.message}`),
    };
  }
  const json = result.data;
  return { ok: true, value: { ...json, optimizers: json.optimizers.map((o) => resolveOptimizer(o)), json } };
}

/** Parses or throws: for defaults and tests. */
export function networkScene(input: NetworkSceneInput = {}): NetworkScene {
  const parsed = parseNetworkScene(input);
  if (!parsed.ok) throw new Error(`invalid network scene: ${parsed.errors.join('; ')}`);
  return parsed.value;
}
