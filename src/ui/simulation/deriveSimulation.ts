/** The simulation of a scene, derived (never stored): one run per enabled optimizer, plus its styling slot. */
import {
  parseScene,
  resolveSurface,
  sceneToJson,
  simulate,
  simulateOnSurface,
  type ResolvedSurface,
  type Trajectory,
  type Vec2,
  type ViewBox,
} from '../../core';
import { coreScene, type OptimizerEntry, type SceneState } from '../../state';
import { NETWORK_SLICE_SURFACE } from '../../state/sliceSurface';
import { typeSlots } from '../theme/palette';

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

type Resolution = ReturnType<typeof resolveSurface>;

function resolveSceneSurface(scene: SceneState, slice: ResolvedSurface | null): Resolution {
  if (scene.surface !== NETWORK_SLICE_SURFACE) return resolveSurface(scene.surface);
  if (slice) return { ok: true, value: slice };
  return {
    ok: false,
    error: 'The network slice lives only in the tab that trained it: open Network and train again.',
  };
}

/**
 * simulate() resolves the scene's surface by id; the slice has none, so its scene is validated on its own
 * (the schema checks a surface id's form, resolveSurface its meaning) and run on the slice directly.
 */
function runScene(scene: SceneState, surface: ResolvedSurface) {
  if (scene.surface !== NETWORK_SLICE_SURFACE) return simulate(coreScene(scene));
  const parsed = parseScene(sceneToJson(coreScene(scene)));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return simulateOnSurface(surface, parsed.value);
}

export function deriveSimulation(scene: SceneState, slice: ResolvedSurface | null = null): DerivedSimulation {
  const resolved = resolveSceneSurface(scene, slice);
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
  const slots = typeSlots(scene.optimizers);
  const enabled = scene.optimizers
    .map((entry, i) => ({ entry, slot: slots[i]! }))
    .filter(({ entry }) => entry.enabled);
  if (enabled.length === 0) return { surface, start, runs: [], sceneBox, error: null, steps: scene.steps };
  try {
    const simulation = runScene(scene, surface);
    const runs = simulation.trajectories.map((trajectory, i) => ({ ...enabled[i]!, trajectory }));
    return { surface, start, runs, sceneBox, error: null, steps: scene.steps };
  } catch (error) {
    return { surface, start, runs: [], sceneBox, error: (error as Error).message, steps: scene.steps };
  }
}
