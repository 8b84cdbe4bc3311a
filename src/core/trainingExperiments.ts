/**
 * The Network view's training experiments (lecture 003 and 002), as a plain JSON config: data
 * preprocessing on a 2-parameter model, batch norm against the plain net at a high learning rate under
 * several init scales, and every layer's gradient norm during training for sigmoid, tanh, ReLU/He and
 * sigmoid + batch norm. Pure zod, so the permalink codec checks links against it.
 */
import { z } from 'zod';

export const EXPERIMENT_KINDS = ['preprocessing', 'batchnorm', 'gradients'] as const;
export type ExperimentKind = (typeof EXPERIMENT_KINDS)[number];
export const EXPERIMENT_LABELS: Readonly<Record<ExperimentKind, string>> = {
  preprocessing: 'Data preprocessing',
  batchnorm: 'Batch norm: high rate, any init',
  gradients: 'Gradient norms per layer',
};

export const EXPERIMENT_ACTIVATIONS = ['tanh', 'sigmoid', 'relu'] as const;

/** The init scales (× Xavier, or × He for ReLU) the batch-norm experiment trains at, side by side. */
export const BN_INIT_SCALES = [0.25, 1, 3] as const;

export const EXPERIMENT_DEFAULTS = {
  kind: 'preprocessing',
  offset: 3,
  ratio: 10,
  correlation: 0.6,
  points: 200,
  dataSeed: 1,
  depth: 6,
  width: 24,
  activation: 'tanh',
  /** The batch-norm experiment's rate: high enough that the plain net fails at some init scales. */
  lr: 1,
  /** The gradient experiment's depth and rate: deep enough for sigmoid's product of f′ ≤ ¼ to vanish. */
  gradientDepth: 10,
  gradientLr: 0.1,
  steps: 200,
  batchSize: 50,
  seed: 1,
} as const;

export const EXPERIMENT_LIMITS = {
  maxDepth: 16,
  maxWidth: 64,
  maxSteps: 1000,
  /** Multiply-adds of all runs together (depth · width² · batch · steps · runs · 3): a few seconds. */
  maxWork: 4e9,
} as const;

export const experimentSchema = z.strictObject({
  kind: z.enum(EXPERIMENT_KINDS).default(EXPERIMENT_DEFAULTS.kind),
  /** Preprocessing: the features' means in units of their stds, their std ratio and correlation. */
  offset: z.number().min(0).max(50).default(EXPERIMENT_DEFAULTS.offset),
  ratio: z.number().min(1).max(1000).default(EXPERIMENT_DEFAULTS.ratio),
  correlation: z.number().min(-0.99).max(0.99).default(EXPERIMENT_DEFAULTS.correlation),
  points: z.int().min(10).max(2000).default(EXPERIMENT_DEFAULTS.points),
  dataSeed: z.int().min(0).max(0xffffffff).default(EXPERIMENT_DEFAULTS.dataSeed),
  /** Batch norm: the deep net (on two moons) and its rate. */
  depth: z.int().min(1).max(EXPERIMENT_LIMITS.maxDepth).default(EXPERIMENT_DEFAULTS.depth),
  width: z.int().min(2).max(EXPERIMENT_LIMITS.maxWidth).default(EXPERIMENT_DEFAULTS.width),
  activation: z.enum(EXPERIMENT_ACTIVATIONS).default(EXPERIMENT_DEFAULTS.activation),
  lr: z.number().positive().max(100).default(EXPERIMENT_DEFAULTS.lr),
  /** Gradient norms: depth and rate of its four nets (same width, steps, batch and seed). */
  gradientDepth: z.int().min(2).max(EXPERIMENT_LIMITS.maxDepth).default(EXPERIMENT_DEFAULTS.gradientDepth),
  gradientLr: z.number().positive().max(100).default(EXPERIMENT_DEFAULTS.gradientLr),
  steps: z.int().min(1).max(EXPERIMENT_LIMITS.maxSteps).default(EXPERIMENT_DEFAULTS.steps),
  batchSize: z.int().min(1).max(200).default(EXPERIMENT_DEFAULTS.batchSize),
  /** Seeds the weights and the mini-batches of every net. */
  seed: z.int().min(0).max(0xffffffff).default(EXPERIMENT_DEFAULTS.seed),
});
export type ExperimentConfig = z.output<typeof experimentSchema>;
export type ExperimentConfigInput = z.input<typeof experimentSchema>;

/** The multiply-adds the chosen deep-net experiment takes (0 for preprocessing, which is closed-form). */
export function experimentWork(config: ExperimentConfig): number {
  if (config.kind === 'preprocessing') return 0;
  const runs = config.kind === 'batchnorm' ? 2 * BN_INIT_SCALES.length : 4;
  const depth = config.kind === 'batchnorm' ? config.depth : config.gradientDepth;
  return 3 * depth * config.width * config.width * config.batchSize * config.steps * runs;
}

/** A clear message when the runs are beyond what the page trains (undefined when they fit). */
export function experimentTooLarge(config: ExperimentConfig): string | undefined {
  const work = experimentWork(config);
  if (work <= EXPERIMENT_LIMITS.maxWork) return undefined;
  return (
    `these runs take ${(work / 1e9).toFixed(1)} billion multiply-adds, more than the ` +
    `${EXPERIMENT_LIMITS.maxWork / 1e9} billion this page trains; use fewer layers, units, steps or a smaller batch`
  );
}
