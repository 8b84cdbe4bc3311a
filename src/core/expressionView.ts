/**
 * Chooses a view for a typed function by sampling it, so a surface nobody designed still opens on its
 * interesting part:
 *
 * 1. Box. Sample squares of half-width 2, 4, 8, … 128 around the origin until the lowest sampled value
 *    lies inside the square (not on its edge): that square holds a minimum the function really has.
 *    Its interior local minima (grid points no higher than their eight finite neighbours) are the
 *    interesting region. Minima that sit comfortably inside [-2,2]² keep the familiar [-2,2]²; minima
 *    elsewhere move the box to them (one minimum: a box of half-width 2 around it; several: their
 *    bounding square with a margin); minima clustered in a tiny area narrow the box around them.
 *    Functions with no minimum anywhere (saddles, x³, planes, log x) keep [-2,2]².
 * 2. Contour scale, from the values in that box: symmetric around 0 when the function goes clearly both
 *    negative and positive, log-spaced above the floor when a sharp bottom sits under a wide range
 *    (bowls, ravines, quartics), linear otherwise.
 * 3. Start: the first of a few candidates (upper-left first, as the built-ins) where the value and the
 *    gradient are finite and the gradient is not ~0, away from every sampled minimum.
 *
 * Deterministic and total: NaN/±∞ samples are skipped, every number it returns is finite. A few
 * thousand evaluations per call (≈ 1 ms for typical expressions), so it can run on every slider move.
 */
import type { ContourScale, CriticalPoint, Vec2, ViewBox } from './types';

export interface FittedView {
  readonly viewBox: ViewBox;
  readonly defaultStart: Vec2;
  readonly contourScale: ContourScale;
  /**
   * Minima found by sampling and confirmed by Newton's method (gradient ~0, Hessian positive definite);
   * empty when no `gradient`/`hessian` is given or none could be confirmed.
   */
  readonly criticalPoints: readonly CriticalPoint[];
}

export interface SampledSurface {
  value(w1: number, w2: number): number;
  gradient?(w1: number, w2: number): readonly [number, number];
  hessian?(w1: number, w2: number): readonly [number, number, number];
}

export const DEFAULT_VIEW_BOX: ViewBox = { w1: [-2, 2], w2: [-2, 2] };

/** Grid points per side when looking for minima, and when choosing the contour scale. */
const SEARCH_SAMPLES = 41;
const SCALE_SAMPLES = 41;
const SEARCH_HALF_WIDTHS = [2, 4, 8, 16, 32, 64, 128] as const;
/** Minima within this fraction of the default box's half-width keep the default box. */
const COMFORT = 0.85;
const MAX_MINIMA = 64;

interface Grid {
  readonly n: number;
  readonly lo1: number;
  readonly lo2: number;
  readonly step1: number;
  readonly step2: number;
  readonly values: Float64Array;
}

function sampleGrid(f: SampledSurface['value'], box: ViewBox, n: number): Grid {
  const values = new Float64Array(n * n);
  const step1 = (box.w1[1] - box.w1[0]) / (n - 1);
  const step2 = (box.w2[1] - box.w2[0]) / (n - 1);
  for (let j = 0; j < n; j++) {
    const w2 = box.w2[0] + j * step2;
    for (let i = 0; i < n; i++) values[j * n + i] = safe(f, box.w1[0] + i * step1, w2);
  }
  return { n, lo1: box.w1[0], lo2: box.w2[0], step1, step2, values };
}

function safe(f: SampledSurface['value'], w1: number, w2: number): number {
  try {
    const v = f(w1, w2);
    return typeof v === 'number' ? v : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

interface SampledMinimum {
  readonly at: Vec2;
  readonly value: number;
}

/** Index of the lowest finite sample and whether it is interior (off the outer ring), or null if none. */
function lowest(grid: Grid): { index: number; interior: boolean } | null {
  const { n, values } = grid;
  let best = -1;
  let bestValue = Infinity;
  let interiorTie = false;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) continue;
    const i = k % n;
    const j = (k - i) / n;
    const interior = i > 0 && j > 0 && i < n - 1 && j < n - 1;
    if (v < bestValue) {
      bestValue = v;
      best = k;
      interiorTie = interior;
    } else if (v === bestValue && interior) {
      // A flat floor that reaches the interior counts as interior.
      interiorTie = true;
    }
  }
  return best < 0 ? null : { index: best, interior: interiorTie };
}

