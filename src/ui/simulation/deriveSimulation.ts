/** The simulation of a scene, derived (never stored): one run per enabled optimizer, plus its styling slot. */
import {
  resolveSurface,
  simulate,
  type ResolvedSurface,
  type Trajectory,
  type Vec2,
  type ViewBox,
} from '../../core';
import { coreScene, type OptimizerEntry, type SceneState } from '../../state';

export interface Run {
  readonly entry: OptimizerEntry;
  /** Position in the scene's optimizer list (enabled or not): picks color, marker and dash. */
  readonly slot: number;
  readonly trajectory: Trajectory;
}

export interface DerivedSimulation {
  readonly surface: ResolvedSurface | null;
  readonly start: Vec2;
  readonly runs: readonly Run[];
  /** The scene's box: the scene's own, else the surface's. */
  readonly sceneBox: ViewBox;
  readonly error: string | null;
  /** The longest run's step count (the timeline's end). */
  readonly steps: number;
}

const FALLBACK_BOX: ViewBox = { w1: [-2, 2], w2: [-2, 2] };

export function deriveSimulation(scene: SceneState): DerivedSimulation {
  const resolved = resolveSurface(scene.surface);
  if (!resolved.ok) {
    return {
      surface: null,
      start: [0, 0],
      runs: [],
      sceneBox: FALLBACK_BOX,
      error: resolved.error,
      steps: scene.steps,
    };
  }
  const surface = resolved.value;
  const sceneBox = scene.viewBox ?? surface.viewBox;
  const start: Vec2 = scene.start ?? surface.defaultStart;
  const enabled = scene.optimizers
    .map((entry, slot) => ({ entry, slot }))
    .filter(({ entry }) => entry.enabled);
  if (enabled.length === 0) return { surface, start, runs: [], sceneBox, error: null, steps: scene.steps };
  try {
    const simulation = simulate(coreScene(scene));
    const runs = simulation.trajectories.map((trajectory, i) => ({ ...enabled[i]!, trajectory }));
    return { surface, start, runs, sceneBox, error: null, steps: scene.steps };
  } catch (error) {
    return { surface, start, runs: [], sceneBox, error: (error as Error).message, steps: scene.steps };
  }
}
