import { describe, expect, it } from 'vitest';
import { compileExpression } from '../expr';
import type { CriticalPoint, Surface, Vec2 } from '../types';
import { SURFACES, getSurface, surfaceIds } from './registry';
import { quadratic } from './quadratic';
import { saddle } from './saddle';
import { cliff } from './cliff';
import { ackley } from './ackley';

/** mulberry32 (Tommy Ettinger): a tiny seeded generator, so every run checks the same points. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomPointsInView(surface: Surface, count: number, seed: number): Vec2[] {
  const random = mulberry32(seed);
  const { w1, w2 } = surface.viewBox;
  return Array.from({ length: count }, () => [
    w1[0] + (w1[1] - w1[0]) * random(),
    w2[0] + (w2[1] - w2[0]) * random(),
  ]);
}

/** The gradient check's relative error (lecture 000), floored at 1 so values near zero compare absolutely. */
const relativeError = (analytic: number, numeric: number): number =>
  Math.abs(analytic - numeric) / Math.max(1, Math.abs(analytic) + Math.abs(numeric));

/** Central difference of any scalar function of (w1, w2) along one coordinate, with a step scaled to |w|. */
function centralDifference(f: (w1: number, w2: number) => number, at: Vec2, coordinate: 0 | 1): number {
  const h = 1e-5 * Math.max(1, Math.abs(at[coordinate]));
  const [w1, w2] = at;
  return coordinate === 0
    ? (f(w1 + h, w2) - f(w1 - h, w2)) / (2 * h)
    : (f(w1, w2 + h) - f(w1, w2 - h)) / (2 * h);
}

const TOLERANCE = 1e-6;
const POINTS_PER_SURFACE = 50;

/**
 * Points on a circle around a critical point: 16 evenly spaced, plus both ways along the Hessian's two
 * eigenvectors, since a saddle's way down can be a cone only a degree or two wide.
 */
function ring(surface: Surface, center: Vec2, radius: number): Vec2[] {
  const [h11, h12, h22] = surface.hessian(center[0], center[1]);
  const principalAngle = 0.5 * Math.atan2(2 * h12, h11 - h22);
  const even = Array.from({ length: 16 }, (_, k) => (2 * Math.PI * k) / 16);
  const eigen = [0, 1, 2, 3].map((k) => principalAngle + (k * Math.PI) / 2);
  return [...even, ...eigen].map((angle) => [
    center[0] + radius * Math.cos(angle),
    center[1] + radius * Math.sin(angle),
  ]);
}

function ringRadius(surface: Surface): number {
  const { w1, w2 } = surface.viewBox;
  return 1e-3 * Math.hypot(w1[1] - w1[0], w2[1] - w2[0]);
}

const inside = (surface: Surface, [w1, w2]: Vec2): boolean =>
  w1 >= surface.viewBox.w1[0] &&
  w1 <= surface.viewBox.w1[1] &&
  w2 >= surface.viewBox.w2[0] &&
  w2 <= surface.viewBox.w2[1];

const describeCritical = (point: CriticalPoint): string => `${point.kind} at (${point.at.join(', ')})`;