/** Interior grid points no higher than any of their 8 neighbours (all finite) and lower than one. */
function localMinima(grid: Grid): SampledMinimum[] {
  const { n, values, lo1, lo2, step1, step2 } = grid;
  const found: SampledMinimum[] = [];
  for (let j = 1; j < n - 1; j++) {
    for (let i = 1; i < n - 1; i++) {
      const v = values[j * n + i]!;
      if (!Number.isFinite(v)) continue;
      let isMin = true;
      let strictlyBelowOne = false;
      for (let dj = -1; dj <= 1 && isMin; dj++) {
        for (let di = -1; di <= 1; di++) {
          if (di === 0 && dj === 0) continue;
          const u = values[(j + dj) * n + i + di]!;
          if (!Number.isFinite(u) || u < v) {
            isMin = false;
            break;
          }
          if (u > v) strictlyBelowOne = true;
        }
      }
      if (isMin && strictlyBelowOne) found.push({ at: [lo1 + i * step1, lo2 + j * step2], value: v });
    }
  }
  // Keep the lowest ones if a ripple (sin(20x)…) has hundreds.
  return found.sort((a, b) => a.value - b.value).slice(0, MAX_MINIMA);
}

/** 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k: the smallest such number ≥ x. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const magnitude = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const candidate = m * magnitude;
    if (candidate >= x * (1 - 1e-12)) return candidate;
  }
  return 10 * magnitude;
}

function squareBox(center: Vec2, half: number): ViewBox {
  // Center on a grid of a quarter of the half-width, so ticks stay tidy.
  const q = niceCeil(half) / 4;
  const c1 = Math.round(center[0] / q) * q;
  const c2 = Math.round(center[1] / q) * q;
  return { w1: [c1 - half, c1 + half], w2: [c2 - half, c2 + half] };
}

function contains(box: ViewBox, at: Vec2, margin: number): boolean {
  const m1 = margin * (box.w1[1] - box.w1[0]);
  const m2 = margin * (box.w2[1] - box.w2[0]);
  return (
    at[0] >= box.w1[0] + m1 && at[0] <= box.w1[1] - m1 && at[1] >= box.w2[0] + m2 && at[1] <= box.w2[1] - m2
  );
}

/** Minima confirmed by Newton's method when derivatives are given (deduplicated), else the sampled ones. */
function bestMinima(
  surface: SampledSurface,
  sampled: readonly SampledMinimum[],
  cell: number,
): SampledMinimum[] {
  if (!surface.gradient || !surface.hessian) return [...sampled];
  const confirmed: SampledMinimum[] = [];
  for (const m of sampled.slice(0, 16)) {
    const at = refineMinimum(surface, m.at, 6 * cell);
    if (!at) continue;
    if (confirmed.some((p) => Math.hypot(p.at[0] - at[0], p.at[1] - at[1]) < cell / 2)) continue;
    const value = safe(surface.value, at[0], at[1]);
    if (Number.isFinite(value)) confirmed.push({ at, value });
  }
  return confirmed.length > 0 ? confirmed.sort((a, b) => a.value - b.value) : [...sampled];
}

function extentOf(minima: readonly SampledMinimum[]): { center: Vec2; extent: number } {
  let lo1 = Infinity;
  let hi1 = -Infinity;
  let lo2 = Infinity;
  let hi2 = -Infinity;
  for (const { at } of minima) {
    lo1 = Math.min(lo1, at[0]);
    hi1 = Math.max(hi1, at[0]);
    lo2 = Math.min(lo2, at[1]);
    hi2 = Math.max(hi2, at[1]);
  }
  return { center: [(lo1 + hi1) / 2, (lo2 + hi2) / 2], extent: Math.max(hi1 - lo1, hi2 - lo2) };
}

function growUntilInside(
  center: Vec2,
  half: number,
  minima: readonly SampledMinimum[],
  cap: number,
): ViewBox {
  let box = squareBox(center, half);
  while (!minima.every(({ at }) => contains(box, at, 0.08)) && half < cap) {
    half = niceCeil(half * 1.2);
    box = squareBox(center, half);
  }
  return box;
}

