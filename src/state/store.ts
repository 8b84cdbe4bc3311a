/**
 * The app's single store (zustand): `scene` is what is simulated, `view` is how it is looked at. Both are
 * plain JSON so a permalink codec can serialize them; the simulation itself is derived (see
 * src/ui/simulation), never stored.
 */
import { create } from 'zustand';
import type { HyperparameterValue, SurfaceRef, ViewBox } from '../core';
import type { OrbitCamera } from '../core/link';
import { LIMITS } from '../core';
import { parseNetworkScene, type NetworkSceneJson } from '../core/network';
import { defaultSceneState, defaultViewState, PHASES } from './initialState';
import { newEntry, nextOptimizerId, sceneStateFromJson } from './sceneCodec';
import { withSuggestedRates } from './suggestedRates';
import { withCustomOptimizer } from './customOptimizer';
import { setCustomOptimizer, type CustomOptimizerDefinition } from '../core/optimizers/custom';
import type {
  NetworkState,
  OptimizerEntry,
  PanelId,
  RateMetric,
  SceneState,
  ThemeChoice,
  ViewState,
} from './types';

export interface OptiscopeActions {
  /** Validates and loads scene JSON; returns the validation errors, or null on success. */
  loadScene(json: unknown, options?: { lesson?: string | null; view?: Partial<ViewState> }): string[] | null;
  /**
   * Replaces scene and view wholesale (a permalink decoder's entry point); a network scene given, and
   * different from the current one, replaces it and remounts the network view.
   */
  restore(scene: SceneState, view: Partial<ViewState>, network?: NetworkSceneJson): void;
  /** The network view's edits: validated, stored when valid; returns the errors, or null on success. */
  setNetworkScene(input: unknown): string[] | null;
  setSurface(surface: SurfaceRef): void;
  setStart(start: readonly [number, number] | null): void;
  setSteps(steps: number): void;
  setSeed(seed: number): void;
  addOptimizer(type: string): void;
  duplicateOptimizer(id: string): void;
  removeOptimizer(id: string): void;
  updateOptimizer(id: string, patch: Partial<Omit<OptimizerEntry, 'id'>>): void;
  setHyperparameter(id: string, key: string, value: HyperparameterValue): void;
  /** The typed optimizer (a valid definition; null: none), followed by its entries; `add` adds one. */
  applyCustomOptimizer(definition: CustomOptimizerDefinition | null, add?: boolean): void;
  setStep(step: number): void;
  /** ±1 step (or one explain phase in explain mode). */
  stepBy(delta: number): void;
  setPlaying(playing: boolean): void;
  togglePlaying(): void;
  resetPlayback(): void;
  setSpeed(speed: number): void;
  setViewBox(box: ViewBox | null): void;
  togglePanel(panel: PanelId): void;
  setTheme(theme: ThemeChoice): void;
  setExplain(explain: boolean): void;
  setFocus(id: string | null): void;
  setShowArrows(show: boolean): void;
  setArrowsForAll(all: boolean): void;
  setRateMetric(metric: RateMetric): void;
  setActiveView(view: string): void;
  /** The 3-D view's camera (null: its default). */
  setCamera3d(camera: OrbitCamera | null): void;
  /** The 3-D view in place of the contour map (true) or beside it. */
  setSurface3dInstead(instead: boolean): void;
}

export interface OptiscopeState extends OptiscopeActions {
  readonly scene: SceneState;
  readonly view: ViewState;
  readonly network: NetworkState;
}

const clampStep = (step: number, scene: SceneState) => Math.max(0, Math.min(scene.steps, Math.round(step)));

