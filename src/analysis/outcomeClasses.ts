/**
 * What became of a run, in the classes a lecturer can defend on any surface — bounded, unbounded below or
 * with saddles:
 *   minimum   it reached a minimum (which one: a listed minimum, or a basin found from the end points);
 *   saddle    it is stuck at a critical point that is not a minimum (gradient ≈ 0, Hessian not positive
 *             definite: a saddle, a maximum or a degenerate point such as w1³'s inflection);
 *   ranOff    it left the bound going downhill, below its start: the surface is unbounded below (−∞);
 *   diverged  it produced NaN/∞, or left the bound uphill;
 *   moving    none of these yet: still moving when the steps ran out.
 * Pure (no DOM): the outcome map colors with it, and it is unit-tested against hand-worked cases.
 */
import type { Hessian2, Vec2 } from '../core/types';

export type OutcomeClass = 'minimum' | 'saddle' | 'ranOff' | 'diverged' | 'moving';

export const OUTCOME_CLASSES: readonly OutcomeClass[] = ['minimum', 'saddle', 'ranOff', 'diverged', 'moving'];

export const OUTCOME_LABELS: Record<OutcomeClass, string> = {
  minimum: 'reached a minimum',
  saddle: 'stuck at a saddle or other non-minimum critical point',
  ranOff: 'ran off to −∞ (unbounded below)',
  diverged: 'diverged (NaN/∞, or left the box uphill)',
  moving: 'still moving after the last step',
};

/** Colors for the classes other than "minimum" (each minimum has its own color); distinct from the basins'. */
export const OUTCOME_COLORS: Record<Exclude<OutcomeClass, 'minimum'>, string> = {
  saddle: '#6d28d9',
  ranOff: '#111827',
  diverged: '#e11d48',
  moving: '#9ca3af',
};

/** The last recorded point of a run and whether (and where) it stopped early. */
export interface RunEnd {
  readonly w: Vec2;
  readonly loss: number;
  /** Loss at the run's start: leaving the bound below it is running downhill. */
  readonly startLoss: number;
  /** Stopped early (NaN/∞, undefined f, left the bound, a rule that could not continue). */
  readonly stopped: boolean;
}

export interface MinimumSite {
  readonly at: Vec2;
  /** True for a minimum the surface lists (trusted as such); false for a basin found from end points. */
  readonly listed: boolean;
}

export interface OutcomeContext {
  readonly gradient: (w1: number, w2: number) => Vec2;
  readonly hessian: (w1: number, w2: number) => Hessian2;
  /** Minima a run can be said to have reached, by index. */
  readonly minima: readonly MinimumSite[];
  /**
   * Listed critical points that are not minima (saddles, maxima). Near a degenerate one (w1³'s inflection,
   * Hessian diag(0, 2)) the second-derivative test is inconclusive on one side, so the listing decides.
   */
  readonly nonMinima?: readonly Vec2[];
  /** A run ending within this distance of a minimum's site reached it. */
  readonly radius: number;
  /** |∇L| at or below this is a critical point. */
  readonly gradientTolerance: number;
  /** |w| beyond this in either coordinate: the run left the bound (LIMITS.divergenceBound). */
  readonly bound: number;
}

export interface Outcome {
  readonly kind: OutcomeClass;
  /** Index into OutcomeContext.minima for kind "minimum" (−1: a minimum not among them); else −1. */
  readonly minimum: number;
}

/** Eigenvalues (smaller first) of the symmetric 2×2 matrix [a b; b c]. */
export function eigenvalues2([a, b, c]: Hessian2): [number, number] {
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}

/** The second-derivative test: positive definite (a strict local minimum), up to rounding. */
export function isPositiveDefinite(h: Hessian2): boolean {
  const [low, high] = eigenvalues2(h);
  return Number.isFinite(low) && low > 1e-9 * Math.max(1, Math.abs(high));
}

function nearestMinimum(w: Vec2, context: OutcomeContext): number {
  let best = -1;
  let bestDistance = context.radius;
  context.minima.forEach((site, k) => {
    const distance = Math.hypot(site.at[0] - w[0], site.at[1] - w[1]);
    if (distance < bestDistance) {
      best = k;
      bestDistance = distance;
    }
  });
  return best;
}

/** Stopped outside the bound, below its start: ran off to −∞ (the core's 'unbounded' stop). */
export function ranOff(end: RunEnd, bound: number): boolean {
  const leftBound = Math.abs(end.w[0]) > bound || Math.abs(end.w[1]) > bound;
  return end.stopped && leftBound && Number.isFinite(end.loss) && end.loss < end.startLoss;
}

