/**
 * Filled contours of a surface over a view box: sample a grid, choose levels that suit the surface
 * (log-spaced above the minimum, symmetric around 0, or linear), trace them with d3-contour and color
 * them with a perceptual scale. Pure: the same inputs give the same paths (the view caches them).
 */
import {
  contours,
  geoPath,
  geoTransform,
  interpolateRgb,
  interpolateViridis,
  interpolatePuOr,
  ticks,
} from 'd3';
import type { ContourScale, ViewBox } from '../../core';

export interface ContourSurface {
  value(w1: number, w2: number): number;
  readonly contourScale: ContourScale;
  readonly criticalPoints: readonly { kind: string; at: readonly [number, number] }[];
}

export interface ContourBand {
  readonly level: number;
  readonly color: string;
  readonly path: string;
}

export interface ContourLayer {
  /** Color of everything below the first level. */
  readonly base: string;
  readonly bands: readonly ContourBand[];
  readonly levels: readonly number[];
  readonly colors: readonly string[];
  readonly scale: ContourScale;
}

/** Quantile of ascending values (linear interpolation), as d3.quantileSorted but for typed arrays. */
function quantileSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = (sorted.length - 1) * p;
  const low = Math.floor(i);
  const a = sorted[low]!;
  const b = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return a + (b - a) * (i - low);
}

export function contourLevels(surface: ContourSurface, sorted: Float64Array): number[] {
  const n = sorted.length;
  if (n === 0) return [];
  const lowest = sorted[0]!;
  const high = quantileSorted(sorted, 0.985) ?? sorted[n - 1]!;
  if (surface.contourScale === 'symmetric') {
    const magnitudes = Float64Array.from(sorted, Math.abs).sort();
    const m = quantileSorted(magnitudes, 0.97) || 1;
    const count = 9;
    const positive = Array.from({ length: count }, (_, k) => m * Math.pow((k + 1) / count, 1.6));
    return [...positive.map((x) => -x).reverse(), 0, ...positive];
  }
  if (surface.contourScale === 'log') {
    const minima = surface.criticalPoints
      .filter((p) => p.kind === 'minimum')
      .map((p) => surface.value(p.at[0], p.at[1]))
      .filter(Number.isFinite);
    const floor = Math.min(lowest, ...minima);
    const span = Math.max(high - floor, 1e-12);
    const low = Math.max((quantileSorted(sorted, 0.003) ?? lowest) - floor, span * 2e-5);
    const count = 18;
    return Array.from({ length: count }, (_, k) => floor + low * Math.pow(span / low, k / (count - 1)));
  }
  return ticks(lowest, high, 16);
}

/** The fill of band `index` of `count`: the palette mixed into the background (the 3-D mesh uses it too). */
export function colorFor(
  scale: ContourScale,
  index: number,
  count: number,
  background: string,
  strength: number,
): string {
  const t = count <= 1 ? 0.5 : index / (count - 1);
  const hue = scale === 'symmetric' ? interpolatePuOr(1 - t) : interpolateViridis(t);
  return interpolateRgb(background, hue)(strength);
}

export function computeContours(
  surface: ContourSurface,
  box: ViewBox,
  width: number,
  height: number,
  background: string,
  strength: number,
): ContourLayer {
  const nx = Math.max(16, Math.min(220, Math.round(width / 4)));
  const ny = Math.max(16, Math.min(220, Math.round((nx * height) / Math.max(width, 1))));
  const values = new Float64Array(nx * ny);
  const finite: number[] = [];
  for (let j = 0; j < ny; j++) {
    const w2 = box.w2[1] - ((j + 0.5) * (box.w2[1] - box.w2[0])) / ny;
    for (let i = 0; i < nx; i++) {
      const w1 = box.w1[0] + ((i + 0.5) * (box.w1[1] - box.w1[0])) / nx;
      const v = surface.value(w1, w2);
      values[j * nx + i] = v;
      if (Number.isFinite(v)) finite.push(v);
    }
  }
  const sorted = Float64Array.from(finite).sort();
  const levels = contourLevels(surface, sorted);
  const top = sorted[sorted.length - 1] ?? 0;
  for (let k = 0; k < values.length; k++) if (!Number.isFinite(values[k]!)) values[k] = top;
  const colors = levels.map((_, k) =>
    colorFor(surface.contourScale, k + 1, levels.length + 1, background, strength),
  );
  const sx = width / nx;
  const sy = height / ny;
  // d3-contour puts sample (i, j) at grid coordinate (i + 0.5, j + 0.5): pixel = coordinate × cell size.
  const projection = geoTransform({
    point(x, y) {
      this.stream.point(x * sx, y * sy);
    },
  });
  const toPath = geoPath(projection);
  const bands = contours()
    .size([nx, ny])
    .thresholds(levels)(Array.from(values))
    .map((polygon, k) => ({ level: polygon.value, color: colors[k]!, path: toPath(polygon) ?? '' }));
  return {
    base: colorFor(surface.contourScale, 0, levels.length + 1, background, strength),
    bands,
    levels,
    colors,
    scale: surface.contourScale,
  };
}
