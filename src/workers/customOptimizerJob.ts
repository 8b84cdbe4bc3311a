/** What a worker job carries for a typed optimizer: the definition in force, so the worker compiles the same rule. */
import {
  CUSTOM_TYPE,
  customOptimizerDefinition,
  type CustomOptimizerDefinition,
} from '../core/optimizers/custom';
import type { BatchRequest } from '../engine/types';

export function customOptimizerFor(request: BatchRequest): { customOptimizer?: CustomOptimizerDefinition } {
  if (request.optimizerType !== CUSTOM_TYPE) return {};
  const definition = customOptimizerDefinition();
  return definition ? { customOptimizer: definition } : {};
}
