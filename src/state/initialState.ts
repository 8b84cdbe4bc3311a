/** Initial scene and view state, built on demand (nothing runs at import time). */
import { DEFAULT_SCENE } from './defaultScene';
import { sceneStateFromJson } from './sceneCodec';
import type { SceneState, ViewState } from './types';

export function defaultSceneState(): SceneState {
  const loaded = sceneStateFromJson(DEFAULT_SCENE);
  if (!loaded.ok) throw new Error(`the default scene is invalid: ${loaded.errors.join('; ')}`);
  return loaded.scene;
}

export function defaultViewState(scene: SceneState): ViewState {
  return {
    step: scene.steps,
    playing: false,
    speed: 1,
    viewBox: null,
    panels: {
      inside: true,
      loss: true,
      effectiveLr: true,
      convergence: true,
      ewa: false,
      gradcheck: false,
      stability: false,
      surface3d: false,
    },
    theme: 'system',
    lesson: null,
    highlight: null,
    explain: false,
    phase: 0,
    focus: null,
    arrowsForAll: false,
    showArrows: true,
    rateMetric: 'effectiveLr',
    activeView: 'explorer',
    camera3d: null,
    surface3dInstead: false,
  };
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
/** Steps per second at speed 1. */
export const BASE_STEPS_PER_SECOND = 30;
/** Explain-mode phases per second at speed 1. */
export const BASE_PHASES_PER_SECOND = 1.5;
export const PHASES = ['gradient', 'moment', 'scaling', 'step'] as const;
