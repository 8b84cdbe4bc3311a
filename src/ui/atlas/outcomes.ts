/**
 * From batch summaries to pixel colors: which minimum a run reached (categorical), its final loss,
 * its steps to tolerance, or that it diverged. Pure, so it is unit-tested without a DOM.
 */
import * as d3 from 'd3';
import type { Surface, Vec2, ViewBox } from '../../core/types';
import { SUMMARY, SUMMARY_STRIDE } from '../../engine/types';

export type ColorBy = 'outcome' | 'basin' | 'loss' | 'steps' | 'diverged';

export const COLOR_BY_LABELS: Record<ColorBy, string> = {
  // Drawn by src/analysis/outcomeClasses (colorOutcomeClasses), not by colorOutcomes below.
  outcome: 'outcome (minimum, saddle, −∞, diverged, moving)',
  basin: 'minimum reached',
  loss: 'final loss',
  steps: 'steps to tolerance',
  diverged: 'diverged or not',
};

export const DIVERGED_COLOR = '#e11d48';
export const UNRESOLVED_COLOR = '#9ca3af';

export interface Basin {
  readonly at: Vec2;
  readonly label: string;
  readonly color: string;
}

export interface LegendEntry {
  readonly color: string;
  readonly label: string;
}

export interface Coloring {
  readonly rgba: Uint8ClampedArray;
  readonly legend: readonly LegendEntry[];
  /** For continuous colorings: the domain and ramp, drawn as a gradient legend. */
  readonly ramp?: {
    readonly domain: readonly [number, number];
    readonly log: boolean;
    readonly label: string;
    /** Whole numbers (step counts): the legend prints no decimals. */
    readonly integer: boolean;
    readonly interpolate: (t: number) => string;
  };
}

/**
 * Basins: the surface's listed minima if it has any, else clusters of final positions (runs that ended
 * within `radius` of each other), the most populated first, at most eight.
 */
export function findBasins(
  summary: Float64Array,
  count: number,
  surface: Pick<Surface, 'criticalPoints'>,
  box: ViewBox,
): Basin[] {
  const palette = d3.schemeTableau10.filter((c) => c !== '#e15759');
  const listed = surface.criticalPoints.filter((p) => p.kind === 'minimum');
  if (listed.length > 0)
    return listed.map((p, i) => ({
      at: p.at,
      label: p.label ?? `minimum (${p.at[0].toFixed(2)}, ${p.at[1].toFixed(2)})`,
      color: palette[i % palette.length]!,
    }));
  const radius = basinRadius(box);
  const centers: { at: Vec2; members: number }[] = [];
  for (let p = 0; p < count && centers.length < 64; p++) {
    const o = p * SUMMARY_STRIDE;
    if ((summary[o + SUMMARY.divergedStep] ?? 0) >= 0) continue;
    const w: Vec2 = [summary[o]!, summary[o + 1]!];
    const near = centers.find((c) => Math.hypot(c.at[0] - w[0], c.at[1] - w[1]) < radius);
    if (near) near.members++;
    else centers.push({ at: w, members: 1 });
  }
  return centers
    .sort((a, b) => b.members - a.members)
    .slice(0, 8)
    .filter((c) => c.members >= Math.max(2, count / 1000))
    .map((c, i) => ({
      at: c.at,
      label: `ends near (${c.at[0].toFixed(2)}, ${c.at[1].toFixed(2)})`,
      color: palette[i % palette.length]!,
    }));
}

export function basinRadius(box: ViewBox): number {
  return 0.03 * Math.hypot(box.w1[1] - box.w1[0], box.w2[1] - box.w2[0]);
}

function rgb(color: string): [number, number, number] {
  const c = d3.rgb(color);
  return [c.r, c.g, c.b];
}

/**
 * The coloring a surface deserves first: with one minimum every run ends in the same basin (a uniform
 * map teaches nothing), so show how long each start takes; otherwise each start's outcome class.
 */
export function defaultColorBy(surface: Pick<Surface, 'criticalPoints'>): ColorBy {
  const minima = surface.criticalPoints.filter((p) => p.kind === 'minimum').length;
  // A single bowl: how long each start takes. Anything else (several minima, saddles, unbounded below, a
  // typed function): what became of each start, in classes that stay honest there.
  return minima === 1 && surface.criticalPoints.length === 1 ? 'steps' : 'outcome';
}

/** The continuous field a coloring reads, and whether a value of it counts (finite, not diverged). */
function continuousValue(summary: Float64Array, p: number, by: 'loss' | 'steps'): number | null {
  const o = p * SUMMARY_STRIDE;
  if ((summary[o + SUMMARY.divergedStep] ?? 0) >= 0) return null;
  const v = summary[o + (by === 'loss' ? SUMMARY.loss : SUMMARY.reachedStep)]!;
  if (!Number.isFinite(v) || (by === 'steps' && v < 0)) return null;
  return v;
}

/**
 * One [min, max] over several maps, so side-by-side maps share a color scale (a color means the same
 * number of steps, or the same loss, in every map).
 */
