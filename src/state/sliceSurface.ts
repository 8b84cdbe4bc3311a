/**
 * A network's loss slice opened in the explorer. It is a surface made of closures over trained weights, so
 * it cannot live in the JSON store or a link: it is kept here, beside the store, for this tab only. The
 * scene names it by NETWORK_SLICE_SURFACE; the network view's own link reproduces the slice itself.
 */
import { create } from 'zustand';
import type { ResolvedSurface } from '../core';

export const NETWORK_SLICE_SURFACE = 'network-slice';

interface SliceSurfaceState {
  readonly surface: ResolvedSurface | null;
  setSurface(surface: ResolvedSurface | null): void;
}

export const useSliceSurface = create<SliceSurfaceState>()((set) => ({
  surface: null,
  setSurface: (surface) => set({ surface }),
}));
