/** Plot geometry: margins, an equal-aspect view box fitted to the plot, and clamped pixel coordinates. */
import type { ViewBox } from '../../core';

export const MARGIN = { top: 12, right: 16, bottom: 40, left: 52 } as const;

/** Widens the box along one axis so one unit of w1 and of w2 take the same pixels (a diagonal looks diagonal). */
export function fitBox(box: ViewBox, width: number, height: number): ViewBox {
  const spanX = box.w1[1] - box.w1[0];
  const spanY = box.w2[1] - box.w2[0];
  const unitsPerPixel = Math.max(spanX / width, spanY / height);
  const cx = (box.w1[0] + box.w1[1]) / 2;
  const cy = (box.w2[0] + box.w2[1]) / 2;
  const hx = (unitsPerPixel * width) / 2;
  const hy = (unitsPerPixel * height) / 2;
  return { w1: [cx - hx, cx + hx], w2: [cy - hy, cy + hy] };
}

/** Keeps far-off points drawable: SVG coordinates beyond ~1e5 px misbehave, so clamp well outside the plot. */
export function clampPx(value: number, extent: number): number {
  const limit = 20 * Math.max(extent, 1);
  if (!Number.isFinite(value)) return value > 0 ? limit : -limit;
  return Math.max(-limit, Math.min(limit, value));
}

export function inside(box: ViewBox, w1: number, w2: number): boolean {
  return w1 >= box.w1[0] && w1 <= box.w1[1] && w2 >= box.w2[0] && w2 <= box.w2[1];
}

export interface Scales {
  x: ((v: number) => number) & {
    invert(px: number): number;
    domain(): number[];
    ticks(n?: number): number[];
  };
  y: ((v: number) => number) & {
    invert(px: number): number;
    domain(): number[];
    ticks(n?: number): number[];
  };
  width: number;
  height: number;
}
