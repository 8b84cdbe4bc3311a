/**
 * Sizes square maps (outcome map, sweep) to the window: the preferred size where it fits, else smaller, and
 * as many side by side as fit (at most `maxColumns`), so a phone or a zoomed projector never scrolls sideways.
 */
import { useSyncExternalStore } from 'react';

/** Axis frame (MapFrame's left column), grid gap, and the page's and section's padding. */
const FRAME = 46;
const GAP = 24;
const PAGE = 56;

export function mapLayout(
  windowWidth: number,
  preferred: number,
  count: number,
  maxColumns: number,
): { size: number; columns: number } {
  const available = Math.max(160, windowWidth - PAGE);
  const size = Math.max(120, Math.min(preferred, available - FRAME));
  const fit = Math.floor((available + GAP) / (size + FRAME + GAP));
  return { size, columns: Math.max(1, Math.min(count, maxColumns, fit)) };
}

function subscribe(callback: () => void) {
  window.addEventListener('resize', callback);
  return () => window.removeEventListener('resize', callback);
}

export function useMapLayout(
  preferred: number,
  count: number,
  maxColumns = 3,
): { size: number; columns: number } {
  const width = useSyncExternalStore(
    subscribe,
    () => document.documentElement.clientWidth,
    () => 1400,
  );
  return mapLayout(width, preferred, count, maxColumns);
}
