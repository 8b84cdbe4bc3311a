/**
 * The 3-D view's geometry, as plain typed arrays (no three.js here, so it runs and is tested in Node):
 * a grid of the surface over the view box, its heights on the contour view's scale (log height for
 * surfaces whose contours are log-spaced), per-vertex colors from the contour palette, and triangles
 * everywhere except where the surface is undefined (holes, not spikes).
 *
 * World coordinates: x and y are w1 and w2, scaled by one factor so the box keeps its aspect ratio and
 * its longer side spans [-1, 1]; z is the height, 0 at the lowest shown level, HEIGHT at the highest.
 */
import { rgb } from 'd3';
import type { ContourScale, ViewBox } from '../../core';
import { colorFor, contourLevels, type ContourSurface } from '../surface/contours';

/** Vertices per side of the panel's mesh: fine enough for Rastrigin's ripples over its default box. */
export const MESH_RESOLUTION = 160;

/** Height of the highest shown level in world units (the box's longer side is 2). */
export const HEIGHT = 0.9;

export interface MeshPalette {
  readonly background: string;
  readonly strength: number;
}

/** Maps a loss value to a height in [0, 1]: the scale the mesh, the trajectories and the picking share. */
export interface HeightScale {
  readonly kind: ContourScale;
  /** Values at height 0 and 1 (values beyond are clamped). */
  readonly bottom: number;
  readonly top: number;
  unit(value: number): number;
}

export interface BoxFrame {
  readonly box: ViewBox;
  readonly center: readonly [number, number];
  /** World units per unit of w. */
  readonly scale: number;
}

export interface SurfaceMesh {
  /** Vertices per side. */
  readonly n: number;
  readonly frame: BoxFrame;
  readonly heights: HeightScale;
  /** The surface at each vertex, row-major from (w1 min, w2 min); NaN where undefined. */
  readonly values: Float64Array;
  /** x, y, z per vertex (an undefined vertex sits at z = 0 and is used by no triangle). */
  readonly positions: Float32Array;
  /** r, g, b in [0, 1] per vertex. */
  readonly colors: Float32Array;
  /** Three vertex indices per triangle. */
  readonly indices: Uint32Array;
  /** The contour levels the colors come from (the 2-D view's, for this box). */
  readonly levels: readonly number[];
}

export function boxFrame(box: ViewBox): BoxFrame {
  const span = Math.max(box.w1[1] - box.w1[0], box.w2[1] - box.w2[0]);
  return {
    box,
    center: [(box.w1[0] + box.w1[1]) / 2, (box.w2[0] + box.w2[1]) / 2],
    scale: 2 / span,
  };
}

export function toWorldXY(frame: BoxFrame, w1: number, w2: number): [number, number] {
  return [(w1 - frame.center[0]) * frame.scale, (w2 - frame.center[1]) * frame.scale];
}

export function fromWorldXY(frame: BoxFrame, x: number, y: number): [number, number] {
  return [frame.center[0] + x / frame.scale, frame.center[1] + y / frame.scale];
}

const clamp01 = (t: number) => Math.min(1, Math.max(0, t));

function quantile(sorted: Float64Array, p: number): number {
  const i = (sorted.length - 1) * p;
  const low = Math.floor(i);
  const a = sorted[low]!;
  const b = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return a + (b - a) * (i - low);
}

/**
 * The height scale for the finite values of a box (ascending). Log surfaces (Rosenbrock, Beale…) span
 * decades: a linear height would be one spike over a flat floor, so height follows log(value − floor)
 * like the contour levels. The top is the 98.5th percentile, as for the contours, so a few huge corner
 * values do not flatten everything else.
 */