export function classifyOutcome(end: RunEnd, context: OutcomeContext): Outcome {
  const [w1, w2] = end.w;
  if (end.stopped) return { kind: ranOff(end, context.bound) ? 'ranOff' : 'diverged', minimum: -1 };
  const k = nearestMinimum(end.w, context);
  if (k >= 0 && context.minima[k]!.listed) return { kind: 'minimum', minimum: k };
  const g = context.gradient(w1, w2);
  const critical = Math.hypot(g[0], g[1]) <= context.gradientTolerance;
  const nearNonMinimum = (context.nonMinima ?? []).some(
    (at) => Math.hypot(at[0] - w1, at[1] - w2) < context.radius,
  );
  if (critical && nearNonMinimum) return { kind: 'saddle', minimum: -1 };
  if (critical) {
    return isPositiveDefinite(context.hessian(w1, w2))
      ? { kind: 'minimum', minimum: k }
      : { kind: 'saddle', minimum: -1 };
  }
  return { kind: 'moving', minimum: -1 };
}

/** Fractions (0..1) of runs in each class, and per minimum index (−1: unlisted minima). */
export interface ClassShares {
  readonly byClass: Record<OutcomeClass, number>;
  readonly byMinimum: ReadonlyMap<number, number>;
}

export function classShares(outcomes: readonly Outcome[]): ClassShares {
  const byClass: Record<OutcomeClass, number> = { minimum: 0, saddle: 0, ranOff: 0, diverged: 0, moving: 0 };
  const byMinimum = new Map<number, number>();
  const n = Math.max(1, outcomes.length);
  for (const outcome of outcomes) {
    byClass[outcome.kind] += 1 / n;
    if (outcome.kind === 'minimum')
      byMinimum.set(outcome.minimum, (byMinimum.get(outcome.minimum) ?? 0) + 1 / n);
  }
  return { byClass, byMinimum };
}

/** "minimum 62% · ran off to −∞ 30% · still moving 8%": the nonzero classes, largest first. */
export function describeShares(shares: ClassShares): string {
  const short: Record<OutcomeClass, string> = {
    minimum: 'minimum',
    saddle: 'saddle',
    ranOff: 'ran off to −∞',
    diverged: 'diverged',
    moving: 'still moving',
  };
  return OUTCOME_CLASSES.filter((kind) => shares.byClass[kind] > 0)
    .sort((a, b) => shares.byClass[b] - shares.byClass[a])
    .map((kind) => `${short[kind]} ${formatShare(shares.byClass[kind])}`)
    .join(' · ');
}

function formatShare(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;
}

/** The batch engines' summaries (SUMMARY layout) classified, one Outcome per particle. */
export function classifySummary(
  summary: Float64Array,
  count: number,
  starts: Float64Array,
  value: (w1: number, w2: number) => number,
  context: OutcomeContext,
  fields: { readonly loss: number; readonly divergedStep: number },
  stride: number,
): Outcome[] {
  const outcomes: Outcome[] = [];
  for (let p = 0; p < count; p++) {
    const o = p * stride;
    outcomes.push(
      classifyOutcome(
        {
          w: [summary[o]!, summary[o + 1]!],
          loss: summary[o + fields.loss]!,
          startLoss: value(starts[2 * p]!, starts[2 * p + 1]!),
          stopped: (summary[o + fields.divergedStep] ?? -1) >= 0,
        },
        context,
      ),
    );
  }
  return outcomes;
}

export interface ClassColoring {
  readonly rgba: Uint8ClampedArray;
  /** One entry per color on screen, and only those: the legend explains every pixel. */
  readonly legend: readonly { readonly color: string; readonly label: string }[];
}

/**
 * Pixel colors for classified runs: each minimum its own color (labels from `minimumLabels`), an unlisted
 * minimum `unlistedColor`, and the other classes OUTCOME_COLORS.
 */
export function colorOutcomeClasses(
  outcomes: readonly Outcome[],
  minimumColors: readonly string[],
  minimumLabels: readonly string[],
  unlistedColor = '#0f766e',
): ClassColoring {
  const rgba = new Uint8ClampedArray(outcomes.length * 4);
  // label → color and rank (minima by index first, then the classes in OUTCOME_CLASSES order).
  const used = new Map<string, { color: string; rank: number }>();
  outcomes.forEach((outcome, p) => {
    let color: string;
    let label: string;
    if (outcome.kind === 'minimum') {
      color = outcome.minimum >= 0 ? minimumColors[outcome.minimum]! : unlistedColor;
      label =
        outcome.minimum >= 0
          ? `reached ${minimumLabels[outcome.minimum]!}`
          : 'reached a minimum (Hessian test)';
    } else {
      color = OUTCOME_COLORS[outcome.kind];
      label = OUTCOME_LABELS[outcome.kind];
    }
    if (!used.has(label)) {
      const rank =
        outcome.kind === 'minimum'
          ? outcome.minimum >= 0
            ? outcome.minimum
            : minimumColors.length
          : minimumColors.length + 1 + OUTCOME_CLASSES.indexOf(outcome.kind);
      used.set(label, { color, rank });
    }
    const hex = Number.parseInt(color.slice(1), 16);
    rgba[4 * p] = (hex >> 16) & 255;
    rgba[4 * p + 1] = (hex >> 8) & 255;
    rgba[4 * p + 2] = hex & 255;
    rgba[4 * p + 3] = 255;
  });
  const legend = [...used]
    .sort((a, b) => a[1].rank - b[1].rank)
    .map(([label, { color }]) => ({ color, label }));
  return { rgba, legend };
}