/** The box around the function's interesting region, and the minima found in it. */
export function fitViewBox(surface: SampledSurface): { viewBox: ViewBox; minima: readonly SampledMinimum[] } {
  let sampled: SampledMinimum[] = [];
  let cell = 0;
  for (const half of SEARCH_HALF_WIDTHS) {
    const grid = sampleGrid(surface.value, { w1: [-half, half], w2: [-half, half] }, SEARCH_SAMPLES);
    const bottom = lowest(grid);
    if (!bottom?.interior) continue;
    sampled = localMinima(grid);
    cell = grid.step1;
    if (sampled.length > 0) break;
  }
  if (sampled.length === 0) return { viewBox: DEFAULT_VIEW_BOX, minima: [] };
  const minima = bestMinima(surface, sampled, cell);

  // Look closer at the lowest point: a double well 0.1 wide is one grid point at this resolution.
  const lowestAt = minima[0]!.at;
  const zoomHalf = 1.5 * cell;
  const zoomGrid = sampleGrid(
    surface.value,
    {
      w1: [lowestAt[0] - zoomHalf, lowestAt[0] + zoomHalf],
      w2: [lowestAt[1] - zoomHalf, lowestAt[1] + zoomHalf],
    },
    SEARCH_SAMPLES,
  );
  const close = bestMinima(surface, localMinima(zoomGrid), zoomGrid.step1);
  if (close.length >= 2 && extentOf(close).extent > 0) {
    // Narrow: several minima in a tiny area (x^4 - 0.01*x^2 …) would be one dot in the wider box.
    const { center, extent } = extentOf(close);
    return { viewBox: growUntilInside(center, niceCeil(0.8 * extent), close, 4), minima: close };
  }

  const { center, extent } = extentOf(minima);
  const comfortable = minima.every(
    ({ at }) => Math.abs(at[0]) <= 2 * COMFORT && Math.abs(at[1]) <= 2 * COMFORT,
  );
  // Keep [-2,2]², or move/widen around the minima, never smaller than the default's half-width of 2.
  const viewBox = comfortable
    ? DEFAULT_VIEW_BOX
    : growUntilInside(center, niceCeil(Math.max(2, 0.8 * extent)), minima, 1e5);
  return { viewBox, minima: minima.filter(({ at }) => contains(viewBox, at, 0)) };
}

function quantile(sorted: Float64Array, p: number): number {
  const i = (sorted.length - 1) * p;
  const low = Math.floor(i);
  const a = sorted[low]!;
  const b = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return a + (b - a) * (i - low);
}

/** The contour scale that suits the function's values over a box. */
export function fitContourScale(surface: SampledSurface, box: ViewBox): ContourScale {
  const grid = sampleGrid(surface.value, box, SCALE_SAMPLES);
  const sorted = Float64Array.from(grid.values.filter(Number.isFinite)).sort();
  if (sorted.length < 2) return 'linear';
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) return 'linear';
  // Both signs, comparably: a saddle, sin·cos. A small dip below 0 under a tall bowl is not symmetric.
  if (low < 0 && high > 0 && Math.min(-low, high) >= 0.25 * Math.max(-low, high)) return 'symmetric';
  // A sharp bottom under a wide range: most samples sit far above the floor compared with the lowest 1%.
  if (span > 60 * (quantile(sorted, 0.01) - low)) return 'log';
  return 'linear';
}

/** Newton's method from a sampled minimum; the point if it converges to a minimum nearby, else null. */
function refineMinimum(surface: SampledSurface, start: Vec2, radius: number): Vec2 | null {
  const { gradient, hessian } = surface;
  if (!gradient || !hessian) return null;
  let w1 = start[0];
  let w2 = start[1];
  for (let k = 0; k < 30; k++) {
    let g: readonly [number, number];
    let h: readonly [number, number, number];
    try {
      g = gradient(w1, w2);
      h = hessian(w1, w2);
    } catch {
      return null;
    }
    const [a, b, c] = h;
    const det = a * c - b * b;
    if (!(a > 0) || !(det > 0) || !Number.isFinite(det)) return null;
    const d1 = (c * g[0] - b * g[1]) / det;
    const d2 = (a * g[1] - b * g[0]) / det;
    w1 -= d1;
    w2 -= d2;
    if (!Number.isFinite(w1) || !Number.isFinite(w2)) return null;
    if (Math.hypot(w1 - start[0], w2 - start[1]) > radius) return null;
    if (Math.hypot(d1, d2) <= 1e-12 * (1 + Math.hypot(w1, w2))) break;
  }
  try {
    const g = gradient(w1, w2);
    const h = hessian(w1, w2);
    const scale = 1 + Math.abs(h[0]) + Math.abs(h[2]);
    if (!(Math.hypot(g[0], g[1]) <= 1e-8 * scale)) return null;
    if (!(h[0] > 0 && h[0] * h[2] - h[1] * h[1] > 0)) return null;
  } catch {
    return null;
  }
  return [w1, w2];
}