export function heightScale(surface: ContourSurface, sorted: Float64Array): HeightScale {
  if (sorted.length === 0) return { kind: 'linear', bottom: 0, top: 1, unit: () => 0 };
  const lowest = sorted[0]!;
  const high = quantile(sorted, 0.985);
  if (surface.contourScale === 'log') {
    const minima = surface.criticalPoints
      .filter((p) => p.kind === 'minimum')
      .map((p) => surface.value(p.at[0], p.at[1]))
      .filter(Number.isFinite);
    const floor = Math.min(lowest, ...minima);
    const span = Math.max(high - floor, 1e-12);
    // Below `offset` above the floor the log would plunge to −∞; the scale starts there instead.
    const offset = Math.max(quantile(sorted, 0.003) - floor, span * 2e-5);
    const logLow = Math.log(offset);
    const logSpan = Math.log(span + offset) - logLow;
    return {
      kind: 'log',
      bottom: floor,
      top: high,
      unit: (v) => clamp01((Math.log(Math.max(v - floor, 0) + offset) - logLow) / logSpan),
    };
  }
  if (surface.contourScale === 'symmetric') {
    const magnitudes = Float64Array.from(sorted, Math.abs).sort();
    const m = quantile(magnitudes, 0.97) || 1;
    return { kind: 'symmetric', bottom: -m, top: m, unit: (v) => clamp01(0.5 + v / (2 * m)) };
  }
  const span = high - lowest || 1;
  return { kind: 'linear', bottom: lowest, top: high, unit: (v) => clamp01((v - lowest) / span) };
}