describe.each(SURFACES.map((surface) => [surface.id, surface] as const))('surface %s', (_id, surface) => {
  const points = randomPointsInView(surface, POINTS_PER_SURFACE, 0x5eed + surface.id.length);

  it('has an analytic gradient that matches central differences of the value', () => {
    for (const at of points) {
      const analytic = surface.gradient(at[0], at[1]);
      for (const coordinate of [0, 1] as const) {
        const numeric = centralDifference(surface.value, at, coordinate);
        expect(
          relativeError(analytic[coordinate], numeric),
          `∂/∂w${coordinate + 1} at (${at.join(', ')})`,
        ).toBeLessThan(TOLERANCE);
      }
    }
  });

  it('has an analytic Hessian that matches central differences of the gradient', () => {
    for (const at of points) {
      const [h11, h12, h22] = surface.hessian(at[0], at[1]);
      const dGradient1 = (coordinate: 0 | 1) =>
        centralDifference((a, b) => surface.gradient(a, b)[0], at, coordinate);
      const dGradient2 = (coordinate: 0 | 1) =>
        centralDifference((a, b) => surface.gradient(a, b)[1], at, coordinate);
      const where = `at (${at.join(', ')})`;
      expect(relativeError(h11, dGradient1(0)), `h11 ${where}`).toBeLessThan(TOLERANCE);
      expect(relativeError(h12, dGradient1(1)), `h12 from ∂g1/∂w2 ${where}`).toBeLessThan(TOLERANCE);
      expect(relativeError(h12, dGradient2(0)), `h12 from ∂g2/∂w1 ${where}`).toBeLessThan(TOLERANCE);
      expect(relativeError(h22, dGradient2(1)), `h22 ${where}`).toBeLessThan(TOLERANCE);
    }
  });

  it('declares critical points where the gradient vanishes, with the curvature their kind says', () => {
    expect(surface.criticalPoints.length).toBeGreaterThan(0);
    for (const point of surface.criticalPoints) {
      const [w1, w2] = point.at;
      const name = describeCritical(point);
      const [g1, g2] = surface.gradient(w1, w2);
      expect(Math.hypot(g1, g2), `|∇f| at ${name}`).toBeLessThan(
        TOLERANCE * Math.max(1, Math.abs(surface.value(w1, w2))),
      );

      const [h11, h12, h22] = surface.hessian(w1, w2);
      const determinant = h11 * h22 - h12 * h12;
      const curvatureScale = Math.max(1, Math.abs(h11), Math.abs(h22), Math.abs(h12)) ** 2;
      if (Math.abs(determinant) > 1e-6 * curvatureScale) {
        // The coordinates are exact to 1e-9: one Newton step from them, H⁻¹∇f, is shorter than that.
        const newtonStep = Math.hypot(h22 * g1 - h12 * g2, h11 * g2 - h12 * g1) / Math.abs(determinant);
        expect(newtonStep, `Newton step from ${name}`).toBeLessThan(1e-9 * Math.max(1, Math.hypot(w1, w2)));
      }
      const center = surface.value(w1, w2);
      const around = ring(surface, point.at, ringRadius(surface)).map(([a, b]) => surface.value(a, b));
      if (point.kind === 'minimum') {
        expect(h11, `h11 at ${name}`).toBeGreaterThan(0);
        expect(determinant, `det H at ${name}`).toBeGreaterThan(0);
        for (const value of around) expect(value, `ring around ${name}`).toBeGreaterThan(center);
      } else if (point.kind === 'maximum') {
        expect(h11, `h11 at ${name}`).toBeLessThan(0);
        expect(determinant, `det H at ${name}`).toBeGreaterThan(0);
        for (const value of around) expect(value, `ring around ${name}`).toBeLessThan(center);
      } else {
        // Indefinite (det < 0) or singular (det ≈ 0, as for w1³ + w2² and the monkey saddle).
        expect(determinant, `det H at ${name}`).toBeLessThanOrEqual(1e-12 * curvatureScale);
        expect(Math.min(...around), `ring around ${name} goes down`).toBeLessThan(center);
        expect(Math.max(...around), `ring around ${name} goes up`).toBeGreaterThan(center);
      }
    }
  });

  it('lists its critical points inside or near its view box', () => {
    const { w1, w2 } = surface.viewBox;
    const margin1 = 0.1 * (w1[1] - w1[0]);
    const margin2 = 0.1 * (w2[1] - w2[0]);
    for (const { at } of surface.criticalPoints) {
      expect(at[0]).toBeGreaterThanOrEqual(w1[0] - margin1);
      expect(at[0]).toBeLessThanOrEqual(w1[1] + margin1);
      expect(at[1]).toBeGreaterThanOrEqual(w2[0] - margin2);
      expect(at[1]).toBeLessThanOrEqual(w2[1] + margin2);
    }
  });

  it('starts inside its view box and offers 2–4 other starts there', () => {
    expect(surface.viewBox.w1[0]).toBeLessThan(surface.viewBox.w1[1]);
    expect(surface.viewBox.w2[0]).toBeLessThan(surface.viewBox.w2[1]);
    expect(inside(surface, surface.defaultStart)).toBe(true);
    expect(surface.starts.length).toBeGreaterThanOrEqual(2);
    expect(surface.starts.length).toBeLessThanOrEqual(4);
    for (const start of surface.starts)
      expect(inside(surface, start), `start (${start.join(', ')})`).toBe(true);
  });

  it('has a contour scale that suits its values over the view box', () => {
    const values = randomPointsInView(surface, 400, 7).map(([a, b]) => surface.value(a, b));
    const low = Math.min(...values);
    const high = Math.max(...values);
    if (surface.contourScale === 'log') expect(low).toBeGreaterThanOrEqual(0);
    if (surface.contourScale === 'symmetric') {
      expect(low).toBeLessThan(0);
      expect(high).toBeGreaterThan(0);
    }
  });

  it('writes the same function in the expression language (which drives the GPU)', () => {
    const compiled = compileExpression(surface.expression);
    if (!compiled.ok) throw new Error(`${surface.expression}: ${compiled.error.message}`);
    expect(compiled.surface.constantNames).toEqual([]);
    for (const [w1, w2] of points) {
      const ours = [surface.value(w1, w2), ...surface.gradient(w1, w2), ...surface.hessian(w1, w2)];
      const theirs = [
        compiled.surface.value(w1, w2),
        ...compiled.surface.gradient(w1, w2),
        ...compiled.surface.hessian(w1, w2),
      ];
      ours.forEach((value, k) =>
        expect(relativeError(value, theirs[k] ?? NaN), `entry ${k} at (${w1}, ${w2})`).toBeLessThan(1e-10),
      );
    }
  });

  it('evaluates value and gradient together bit-identically, where it can (what the batch engines call)', () => {
    const evaluate = surface.valueAndGradientInto;
    if (!evaluate) return;
    const huge = 1e200;
    const extremes: Vec2[] = [
      [0, 0],
      [-0, 1],
      [huge, -huge],
      [Infinity, 1],
      [1, -Infinity],
      [NaN, 0],
      [1e-300, -1e-300],
    ];
    const many = randomPointsInView(surface, 500, 0xc0de + surface.id.length);
    const wide = many.map(([w1, w2]): Vec2 => [w1 * 1e3, w2 * 1e-3]);
    for (const [w1, w2] of [...many, ...wide, ...extremes]) {
      const out: [number, number] = [NaN, NaN];
      const value = evaluate(out, w1, w2);
      const [g1, g2] = surface.gradient(w1, w2);
      expect(Object.is(value, surface.value(w1, w2)), `value at (${w1}, ${w2})`).toBe(true);
      expect(Object.is(out[0], g1) && Object.is(out[1], g2), `gradient at (${w1}, ${w2})`).toBe(true);
    }
  });

  it('has its texts filled in', () => {
    expect(surface.name.length).toBeGreaterThan(0);
    expect(surface.formula.length).toBeGreaterThan(0);
    expect(surface.expression).toMatch(/^[\sw12+\-*/^().,0-9a-z]+$/);
    expect(surface.description.length).toBeGreaterThan(20);
  });
});

