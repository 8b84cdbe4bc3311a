/**
 * Save and open a scene as a JSON file: the same format as the headless API and the CLI
 * (`parseScene` / `sceneToJson`), so a file saved here runs with `npm run trace -- scene.json`.
 */
import { LIMITS } from '../core';
import { sceneStateFromJson, sceneStateToJson, type SceneLoad } from './sceneCodec';
import type { SceneState } from './types';

/** A scene file larger than this is not a scene (the largest valid one is a few tens of kilobytes). */
export const MAX_SCENE_FILE_BYTES = 1_000_000;

export function sceneFileText(scene: SceneState): string {
  return `${JSON.stringify(sceneStateToJson(scene), null, 2)}\n`;
}

export function sceneFileName(scene: SceneState): string {
  const surface = typeof scene.surface === 'string' ? scene.surface : 'custom';
  return `optiscope-${surface}-${scene.optimizers.length}-optimizers.json`;
}

/** Reads a saved scene; errors name the bad field, as parseScene's do. */
export function readSceneFile(text: string): SceneLoad {
  if (text.length > MAX_SCENE_FILE_BYTES)
    return { ok: false, errors: [`the file is larger than ${MAX_SCENE_FILE_BYTES} bytes`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not JSON: ${(error as Error).message}`] };
  }
  const loaded = sceneStateFromJson(json);
  if (loaded.ok && loaded.scene.optimizers.length > LIMITS.maxOptimizers) {
    return { ok: false, errors: [`more than ${LIMITS.maxOptimizers} optimizers`] };
  }
  return loaded;
}
