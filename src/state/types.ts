/**
 * The store's data: plain, JSON-serializable objects only, so a permalink codec can write and read the
 * scene and view state as they are. The scene is what is simulated; the view is how it is looked at.
 */
import type { Clipping, HyperparameterValue, Schedule, SurfaceRef, ViewBox } from '../core';
import type { OrbitCamera } from '../core/link';
import type { NetworkSceneJson } from '../core/network';
import type { CustomOptimizerDefinition } from '../core/optimizers/custom';

export interface OptimizerEntry {
  /** Stable id ("o1", "o2", …): colors, markers and React keys follow it. */
  readonly id: string;
  readonly type: string;
  readonly label: string;
  readonly enabled: boolean;
  readonly hyperparameters: Readonly<Record<string, HyperparameterValue>>;
  readonly schedule: Schedule;
  readonly clip: Clipping;
  readonly noise: number;
}

export interface SceneState {
  readonly surface: SurfaceRef;
  /** null: the surface's default start. */
  readonly start: readonly [number, number] | null;
  readonly steps: number;
  readonly seed: number;
  /** The scene's own view box (lessons set one); null: the surface's. */
  readonly viewBox: ViewBox | null;
  readonly optimizers: readonly OptimizerEntry[];
  /** The typed optimizer ("Type your own optimizer"), used by the entries of type Custom; absent: none. */
  readonly customOptimizer?: CustomOptimizerDefinition;
}

export type PanelId =
  'inside' | 'loss' | 'effectiveLr' | 'convergence' | 'ewa' | 'gradcheck' | 'stability' | 'surface3d';
export type ThemeChoice = 'system' | 'light' | 'dark';
/** What the effective-learning-rate panel plots: the rate, an accumulator key (r, m, v, velocity…) or |Δw|. */
export type RateMetric = 'effectiveLr' | 'stepLength' | `acc:${string}`;

export interface ViewState {
  /** Current step, shared by every panel. */
  readonly step: number;
  readonly playing: boolean;
  /** Playback speed multiplier (1 = 20 steps per second). */
  readonly speed: number;
  /** Zoomed/panned box; null: the scene's or surface's box. */
  readonly viewBox: ViewBox | null;
  readonly panels: Readonly<Record<PanelId, boolean>>;
  readonly theme: ThemeChoice;
  readonly lesson: string | null;
  /** Panel the active lesson points at. */
  readonly highlight: PanelId | null;
  /** Slow step-by-step mode: each update shown as gradient → moment → scaling → step. */
  readonly explain: boolean;
  /** 0 gradient, 1 moment, 2 scaling, 3 step. */
  readonly phase: number;
  /** Optimizer whose step is explained (null: the first enabled). */
  readonly focus: string | null;
  /** Draw the step arrows for every optimizer, not just the focused one. */
  readonly arrowsForAll: boolean;
  readonly showArrows: boolean;
  readonly rateMetric: RateMetric;
  readonly activeView: string;
  /** The 3-D view's camera; null: its default (reset). */
  readonly camera3d: OrbitCamera | null;
  /** The 3-D view (when its panel is on) takes the contour map's place in the surface card. */
  readonly surface3dInstead: boolean;
}

/** The network view's scene, beside the explorer's (links carry it while the network view is active). */
export interface NetworkState {
  /** Validated network scene JSON, every default filled in; null until the view or a link sets one. */
  readonly scene: NetworkSceneJson | null;
  /**
   * Bumped when the scene is replaced from outside the view (a link opened, back/forward): the view
   * remounts from it. Edits made in the view itself leave it unchanged.
   */
  readonly revision: number;
}
