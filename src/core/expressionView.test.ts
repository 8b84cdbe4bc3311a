import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from './expr';
import { DEFAULT_VIEW_BOX, fitExpressionView, niceCeil } from './expressionView';
import type { ViewBox } from './types';

function fit(text: string, constants: Record<string, number> = {}) {
  const compiled = compileExpression(text, constants);
  if (!compiled.ok) throw new Error(`${text}: ${compiled.error.message}`);
  return { surface: compiled.surface, view: fitExpressionView(compiled.surface) };
}

const inside = (box: ViewBox, [w1, w2]: readonly [number, number], margin = 0) =>
  w1 >= box.w1[0] + margin &&
  w1 <= box.w1[1] - margin &&
  w2 >= box.w2[0] + margin &&
  w2 <= box.w2[1] - margin;

describe('fitExpressionView: the box', () => {
  it.each([
    'w1^2 + 25*w2^2',
    '(1 - w1)^2 + 100*(w2 - w1^2)^2',
    'x^4 - x^2 + y^2',
    'sin(x)*cos(y)',
    'log(1 + x^2) + y^2',
  ])('keeps [-2,2]² for %s (its minima sit comfortably inside)', (text) => {
    expect(fit(text).view.viewBox).toEqual(DEFAULT_VIEW_BOX);
  });

  it.each(['x^2 - y^2', 'x^3 + y^2', 'w1 + w2', '3', 'log(x) + y^2', '-(x^2 + y^2)'])(
    'keeps [-2,2]² when %s has no minimum to show',
    (text) => {
      expect(fit(text).view.viewBox).toEqual(DEFAULT_VIEW_BOX);
    },
  );

  it('moves to a minimum far from the origin', () => {
    const { view } = fit('(x - 10)^2 + (y + 6)^2');
    expect(inside(view.viewBox, [10, -6], 0.5)).toBe(true);
    expect(view.viewBox.w1[1] - view.viewBox.w1[0]).toBeLessThanOrEqual(8);
  });

  it('widens to show every minimum of Himmelblau', () => {
    const { view } = fit('(x^2 + y - 11)^2 + (x + y^2 - 7)^2');
    for (const m of [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ] as const)
      expect(inside(view.viewBox, m, 0.3)).toBe(true);
    expect(view.viewBox.w1[1] - view.viewBox.w1[0]).toBeLessThanOrEqual(16);
  });

  it('narrows onto minima clustered in a tiny area', () => {
    // Minima at (±0.0707, 0): in [-2,2]² the double well would be a single dot.
    const { view } = fit('x^4 - 0.01*x^2 + y^2');
    const width = view.viewBox.w1[1] - view.viewBox.w1[0];
    expect(width).toBeLessThan(1);
    expect(inside(view.viewBox, [0.0707, 0])).toBe(true);
    expect(inside(view.viewBox, [-0.0707, 0])).toBe(true);
  });

  it('follows a constant that moves the minimum', () => {
    const near = fit('(x - a)^2 + y^2', { a: 1 }).view.viewBox;
    const far = fit('(x - a)^2 + y^2', { a: 30 }).view.viewBox;
    expect(near).toEqual(DEFAULT_VIEW_BOX);
    expect(inside(far, [30, 0], 0.5)).toBe(true);
  });
});

describe('fitExpressionView: contour scale', () => {
  it.each([
    ['w1^2 + 25*w2^2', 'log'],
    ['(1 - w1)^2 + 100*(w2 - w1^2)^2', 'log'],
    ['x^4 - x^2 + y^2', 'log'],
    ['x^2 - y^2', 'symmetric'],
    ['sin(x)*cos(y)', 'symmetric'],
    ['-(x^2 + y^2)', 'linear'],
    ['w1 + 2*w2 + 10', 'linear'],
    ['3', 'linear'],
  ] as const)('%s → %s', (text, scale) => {
    expect(fit(text).view.contourScale).toBe(scale);
  });
});