/** Minima worth marking: only those Newton's method confirmed (gradient ~0, Hessian positive definite). */
function confirmedMinima(
  surface: SampledSurface,
  minima: readonly SampledMinimum[],
  box: ViewBox,
): CriticalPoint[] {
  const size = Math.max(box.w1[1] - box.w1[0], box.w2[1] - box.w2[0]);
  const points: CriticalPoint[] = [];
  const lowestValue = Math.min(...minima.map((m) => m.value));
  for (const m of minima.slice(0, 12)) {
    const at = refineMinimum(surface, m.at, size / 100);
    if (!at || !contains(box, at, 0)) continue;
    if (points.some((p) => Math.hypot(p.at[0] - at[0], p.at[1] - at[1]) < size / 200)) continue;
    const label = m.value === lowestValue ? 'lowest minimum found' : 'local minimum';
    points.push({ kind: 'minimum', at, label });
  }
  return points;
}

/** A start point: finite value and gradient, gradient not ~0, not next to a minimum. */
export function fitStart(surface: SampledSurface, box: ViewBox, minima: readonly { at: Vec2 }[]): Vec2 {
  const width1 = box.w1[1] - box.w1[0];
  const width2 = box.w2[1] - box.w2[0];
  const at = (u: number, v: number): Vec2 => [box.w1[0] + u * width1, box.w2[0] + v * width2];
  const candidates: Vec2[] = [
    at(0.125, 0.875),
    at(0.875, 0.875),
    at(0.125, 0.125),
    at(0.875, 0.125),
    at(0.3, 0.8),
    at(0.7, 0.2),
    at(0.25, 0.5),
    at(0.5, 0.8),
    at(0.75, 0.5),
    at(0.5, 0.2),
  ];
  const near = Math.max(width1, width2) * 0.1;
  const gradientTiny = (w1: number, w2: number): boolean => {
    if (!surface.gradient) return false;
    try {
      const g = surface.gradient(w1, w2);
      if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) return true;
      // Compare with the function's own scale over the box: |∇f| · box ≪ |f| variation means flat.
      return (
        Math.hypot(g[0], g[1]) * Math.max(width1, width2) < 1e-9 * (1 + Math.abs(safe(surface.value, w1, w2)))
      );
    } catch {
      return true;
    }
  };
  for (const c of candidates) {
    if (!Number.isFinite(safe(surface.value, c[0], c[1]))) continue;
    if (gradientTiny(c[0], c[1])) continue;
    if (minima.some((m) => Math.hypot(m.at[0] - c[0], m.at[1] - c[1]) < near)) continue;
    return c;
  }
  // Any finite point of a coarse grid, else the upper-left candidate (the core reports "undefined at the start").
  for (let j = 0; j <= 8; j++) {
    for (let i = 0; i <= 8; i++) {
      const c = at(0.1 + (0.8 * i) / 8, 0.9 - (0.8 * j) / 8);
      if (Number.isFinite(safe(surface.value, c[0], c[1])) && !gradientTiny(c[0], c[1])) return c;
    }
  }
  return candidates[0]!;
}

export function fitExpressionView(surface: SampledSurface): FittedView {
  const { viewBox, minima } = fitViewBox(surface);
  const contourScale = fitContourScale(surface, viewBox);
  const criticalPoints = confirmedMinima(surface, minima, viewBox);
  const defaultStart = fitStart(surface, viewBox, [...minima, ...criticalPoints]);
  return { viewBox, defaultStart, contourScale, criticalPoints };
}
