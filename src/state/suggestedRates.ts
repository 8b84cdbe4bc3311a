/** Optimizer entries with learning rates suggested for a surface (src/core/suggestSettings), others kept. */
import type { SurfaceRef, ViewBox } from '../core';
import { resolveSurface } from '../core/resolveSurface';
import { suggestLearningRate } from '../core/suggestSettings';
import type { OptimizerEntry } from './types';

export function withSuggestedRates(
  optimizers: readonly OptimizerEntry[],
  ref: SurfaceRef,
  start: readonly [number, number] | null = null,
  viewBox: ViewBox | null = null,
): readonly OptimizerEntry[] {
  const resolved = resolveSurface(ref);
  if (!resolved.ok) return optimizers;
  const surface = resolved.value;
  const from = start ?? surface.defaultStart;
  const box = viewBox ?? surface.viewBox;
  return optimizers.map((entry) => {
    const lr = suggestLearningRate(surface, from, box, entry.type);
    return lr === null ? entry : { ...entry, hyperparameters: { ...entry.hyperparameters, lr } };
  });
}
