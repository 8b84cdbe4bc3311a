/**
 * The store's side of "Type your own optimizer": a new definition applied to the scene. The entries of
 * type Custom follow it (a hyperparameter that is gone is dropped, a new one takes its value, one now
 * outside its range is brought back inside; a label and a rate still at the old definition's take the
 * new ones); with
 * `add`, a scene without one gets its first entry. Pure.
 */
import { CUSTOM_TYPE, type CustomOptimizerDefinition } from '../core/optimizers/custom';
import { LIMITS } from '../core';
import { nextOptimizerId } from './sceneCodec';
import type { OptimizerEntry, SceneState } from './types';

function followDefinition(
  entry: OptimizerEntry,
  definition: CustomOptimizerDefinition,
  previous: CustomOptimizerDefinition | undefined,
): OptimizerEntry {
  // A rate (or label) still at the old definition's follows the new one; one the user changed stays.
  const lr = entry.hyperparameters.lr;
  const hyperparameters: Record<string, number> = {
    lr: typeof lr === 'number' && lr !== previous?.lr ? lr : definition.lr,
  };
  for (const h of definition.hyperparameters) {
    const value = entry.hyperparameters[h.name];
    hyperparameters[h.name] = typeof value === 'number' ? Math.min(h.max, Math.max(h.min, value)) : h.value;
  }
  const label = !entry.label || entry.label === previous?.name ? definition.name : entry.label;
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
  const previous = scene.customOptimizer;
  let optimizers = scene.optimizers.map((entry) =>
    entry.type === CUSTOM_TYPE ? followDefinition(entry, definition, previous) : entry,
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
