/** The optimizer registry: engines, controls, links and docs all read this list. */
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam, AdamW } from './adam';
import { Adamax } from './adamax';
import { LBFGS } from './lbfgs';
import { NAdam } from './nadam';
import { Newton } from './newton';
import { RandomSearch } from './randomSearch';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';
import type { OptimizerSpec } from './spec';

// Specs differ in their State type; the registry only passes state back to the spec that made it.
export const OPTIMIZERS: readonly OptimizerSpec<any>[] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
  SGD,
  Adagrad,
  RMSprop,
  Adam,
  AdamW,
  NAdam,
  Adamax,
  Adadelta,
  Newton,
  LBFGS,
  RandomSearch,
];

export const OPTIMIZER_TYPES = OPTIMIZERS.map((spec) => spec.type);

export function getOptimizer(type: string): OptimizerSpec<unknown> | undefined {
  return OPTIMIZERS.find((spec) => spec.type === type);
}

export type { OptimizerSpec, StepContext, StepResult, Oracle, AccumulatorSpec } from './spec';
