/**
 * The store's side of "Type your own optimizer": a new definition applied to the scene. The entries of
 * type Custom follow it (a hyperparameter that is gone is dropped, a new one takes its value, one now
 * outside its range is brought back inside; a label that was the old name takes the new one); with
 * `add`, a scene without one gets its first entry. Pure.
 */
import { CUSTOM_TYPE, type CustomOptimizerDefinition } from '../core/optimizers/custom';
import { LIMITS } from '../core';
import { nextOptimizerId } from './sceneCodec';
import type { OptimizerEntry, SceneState } from './types';

function followDefinition(
  entry: OptimizerEntry,
  definition: CustomOptimizerDefinition,
  previousName: string | undefined,
): OptimizerEntry {
  const hyperparameters: Record<string, number> = {
    lr: typeof entry.hyperparameters.lr === 'number' ? entry.hyperparameters.lr : definition.lr,
  };
  for (const h of definition.hyperparameters) {
    const value = entry.hyperparameters[h.name];
    hyperparameters[h.name] = typeof value === 'number' ? Math.min(h.max, Math.max(h.min, value)) : h.value;
  }
  const label = !entry.label || entry.label === previousName ? definition.name : entry.label;
  return { ...entry, label, hyperparameters };
}

export function withCustomOptimizer(
  scene: SceneState,
  definition: CustomOptimizerDefinition | null,
  add = false,
): SceneState {
  if (definition === null) {
    const { customOptimizer: _dropped, ...rest } = scene;
    const optimizers = scene.optimizers.filter((o) => o.type !== CUSTOM_TYPE);
    // A scene keeps at least one optimizer: with only typed ones, the definition stays.
    return optimizers.length > 0 ? { ...rest, optimizers } : scene;
  }
  const previousName = scene.customOptimizer?.name;
  let optimizers = scene.optimizers.map((entry) =>
    entry.type === CUSTOM_TYPE ? followDefinition(entry, definition, previousName) : entry,
  );
  if (add && optimizers.length < LIMITS.maxOptimizers) {
    const entry: OptimizerEntry = {
      id: nextOptimizerId(optimizers),
      type: CUSTOM_TYPE,
      label: definition.name,
      enabled: true,
      hyperparameters: {},
      schedule: { type: 'constant' },
      clip: { type: 'none' },
      noise: 0,
    };
    optimizers = [...optimizers, followDefinition(entry, definition, undefined)];
  }
  return { ...scene, optimizers, customOptimizer: definition };
}
