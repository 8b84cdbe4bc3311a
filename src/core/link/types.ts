/** What a permalink carries: the scene (what is simulated) and how it is looked at. */
import type { NetworkSceneJson } from '../network';
import type { Scene } from '../scene';
import type { ViewBox } from '../types';

export type LinkTheme = 'system' | 'light' | 'dark';

/**
 * The 3-D view's orbit camera, in the view's world units (the view box's longer side spans [-1, 1],
 * height 0…0.9): angles in degrees, the distance from the target, and the point it looks at.
 */
export interface OrbitCamera {
  readonly azimuth: number;
  readonly elevation: number;
  readonly distance: number;
  readonly target: readonly [number, number, number];
}

export interface LinkView {
  /** Current step of playback, 0…steps. */
  readonly step?: number;
  /** Panels shown, by id (the app knows which ids exist; the codec only checks their spelling). */
  readonly panels?: readonly string[];
  readonly theme?: LinkTheme;
  /** Zoomed/panned box, when it differs from the scene's. */
  readonly zoom?: ViewBox;
  /** The lesson the scene came from. */
  readonly lesson?: string;
  /**
   * The app's active view by id (atlas, network…; the app knows which ids exist, the codec only checks
   * their spelling). Absent: the explorer, so a link from before views were linked opens as it did.
   */
  readonly activeView?: string;
  /** The 3-D view's camera; absent: its default camera. */
  readonly camera?: OrbitCamera;
  /** 'instead': the 3-D view takes the contour map's place; absent: it is a panel beside the map. */
  readonly surface3dLayout?: 'instead';
}

export interface LinkState {
  readonly scene: Scene;
  /** Indices of optimizers that are in the scene but switched off. */
  readonly disabled?: readonly number[];
  readonly view: LinkView;
  /** The network view's scene (src/core/network.ts), every field filled in; absent when the link has none. */
  readonly network?: NetworkSceneJson;
}

export interface DecodedLink {
  /** Always a valid scene: the link's, or the nearest valid one. */
  readonly state: LinkState;
  /** What was dropped, clamped or assumed, one sentence each, for the user. */
  readonly warnings: readonly string[];
  /** The format version the link declared (or was read as). */
  readonly version: number;
  /** The optimizer-semantics version the link declared ("m"). */
  readonly mathVersion: number;
}