describe('fitExpressionView: start point and minima', () => {
  it.each([
    'w1^2 + 25*w2^2',
    'x^4 - x^2 + y^2',
    'sin(x)*cos(y)',
    'log(1 + x^2) + y^2',
    'sqrt(x) + y^2',
    'log(x - 1) + (y - 3)^2',
    '(x - 10)^2 + (y + 6)^2',
    'abs(x) + abs(y)',
  ])('%s: the start is finite, in the box, with a non-zero gradient, not at a minimum', (text) => {
    const { surface, view } = fit(text);
    const [w1, w2] = view.defaultStart;
    expect(Number.isFinite(surface.value(w1, w2))).toBe(true);
    expect(inside(view.viewBox, view.defaultStart)).toBe(true);
    const g = surface.gradient(w1, w2);
    expect(Math.hypot(g[0], g[1])).toBeGreaterThan(1e-6);
    for (const m of view.criticalPoints) expect(Math.hypot(m.at[0] - w1, m.at[1] - w2)).toBeGreaterThan(0.1);
  });

  it('starts where the function is defined when the upper-left is undefined', () => {
    const { surface, view } = fit('log(x) + y^2');
    expect(view.defaultStart[0]).toBeGreaterThan(0);
    expect(Number.isFinite(surface.value(...view.defaultStart))).toBe(true);
  });

  it('confirms minima with Newton: the double well has two at (±1/√2, 0)', () => {
    const { view } = fit('x^4 - x^2 + y^2');
    const xs = view.criticalPoints.map((p) => p.at[0]).sort((a, b) => a - b);
    expect(xs).toHaveLength(2);
    expect(xs[0]).toBeCloseTo(-Math.SQRT1_2, 10);
    expect(xs[1]).toBeCloseTo(Math.SQRT1_2, 10);
    expect(view.criticalPoints.every((p) => p.kind === 'minimum' && Math.abs(p.at[1]) < 1e-10)).toBe(true);
  });

  it('reports no minimum it cannot confirm (a kink, a saddle)', () => {
    expect(fit('abs(x) + abs(y)').view.criticalPoints).toEqual([]);
    expect(fit('x^2 - y^2').view.criticalPoints).toEqual([]);
  });
});

describe('fitExpressionView: total', () => {
  it('never throws and always returns finite numbers, for random quadratic-ish and odd functions', () => {
    const term = fc.constantFrom(
      'x^2',
      'y^2',
      'x*y',
      'sin(3*x)',
      'cos(y)',
      'log(x)',
      'sqrt(y)',
      'exp(x)',
      'abs(x - 1)',
      '1/x',
      'tanh(y)',
      'x^4',
      'max(x, y)',
    );
    const expression = fc
      .array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), term), { minLength: 1, maxLength: 4 })
      .map((terms) => terms.map(([k, t]) => `${k.toFixed(3)}*${t}`).join(' + '));
    fc.assert(
      fc.property(expression, (text) => {
        const { surface, view } = fit(text);
        const numbers = [...view.viewBox.w1, ...view.viewBox.w2, ...view.defaultStart];
        expect(numbers.every(Number.isFinite)).toBe(true);
        expect(view.viewBox.w1[0]).toBeLessThan(view.viewBox.w1[1]);
        expect(view.viewBox.w2[0]).toBeLessThan(view.viewBox.w2[1]);
        expect(['log', 'linear', 'symmetric']).toContain(view.contourScale);
        void surface;
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('survives a value function that throws or returns garbage', () => {
    const view = fitExpressionView({
      value: (w1) => {
        if (w1 > 1) throw new Error('boom');
        return w1 < 0 ? Number.NaN : w1;
      },
    });
    expect(view.viewBox).toEqual(DEFAULT_VIEW_BOX);
    expect(view.defaultStart.every(Number.isFinite)).toBe(true);
  });

  it('niceCeil rounds up to 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k', () => {
    expect(niceCeil(2)).toBe(2);
    expect(niceCeil(2.1)).toBe(2.5);
    expect(niceCeil(5.9)).toBe(6);
    expect(niceCeil(0.113)).toBeCloseTo(0.15, 12);
    expect(niceCeil(9)).toBe(10);
    expect(niceCeil(0)).toBe(1);
  });
});

describe('fitExpressionView: a barrier', () => {
  it('a log barrier (a little negative, mostly positive) gets log levels, not symmetric ones', () => {
    expect(fit('x^2 + y^2 - log(x + 1.5)').view.contourScale).toBe('log');
  });
});
