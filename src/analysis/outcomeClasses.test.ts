/**
 * Outcome classes against hand-worked cases (gradients and Hessians derived by hand) and against the
 * core's own runs on the lectures' saddle w1³ + w2², where the map used to call Adam "reached the
 * tolerance" at loss −2.8e4, Newton's convergence into the saddle a success and momentum's escape "diverged".
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../core';
import { LIMITS } from '../core/limits';
import type { Hessian2, Vec2 } from '../core/types';
import {
  classifyOutcome,
  classShares,
  colorOutcomeClasses,
  describeShares,
  eigenvalues2,
  isPositiveDefinite,
  OUTCOME_COLORS,
  type MinimumSite,
  type OutcomeContext,
  type RunEnd,
} from './outcomeClasses';

function context(
  gradient: (w1: number, w2: number) => Vec2,
  hessian: (w1: number, w2: number) => Hessian2,
  minima: readonly MinimumSite[] = [],
): OutcomeContext {
  return { gradient, hessian, minima, radius: 0.1, gradientTolerance: 1e-3, bound: 1e6 };
}

// w1³ + w2²: ∇ = (3w1², 2w2), H = [6w1, 0, 2]; unbounded below, degenerate saddle at 0.
const cubic = context(
  (a, b) => [3 * a * a, 2 * b],
  (a) => [6 * a, 0, 2],
);
// w1² + 25 w2², minimum listed at 0.
const ravine = context(
  (a, b) => [2 * a, 50 * b],
  () => [2, 0, 50],
  [{ at: [0, 0], listed: true }],
);
// w1² − w2²: a strict saddle at 0, H = diag(2, −2).
const hyperbolic = context(
  (a, b) => [2 * a, -2 * b],
  () => [2, 0, -2],
);

const end = (w: Vec2, loss: number, startLoss: number, stopped = false): RunEnd => ({
  w,
  loss,
  startLoss,
  stopped,
});

describe('the second-derivative test', () => {
  it('eigenvalues of [[2, 1], [1, 2]] are 1 and 3; of diag(0, 2) are 0 and 2', () => {
    expect(eigenvalues2([2, 1, 2])).toEqual([1, 3]);
    expect(eigenvalues2([0, 0, 2])).toEqual([0, 2]);
  });
  it('positive definite only when both eigenvalues are positive', () => {
    expect(isPositiveDefinite([2, 0, 50])).toBe(true);
    expect(isPositiveDefinite([2, 3, 2])).toBe(false); // eigenvalues −1, 5
    expect(isPositiveDefinite([0, 0, 2])).toBe(false); // degenerate
  });
});

describe('classifyOutcome', () => {
  it('w1³ + w2²: at the origin it is stuck at a (degenerate) saddle, not at a minimum', () => {
    expect(classifyOutcome(end([0, 0], 0, 1), cubic).kind).toBe('saddle');
  });
  it('w1³ + w2² just right of the listed saddle (Hessian positive there, gradient ≈ 0): the listing decides', () => {
    expect(classifyOutcome(end([0.005, 0], 1e-7, 1), cubic).kind).toBe('minimum');
    expect(classifyOutcome(end([0.005, 0], 1e-7, 1), { ...cubic, nonMinima: [[0, 0]] }).kind).toBe('saddle');
  });
  it('w1³ + w2²: out of the box downhill ran off to −∞; far out but still going is still moving', () => {
    expect(classifyOutcome(end([-2e6, 0], -8e18, 1, true), cubic).kind).toBe('ranOff');
    expect(classifyOutcome(end([-30, 1e-3], -2.7e4, 1), cubic).kind).toBe('moving');
  });
  it('the ravine: at its listed minimum, reached it; out of the box uphill or NaN, diverged', () => {
    expect(classifyOutcome(end([1e-4, 0], 1e-8, 26), ravine)).toEqual({ kind: 'minimum', minimum: 0 });
    expect(classifyOutcome(end([0, 2e6], 1e14, 26, true), ravine).kind).toBe('diverged');
    expect(classifyOutcome(end([0.3, 0.1], Number.NaN, 26, true), ravine).kind).toBe('diverged');
  });
  it('w1² − w2²: a strict saddle is a saddle even next to a basin found from end points', () => {
    const found = { ...hyperbolic, minima: [{ at: [0, 0] as Vec2, listed: false }] };
    expect(classifyOutcome(end([1e-5, 1e-5], 0, 1), found).kind).toBe('saddle');
  });
  it('an unlisted minimum passes the Hessian test, with no index when no site is near', () => {
    const bowl = context(
      (a, b) => [2 * (a - 1), 2 * (b - 1)],
      () => [2, 0, 2],
    );
    expect(classifyOutcome(end([1 + 1e-6, 1], 1e-12, 2), bowl)).toEqual({ kind: 'minimum', minimum: -1 });
  });
});

describe('on the core runs of the lectures saddle (w1³ + w2², start (−0.01, −1), 150 steps)', () => {
  const outcomeOf = (optimizer: Record<string, unknown>) => {
    const scene = { surface: 'saddle', start: [-0.01, -1], steps: 150, optimizers: [optimizer] };
    const t = simulate(scene).trajectories[0]!;
    return classifyOutcome(
      {
        w: [t.path[2 * t.steps]!, t.path[2 * t.steps + 1]!],
        loss: t.loss[t.steps]!,
        startLoss: t.loss[0]!,
        stopped: t.divergence !== null,
      },
      { ...cubic, nonMinima: [[0, 0]], bound: LIMITS.divergenceBound },
    ).kind;
  };
  it('momentum escaping downhill ran off to −∞', () => {
    expect(outcomeOf({ type: 'SGD', lr: 0.05, momentum: 0.9 })).toBe('ranOff');
  });
  it('Adam, far down the w1 valley at loss ≪ 0, is still moving — not "reached"', () => {
    expect(outcomeOf({ type: 'Adam', lr: 0.1 })).toBe('moving');
  });
  it('Newton converging into the saddle is stuck at a saddle — not a success', () => {
    expect(outcomeOf({ type: 'Newton', lr: 1 })).toBe('saddle');
  });
});

describe('shares and colors', () => {
  const outcomes = [
    { kind: 'minimum', minimum: 0 },
    { kind: 'minimum', minimum: 0 },
    { kind: 'ranOff', minimum: -1 },
    { kind: 'moving', minimum: -1 },
  ] as const;
  it('shares sum to one and are described largest first, zero classes left out', () => {
    const shares = classShares(outcomes);
    expect(Object.values(shares.byClass).reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(describeShares(shares)).toBe('minimum 50% · ran off to −∞ 25% · still moving 25%');
  });
  it('the legend lists exactly the colors on screen, minima first', () => {
    const coloring = colorOutcomeClasses(outcomes, ['#4e79a7'], ['the minimum (0, 0)']);
    expect(coloring.legend.map((e) => e.label)).toEqual([
      'reached the minimum (0, 0)',
      'ran off to −∞ (unbounded below)',
      'still moving after the last step',
    ]);
    const onScreen = new Set<string>();
    for (let p = 0; p < outcomes.length; p++) {
      const [r, g, b] = coloring.rgba.subarray(4 * p, 4 * p + 3);
      onScreen.add(`#${((r! << 16) | (g! << 8) | b!).toString(16).padStart(6, '0')}`);
    }
    expect([...onScreen].sort()).toEqual(coloring.legend.map((e) => e.color).sort());
    expect(onScreen.has(OUTCOME_COLORS.ranOff)).toBe(true);
  });
});
