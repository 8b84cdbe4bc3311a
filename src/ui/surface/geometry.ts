/** Plot geometry: margins, an equal-aspect view box fitted to the plot, and clamped pixel coordinates. */
import type { Vec2, ViewBox } from '../../core';

export const MARGIN = { top: 12, right: 16, bottom: 40, left: 52 } as const;

/** Pixels the color key and the playback bar need under the plot (they wrap to two rows on narrow cards). */
export function belowPlotHeight(cardWidth: number): number {
  return cardWidth < 560 ? 150 : 104;
}

/**
 * The tallest plot (inner height, without margins) that keeps the plot, its color key and the playback bar in
 * the window: on the first screen when there is room, else once the card is scrolled to (a short window, such
 * as a projector at 200 % zoom). Never taller than 760 px, never shorter than 140.
 */
export function plotHeightLimit(windowHeight: number, top: number, cardWidth: number): number {
  const chrome = MARGIN.top + MARGIN.bottom + belowPlotHeight(cardWidth);
  const firstScreen = windowHeight - top - chrome;
  const available = firstScreen >= 260 ? firstScreen : windowHeight - chrome - 8;
  return Math.max(140, Math.min(760, available));
}

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

type Point = readonly [number, number];

/**
 * Clips segment a→b to the rectangle [−margin, width+margin] × [−margin, height+margin] (Liang–Barsky).
 * Returns the visible part, or null. Far-off points of a diverging run then cost a few pixels to draw
 * instead of strokes thousands of pixels long, and the visible part keeps its true direction.
 */
export function clipSegment(
  a: Point,
  b: Point,
  width: number,
  height: number,
  margin = 24,
): [Point, Point] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0] + margin],
    [dx, width + margin - a[0]],
    [-dy, a[1] + margin],
    [dy, height + margin - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}

/** SVG path data of the first `count` points, clipped to the plot (plus a margin) segment by segment. */
export function clippedPathData(
  points: readonly Point[],
  count: number,
  width: number,
  height: number,
): string {
  const n = Math.min(count, points.length);
  if (n === 1) {
    const [px, py] = points[0]!;
    return `M${clampPx(px, width).toFixed(1)},${clampPx(py, height).toFixed(1)}`;
  }
  let d = '';
  let pen: Point | null = null;
  for (let k = 1; k < n; k++) {
    const visible = clipSegment(points[k - 1]!, points[k]!, width, height);
    if (!visible) {
      pen = null;
      continue;
    }
    const [from, to] = visible;
    if (!pen || pen[0] !== from[0] || pen[1] !== from[1]) d += `M${from[0].toFixed(1)},${from[1].toFixed(1)}`;
    d += `L${to[0].toFixed(1)},${to[1].toFixed(1)}`;
    pen = to;
  }
  return d;
}

/**
 * A coordinate picked with the pointer, rounded to what one pixel can resolve (at least one decimal
 * more than a pixel's width in units): the start shown, stored and written into a permalink is
 * -0.635, not -0.6351258426966292.
 */
export function roundToPixel(value: number, unitsPerPixel: number): number {
  if (!Number.isFinite(value) || !(unitsPerPixel > 0)) return value;
  const decimals = Math.max(0, Math.min(12, Math.ceil(-Math.log10(unitsPerPixel))));
  return Number(value.toFixed(decimals));
}

/** Both coordinates of a picked point rounded for the scales' pixel size. */
export function pickedPoint(
  scales: Pick<Scales, 'x' | 'y' | 'width' | 'height'>,
  px: number,
  py: number,
): Vec2 {
  const { x, y, width, height } = scales;
  const perX = Math.abs(x.invert(width) - x.invert(0)) / Math.max(1, width);
  const perY = Math.abs(y.invert(0) - y.invert(height)) / Math.max(1, height);
  return [roundToPixel(x.invert(px), perX), roundToPixel(y.invert(py), perY)];
}
