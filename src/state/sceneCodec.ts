/** Conversions between the store's scene (entries with ids) and the core's scene JSON. Pure functions. */
import {
  getOptimizer,
  parseScene,
  resolveOptimizer,
  sceneToJson,
  type Scene,
  type SceneInput,
} from '../core';
import type { OptimizerEntry, SceneState } from './types';

export type SceneLoad = { ok: true; scene: SceneState } | { ok: false; errors: string[] };

/** "o1", "o2", …: the smallest id above every existing one, so ids never repeat within a scene. */
export function nextOptimizerId(optimizers: readonly { id: string }[]): string {
  const highest = optimizers.reduce((max, { id }) => Math.max(max, Number(id.replace(/^o/, '')) || 0), 0);
  return `o${highest + 1}`;
}

export function entryFromConfig(config: Scene['optimizers'][number], id: string): OptimizerEntry {
  return {
    id,
    type: config.type,
    label: config.label,
    enabled: true,
    hyperparameters: { ...config.hyperparameters },
    schedule: config.schedule,
    clip: config.clip,
    noise: config.noise,
  };
}

/** A new optimizer of a type with torch.optim's defaults. */
export function newEntry(type: string, existing: readonly OptimizerEntry[]): OptimizerEntry {
  return entryFromConfig(resolveOptimizer({ type }), nextOptimizerId(existing));
}

/** Validates scene JSON (the headless API's format) and turns it into store state. */
export function sceneStateFromJson(json: unknown): SceneLoad {
  const parsed = parseScene(json);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const scene = parsed.value;
  return {
    ok: true,
    scene: {
      surface: scene.surface,
      start: scene.start ? [scene.start[0], scene.start[1]] : null,
      steps: scene.steps,
      seed: scene.seed,
      viewBox: scene.viewBox ?? null,
      optimizers: scene.optimizers.map((config, i) => entryFromConfig(config, `o${i + 1}`)),
      ...(scene.customOptimizer ? { customOptimizer: scene.customOptimizer } : {}),
    },
  };
}

/** The parsed core scene of the enabled optimizers (what simulate runs). */
export function coreScene(
  scene: SceneState,
  entries: readonly OptimizerEntry[] = scene.optimizers.filter((o) => o.enabled),
): Scene {
  return {
    surface: scene.surface,
    start: scene.start ?? undefined,
    steps: scene.steps,
    seed: scene.seed,
    viewBox: scene.viewBox ?? undefined,
    optimizers: entries.map((entry) => ({
      type: entry.type,
      label: entry.label || getOptimizer(entry.type)?.label || entry.type,
      hyperparameters: entry.hyperparameters,
      schedule: entry.schedule,
      clip: entry.clip,
      noise: entry.noise,
    })),
    ...(scene.customOptimizer ? { customOptimizer: scene.customOptimizer } : {}),
  };
}

/** The scene as compact JSON (every optimizer, enabled or not): what a download or a link carries. */
export function sceneStateToJson(scene: SceneState): SceneInput {
  return sceneToJson(coreScene(scene, scene.optimizers));
}