export const useOptiscope = create<OptiscopeState>()((set, get) => {
  const scene = defaultSceneState();
  const patchView = (patch: Partial<ViewState>) => set((s) => ({ view: { ...s.view, ...patch } }));
  const patchScene = (patch: Partial<SceneState>, view: Partial<ViewState> = {}) =>
    set((s) => {
      const next = { ...s.scene, ...patch };
      return { scene: next, view: { ...s.view, ...view, step: clampStep(view.step ?? s.view.step, next) } };
    });
  const mapOptimizers = (f: (list: readonly OptimizerEntry[]) => readonly OptimizerEntry[]) =>
    patchScene({ optimizers: f(get().scene.optimizers) }, { lesson: null });

  return {
    scene,
    view: defaultViewState(scene),
    network: { scene: null, revision: 0 },
    loadScene(json, options = {}) {
      const loaded = sceneStateFromJson(json);
      if (!loaded.ok) return loaded.errors;
      const playing = get().view.playing;
      set((s) => ({
        scene: loaded.scene,
        view: {
          ...s.view,
          step: loaded.scene.steps,
          playing,
          viewBox: null,
          phase: 0,
          focus: null,
          lesson: options.lesson ?? null,
          highlight: null,
          ...options.view,
        },
      }));
      return null;
    },
    restore(sceneState, view, network) {
      set((s) => {
        const changed = network !== undefined && JSON.stringify(network) !== JSON.stringify(s.network.scene);
        return {
          scene: sceneState,
          view: { ...s.view, ...view },
          ...(changed ? { network: { scene: network, revision: s.network.revision + 1 } } : {}),
        };
      });
    },
    setNetworkScene(input) {
      const parsed = parseNetworkScene(input);
      if (!parsed.ok) return parsed.errors;
      set((s) => ({ network: { ...s.network, scene: parsed.value.json } }));
      return null;
    },
    setSurface(surface) {
      // A new surface brings rates that work on it (the ravine's explode on Rosenbrock); still editable.
      const optimizers = withSuggestedRates(get().scene.optimizers, surface);
      patchScene(
        { surface, start: null, viewBox: null, optimizers },
        { viewBox: null, lesson: null, phase: 0 },
      );
    },
    setStart(start) {
      patchScene({ start: start ? [start[0], start[1]] : null });
    },
    setSteps(steps) {
      if (Number.isNaN(steps)) return; // NaN would pass every clamp below
      const clamped = Math.max(1, Math.min(LIMITS.maxSteps, Math.round(steps)));
      patchScene({ steps: clamped }, { step: Math.min(get().view.step, clamped) });
    },
    setSeed(seed) {
      if (Number.isNaN(seed)) return;
      patchScene({ seed: Math.max(0, Math.min(0xffffffff, Math.round(seed))) });
    },
    addOptimizer(type) {
      if (get().scene.optimizers.length >= LIMITS.maxOptimizers) return;
      const { surface, start, viewBox } = get().scene;
      mapOptimizers((list) => [
        ...list,
        ...withSuggestedRates([newEntry(type, list)], surface, start, viewBox),
      ]);
    },
    duplicateOptimizer(id) {
      mapOptimizers((list) => {
        const source = list.find((o) => o.id === id);
        if (!source || list.length >= LIMITS.maxOptimizers) return list;
        return [...list, { ...source, id: nextOptimizerId(list), label: `${source.label} (copy)` }];
      });
    },
    removeOptimizer(id) {
      mapOptimizers((list) => list.filter((o) => o.id !== id));
      if (get().view.focus === id) patchView({ focus: null });
    },
    updateOptimizer(id, patch) {
      mapOptimizers((list) => list.map((o) => (o.id === id ? { ...o, ...patch } : o)));
    },
    setHyperparameter(id, key, value) {
      mapOptimizers((list) =>
        list.map((o) =>
          o.id === id ? { ...o, hyperparameters: { ...o.hyperparameters, [key]: value } } : o,
        ),
      );
    },
    applyCustomOptimizer(definition, add = false) {
      const next = withCustomOptimizer(get().scene, definition, add);
      patchScene({ optimizers: next.optimizers, customOptimizer: next.customOptimizer }, { lesson: null });
    },
    setStep(step) {
      if (Number.isNaN(step)) return;
      patchView({ step: clampStep(step, get().scene), phase: 0 });
    },
    stepBy(delta) {
      const { view, scene: current } = get();
      if (!view.explain) return patchView({ step: clampStep(view.step + delta, current), phase: 0 });
      const last = PHASES.length - 1;
      const phase = view.phase + delta;
      if (phase > last) patchView({ step: clampStep(view.step + 1, current), phase: 0 });
      else if (phase < 0)
        patchView({ step: clampStep(view.step - 1, current), phase: view.step > 0 ? last : 0 });
      else patchView({ phase });
    },
    setPlaying(playing) {
      const { view, scene: current } = get();
      // Play at the end restarts from the beginning.
      patchView(playing && view.step >= current.steps ? { playing, step: 0, phase: 0 } : { playing });
    },
    togglePlaying() {
      get().setPlaying(!get().view.playing);
    },
    resetPlayback() {
      patchView({ playing: false, step: 0, phase: 0 });
    },
    setSpeed: (speed) => patchView({ speed }),
    setViewBox: (viewBox) => patchView({ viewBox }),
    togglePanel: (panel) =>
      set((s) => ({ view: { ...s.view, panels: { ...s.view.panels, [panel]: !s.view.panels[panel] } } })),
    setTheme: (theme) => patchView({ theme }),
    setExplain: (explain) => patchView({ explain, phase: 0 }),
    setFocus: (focus) => patchView({ focus }),
    setShowArrows: (showArrows) => patchView({ showArrows }),
    setArrowsForAll: (arrowsForAll) => patchView({ arrowsForAll }),
    setRateMetric: (rateMetric) => patchView({ rateMetric }),
    setActiveView: (activeView) => patchView({ activeView }),
    setCamera3d: (camera3d) => patchView({ camera3d }),
    setSurface3dInstead: (surface3dInstead) => patchView({ surface3dInstead }),
  };
});

// The typed optimizer of the scene is the one engines and panels find (getOptimizer('Custom')): put in
// force before any component renders the new scene, since zustand calls subscribers inside set().
useOptiscope.subscribe((state, previous) => {
  if (state.scene.customOptimizer !== previous.scene.customOptimizer)
    setCustomOptimizer(state.scene.customOptimizer ?? null);
});