export function sharedDomain(
  results: readonly { readonly summary: Float64Array; readonly count: number }[],
  by: ColorBy,
): readonly [number, number] | undefined {
  if (by !== 'loss' && by !== 'steps') return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  let lowestPositive = Infinity;
  for (const { summary, count } of results)
    for (let p = 0; p < count; p++) {
      const v = continuousValue(summary, p, by);
      if (v === null) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (v > 0 && v < lowestPositive) lowestPositive = v;
    }
  if (!(lo <= hi)) return undefined;
  // Losses that underflow to exactly 0 would force a linear scale (all but the worst runs one color):
  // start a log scale at the smallest positive loss instead (at most 20 decades below the largest).
  if (by === 'loss' && lo === 0 && Number.isFinite(lowestPositive)) lo = Math.max(lowestPositive, hi * 1e-20);
  return [lo, hi];
}

export interface OutcomeShares {
  readonly diverged: number;
  /** Reached the loss target within T steps. */
  readonly reached: number;
  /** Median steps to the target among those that reached it (NaN when none did). */
  readonly medianSteps: number;
}

/** Fractions (0..1) of the runs that diverged and that reached the target: the map's caption in numbers. */
export function outcomeShares(summary: Float64Array, count: number): OutcomeShares {
  let diverged = 0;
  const steps: number[] = [];
  for (let p = 0; p < count; p++) {
    const o = p * SUMMARY_STRIDE;
    if ((summary[o + SUMMARY.divergedStep] ?? 0) >= 0) diverged++;
    else if ((summary[o + SUMMARY.reachedStep] ?? -1) >= 0) steps.push(summary[o + SUMMARY.reachedStep]!);
  }
  const n = Math.max(1, count);
  return { diverged: diverged / n, reached: steps.length / n, medianSteps: d3.median(steps) ?? Number.NaN };
}

export function colorOutcomes(
  summary: Float64Array,
  count: number,
  by: ColorBy,
  basins: readonly Basin[],
  box: ViewBox,
  /** A domain shared with other maps (see sharedDomain); default: this map's own range. */
  domain?: readonly [number, number],
): Coloring {
  const rgba = new Uint8ClampedArray(count * 4);
  const diverged = rgb(DIVERGED_COLOR);
  const unresolved = rgb(UNRESOLVED_COLOR);
  const put = (p: number, c: readonly [number, number, number]) => {
    rgba[4 * p] = c[0];
    rgba[4 * p + 1] = c[1];
    rgba[4 * p + 2] = c[2];
    rgba[4 * p + 3] = 255;
  };
  const isDiverged = (p: number) => (summary[p * SUMMARY_STRIDE + SUMMARY.divergedStep] ?? 0) >= 0;
  const legend: LegendEntry[] = [{ color: DIVERGED_COLOR, label: 'diverged' }];

  if (by === 'basin' || by === 'diverged') {
    const radius = basinRadius(box);
    const basinColors = basins.map((b) => rgb(b.color));
    const converged = rgb('#16a34a');
    for (let p = 0; p < count; p++) {
      if (isDiverged(p)) put(p, diverged);
      else if (by === 'diverged') put(p, converged);
      else {
        const w1 = summary[p * SUMMARY_STRIDE]!;
        const w2 = summary[p * SUMMARY_STRIDE + 1]!;
        const k = basins.findIndex((b) => Math.hypot(b.at[0] - w1, b.at[1] - w2) < radius);
        put(p, k >= 0 ? basinColors[k]! : unresolved);
      }
    }
    if (by === 'diverged') legend.push({ color: '#16a34a', label: 'stayed finite and in bounds' });
    else
      legend.push(...basins.map((b) => ({ color: b.color, label: b.label })), {
        color: UNRESOLVED_COLOR,
        label: 'no minimum within reach',
      });
    return { rgba, legend };
  }

  const field = by === 'loss' ? SUMMARY.loss : SUMMARY.reachedStep;
  const [lo, hi] = domain ?? sharedDomain([{ summary, count }], by) ?? [0, 1];
  const log = by === 'loss' && lo > 0 && hi / lo > 100;
  const scale = log
    ? d3.scaleLog([Math.max(lo, 1e-300), hi], [0, 1]).clamp(true)
    : d3.scaleLinear([lo, hi === lo ? lo + 1 : hi], [0, 1]).clamp(true);
  const interpolate =
    by === 'loss' ? d3.interpolateViridis : (t: number) => d3.interpolateMagma(1 - 0.85 * t);
  for (let p = 0; p < count; p++) {
    const v = summary[p * SUMMARY_STRIDE + field]!;
    if (isDiverged(p)) put(p, diverged);
    else if (by === 'steps' && v < 0) put(p, unresolved);
    else put(p, rgb(interpolate(scale(v))));
  }
  if (by === 'steps') legend.push({ color: UNRESOLVED_COLOR, label: 'never reached the tolerance' });
  return {
    rgba,
    legend,
    ramp: { domain: [lo, hi], log, label: COLOR_BY_LABELS[by], integer: by === 'steps', interpolate },
  };
}