function safeValue(surface: ContourSurface, w1: number, w2: number): number {
  try {
    const v = surface.value(w1, w2);
    return Number.isFinite(v) ? v : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Index of the contour band a value falls in (0: below the first level), as d3-contour fills it. */
export function bandIndex(levels: readonly number[], value: number): number {
  let lo = 0;
  let hi = levels.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (levels[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mesh of a surface over a box, n × n vertices (n ≥ 2). */
export function buildSurfaceMesh(
  surface: ContourSurface,
  box: ViewBox,
  n: number,
  palette: MeshPalette,
): SurfaceMesh {
  if (!(n >= 2)) throw new Error(`a mesh needs at least 2 vertices per side, got ${n}`);
  const frame = boxFrame(box);
  const count = n * n;
  const values = new Float64Array(count);
  const finite: number[] = [];
  for (let j = 0; j < n; j++) {
    const w2 = box.w2[0] + (j * (box.w2[1] - box.w2[0])) / (n - 1);
    for (let i = 0; i < n; i++) {
      const w1 = box.w1[0] + (i * (box.w1[1] - box.w1[0])) / (n - 1);
      const v = safeValue(surface, w1, w2);
      values[j * n + i] = v;
      if (!Number.isNaN(v)) finite.push(v);
    }
  }
  const sorted = Float64Array.from(finite).sort();
  const heights = heightScale(surface, sorted);
  const levels = sorted.length > 0 ? contourLevels(surface, sorted) : [];
  const bandColors = Array.from({ length: levels.length + 1 }, (_, k) => {
    const c = rgb(colorFor(surface.contourScale, k, levels.length + 1, palette.background, palette.strength));
    return [c.r / 255, c.g / 255, c.b / 255] as const;
  });
  const positions = new Float32Array(3 * count);
  const colors = new Float32Array(3 * count);
  for (let j = 0; j < n; j++) {
    const w2 = box.w2[0] + (j * (box.w2[1] - box.w2[0])) / (n - 1);
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      const w1 = box.w1[0] + (i * (box.w1[1] - box.w1[0])) / (n - 1);
      const [x, y] = toWorldXY(frame, w1, w2);
      const v = values[k]!;
      positions[3 * k] = x;
      positions[3 * k + 1] = y;
      positions[3 * k + 2] = Number.isNaN(v) ? 0 : HEIGHT * heights.unit(v);
      const color = Number.isNaN(v) ? bandColors[0]! : bandColors[bandIndex(levels, v)]!;
      colors.set(color, 3 * k);
    }
  }
  // Two triangles per cell; a triangle touching an undefined vertex is left out (the hole).
  const triangles: number[] = [];
  const defined = (k: number) => !Number.isNaN(values[k]!);
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const a = j * n + i;
      const b = a + 1;
      const c = a + n;
      const d = c + 1;
      if (defined(a) && defined(b) && defined(d)) triangles.push(a, b, d);
      if (defined(a) && defined(d) && defined(c)) triangles.push(a, d, c);
    }
  }
  return { n, frame, heights, values, positions, colors, indices: Uint32Array.from(triangles), levels };
}

/**
 * Vertices per side for a surface whose value costs what it costs: MESH_RESOLUTION for the analytic ones,
 * fewer (down to `min`) when n² evaluations would take longer than `budgetMs` (a network slice runs a
 * forward pass over its data set per value). Timed on a few points of the box.
 */
export function meshResolution(
  surface: ContourSurface,
  box: ViewBox,
  { budgetMs = 120, max = MESH_RESOLUTION, min = 40, now = () => performance.now() } = {},
): number {
  const samples = 24;
  const t0 = now();
  for (let k = 0; k < samples; k++) {
    const t = (k + 0.5) / samples;
    safeValue(surface, box.w1[0] + t * (box.w1[1] - box.w1[0]), box.w2[1] - t * (box.w2[1] - box.w2[0]));
  }
  const perValue = (now() - t0) / samples;
  if (!(perValue > 0)) return max;
  return Math.max(min, Math.min(max, Math.floor(Math.sqrt(budgetMs / perValue))));
}

/** Height of a value on the mesh's scale, in world units (0 where undefined). */
function heightOf(mesh: Pick<SurfaceMesh, 'heights'>, value: number): number {
  return Number.isFinite(value) ? HEIGHT * mesh.heights.unit(value) : 0;
}

/** World position of a point of the plane on the surface (lifted a little, so lines are not buried). */
export function surfacePoint(
  surface: ContourSurface,
  mesh: Pick<SurfaceMesh, 'frame' | 'heights'>,
  w1: number,
  w2: number,
  lift = 0.012,
): [number, number, number] {
  const [x, y] = toWorldXY(mesh.frame, w1, w2);
  return [x, y, heightOf(mesh, safeValue(surface, w1, w2)) + lift];
}

export function insideBox(box: ViewBox, w1: number, w2: number): boolean {
  return w1 >= box.w1[0] && w1 <= box.w1[1] && w2 >= box.w2[0] && w2 <= box.w2[1];
}

export interface TrajectoryGeometry {
  /** x, y, z of both ends of each drawn segment (segments leaving the box are dropped). */
  readonly segments: Float32Array;
  /** drawnBefore[k]: how many segments end at or before step k (the travelled part up to step k). */
  readonly drawnBefore: Uint32Array;
  /** World position of each step (for the current-step marker). */
  readonly points: Float32Array;
}

/**
 * Steps shorter than this (world units; the box's longer side is 2, about 400–800 px on screen) are
 * merged into the next segment: a converged run of 10,000 steps is mostly such steps, and drawing each
 * one would cost far more than the sub-pixel detail they add.
 */
export const MERGE_LENGTH = 0.002;

/**
 * A trajectory's path (w1, w2 pairs for steps 0…steps) on the surface, at the heights of its recorded
 * losses (the surface's values at those points: no surface is evaluated again), as segments between kept
 * points: a point is kept when it lies MERGE_LENGTH or more from the last kept one (or the path leaves
 * the box).
 */
export function trajectoryGeometry(
  mesh: Pick<SurfaceMesh, 'frame' | 'heights'>,
  path: ArrayLike<number>,
  loss: ArrayLike<number>,
  steps: number,
  mergeLength = MERGE_LENGTH,
): TrajectoryGeometry {
  const lift = 0.012;
  const points = new Float32Array(3 * (steps + 1));
  const inside: boolean[] = [];
  for (let k = 0; k <= steps; k++) {
    const w1 = path[2 * k]!;
    const w2 = path[2 * k + 1]!;
    const [x, y] = toWorldXY(mesh.frame, w1, w2);
    points[3 * k] = x;
    points[3 * k + 1] = y;
    points[3 * k + 2] = heightOf(mesh, loss[k]!) + lift;
    inside.push(insideBox(mesh.frame.box, w1, w2));
  }
  const drawnBefore = new Uint32Array(steps + 1);
  const segments: number[] = [];
  let last = 0; // the last kept point
  for (let k = 1; k <= steps; k++) {
    if (!inside[k]) {
      // Leaving the box ends the drawn line; it starts again where the path comes back.
      last = k;
    } else if (!inside[last]) {
      last = k;
    } else {
      const dx = points[3 * k]! - points[3 * last]!;
      const dy = points[3 * k + 1]! - points[3 * last + 1]!;
      const dz = points[3 * k + 2]! - points[3 * last + 2]!;
      if (k === steps || Math.hypot(dx, dy, dz) >= mergeLength) {
        for (let c = 0; c < 3; c++) segments.push(points[3 * last + c]!);
        for (let c = 0; c < 3; c++) segments.push(points[3 * k + c]!);
        last = k;
      }
    }
    drawnBefore[k] = segments.length / 6;
  }
  return { segments: Float32Array.from(segments), drawnBefore, points };
}
