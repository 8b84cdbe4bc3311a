/**
 * One factory for batch requests in tests: a valid request for `optimizerType` (its default
 * hyperparameters, one row shared by every particle) with anything overridden. (The bit-exact CPU test
 * and the GPU parity test keep their own, unchanged.)
 */
import { resolveOptimizer } from '../../src/core/scene';
import { particleHyperparameters } from '../../src/engine/layout';
import type { BatchRequest } from '../../src/engine/types';

export function batchRequest(
  overrides: Partial<BatchRequest> & { readonly settings?: Record<string, unknown> } = {},
): BatchRequest {
  const { settings = {}, ...rest } = overrides;
  const optimizerType = rest.optimizerType ?? 'Adam';
  const count = rest.count ?? 1;
  return {
    surface: 'himmelblau',
    optimizerType,
    count,
    starts: Float64Array.from({ length: 2 * count }, (_, i) => ((i * 37) % 100) / 10 - 5),
    hyperparameters: particleHyperparameters(
      optimizerType,
      resolveOptimizer({ type: optimizerType, ...settings }).hyperparameters,
      count,
    ),
    steps: 50,
    seed: 1,
    schedule: { type: 'constant' },
    clip: { type: 'none' },
    noise: 0,
    lossTarget: 1e-3,
    ...rest,
  };
}