describe('the lectures’ worked facts', () => {
  it('quadratic ravine: ∇L(−1, −1) = (−2, −50)', () => {
    expect(quadratic.defaultStart).toEqual([-1, -1]);
    expect(quadratic.gradient(-1, -1)).toEqual([-2, -50]);
  });

  it('saddle: ∇L(−0.01, −1) = (0.0003, −2)', () => {
    expect(saddle.defaultStart).toEqual([-0.01, -1]);
    const [g1, g2] = saddle.gradient(-0.01, -1);
    expect(g1).toBeCloseTo(0.0003, 15);
    expect(g2).toBe(-2);
  });
});

describe('ackley at its cone tip', () => {
  it('returns a zero gradient and the cosine term’s Hessian 2π²e·I at exactly (0, 0)', () => {
    expect(ackley.gradient(0, 0)).toEqual([0, 0]);
    const [h11, h12, h22] = ackley.hessian(0, 0);
    expect(h11).toBeCloseTo(2 * Math.PI ** 2 * Math.E, 12);
    expect(h12).toBeCloseTo(0, 14);
    expect(h22).toBeCloseTo(2 * Math.PI ** 2 * Math.E, 12);
    expect(ackley.value(0, 0)).toBeCloseTo(0, 14);
  });
});

describe('cliff (gradient clipping demo)', () => {
  /** Plain gradient descent, optionally with torch-style clipping of the gradient norm. */
  function descend(
    lr: number,
    steps: number,
    clipNorm = Infinity,
  ): { farthest: number; end: Vec2; steepest: number } {
    let [w1, w2] = cliff.defaultStart;
    let farthest = 0;
    let steepest = 0;
    for (let t = 0; t < steps; t++) {
      const [g1, g2] = cliff.gradient(w1, w2);
      const norm = Math.hypot(g1, g2);
      steepest = Math.max(steepest, norm);
      const scale = Math.min(1, clipNorm / (norm + 1e-6));
      w1 -= lr * scale * g1;
      w2 -= lr * scale * g2;
      farthest = Math.max(farthest, Math.hypot(w1, w2));
    }
    return { farthest, end: [w1, w2], steepest };
  }

  it('has a face about 50 times steeper than the bowl around it', () => {
    expect(Math.abs(cliff.gradient(0, 0)[0])).toBeGreaterThan(99);
    expect(Math.hypot(...cliff.gradient(-1, 0))).toBeLessThan(3);
    expect(Math.hypot(...cliff.gradient(1, 0))).toBeLessThan(3);
  });

  it('throws plain gradient descent (η = 0.1) far out of view, while clipping the norm to 1 keeps it in view', () => {
    const plain = descend(0.1, 300);
    expect(plain.steepest).toBeGreaterThan(90);
    expect(plain.farthest).toBeGreaterThan(3 * cliff.viewBox.w1[1]);

    const clipped = descend(0.1, 300, 1);
    expect(clipped.farthest).toBeLessThan(3);
    const minimum = cliff.criticalPoints[0]?.at ?? [NaN, NaN];
    expect(Math.hypot(clipped.end[0] - minimum[0], clipped.end[1] - minimum[1])).toBeLessThan(1e-3);
  });
});

describe('registry', () => {
  it('has unique ids, the lectures’ surfaces first', () => {
    expect(new Set(surfaceIds).size).toBe(SURFACES.length);
    expect(surfaceIds.slice(0, 2)).toEqual(['quadratic', 'saddle']);
    expect(surfaceIds).toEqual(SURFACES.map((surface) => surface.id));
  });

  it('holds every surface the product names', () => {
    expect([...surfaceIds].sort()).toEqual(
      [
        'ackley',
        'beale',
        'booth',
        'cliff',
        'goldstein-price',
        'himmelblau',
        'monkey-saddle',
        'quadratic',
        'rastrigin',
        'rosenbrock',
        'saddle',
        'six-hump-camel',
      ].sort(),
    );
  });

  it('looks surfaces up by id', () => {
    for (const surface of SURFACES) expect(getSurface(surface.id)).toBe(surface);
    expect(getSurface('no-such-surface')).toBeUndefined();
  });
});
