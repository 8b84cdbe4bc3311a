/** The optimizer registry: engines, controls, links and docs all read this list. */
import { AdaBelief } from './adabelief';
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam, AdamW } from './adam';
import { Adamax } from './adamax';
import { ASGD } from './asgd';
import { LBFGS } from './lbfgs';
import { Lion } from './lion';
import { NAdam } from './nadam';
import { Newton } from './newton';
import { Prodigy } from './prodigy';
import { RAdam } from './radam';
import { RandomSearch } from './randomSearch';
import { RMSprop } from './rmsprop';
import { ScheduleFreeAdamW } from './scheduleFreeAdamW';
import { Rprop } from './rprop';
import { SAM } from './sam';
import { SGD } from './sgd';
import { Sophia } from './sophia';
import type { OptimizerSpec } from './spec';
import { CUSTOM_TYPE, customOptimizerSpec } from './custom';

/**
 * Specs differ in their State type; engines only ever pass a state back to the spec whose init() made it,
 * so erasing the type parameter here is safe.
 */
const erase = <State>(spec: OptimizerSpec<State>) => spec as unknown as OptimizerSpec<unknown>;

export const OPTIMIZERS: readonly OptimizerSpec<unknown>[] = [
  erase(SGD),
  erase(Adagrad),
  erase(RMSprop),
  erase(Adam),
  erase(AdamW),
  erase(NAdam),
  erase(Adamax),
  erase(Adadelta),
  erase(RAdam),
  erase(Rprop),
  erase(ASGD),
  erase(Lion),
  erase(AdaBelief),
  erase(ScheduleFreeAdamW),
  erase(SAM),
  erase(Prodigy),
  erase(Sophia),
  erase(Newton),
  erase(LBFGS),
  erase(RandomSearch),
];

export const OPTIMIZER_TYPES = OPTIMIZERS.map((spec) => spec.type);

/** A built-in by its type, or the typed optimizer in force (src/core/optimizers/custom). */
export function getOptimizer(type: string): OptimizerSpec<unknown> | undefined {
  return type === CUSTOM_TYPE ? customOptimizerSpec() : OPTIMIZERS.find((spec) => spec.type === type);
}

export type { OptimizerSpec, StepContext, StepResult, Oracle, AccumulatorSpec } from './spec';
