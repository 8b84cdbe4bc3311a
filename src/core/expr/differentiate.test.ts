import { describe, expect, it } from 'vitest';
import { compileExpression, MAX_DERIVATIVE_NODES, parseExpression, printExpression } from './index.ts';
import { makeSimplifier } from './simplify.ts';
import { CORPUS, samplePoints, type CorpusEntry } from '../../../test/helpers/expressionCorpus.ts';

const EPS = Number.EPSILON;

/** |a - b| within `rel` of the larger magnitude, plus the round-off `noise` of the reference. */
function expectClose(actual: number, reference: number, rel: number, noise: number, what: string): void {
  const allowed = rel * Math.max(1, Math.abs(actual), Math.abs(reference)) + noise;
  if (!(Math.abs(actual - reference) <= allowed)) {
    expect.fail(`${what}: ${actual} vs finite difference ${reference} (allowed ${allowed})`);
  }
}

function compiled(entry: CorpusEntry) {
  const r = compileExpression(entry.text, entry.constants ?? {});
  if (!r.ok) throw new Error(`${entry.text}: ${r.error.message}`);
  return r.surface;
}

describe('derivatives match central finite differences', () => {
  it('the corpus has at least 25 expressions', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
  });

  CORPUS.forEach((entry, k) => {
    it(entry.text, () => {
      const s = compiled(entry);
      let checked = 0;
      for (const [x, y] of samplePoints(entry, 30, 1000 + k)) {
        if (entry.nonSmooth?.(x, y)) continue;
        // Gradient against differences of the value; Hessian against differences of the gradient
        // (tight) and Richardson-extrapolated second differences of the value (looser: their
        // round-off grows as 1/h²).
        const scale = Math.max(1, Math.abs(x), Math.abs(y));
        const h = 1e-5 * scale;
        const h2 = 2e-3 * scale;
        const f = (a: number, b: number) => s.value(a, b);
        const f0 = f(x, y);
        const second = (d: number): [number, number, number, number] => {
          const v = [f(x + d, y), f(x - d, y), f(x, y + d), f(x, y - d)];
          const m = [f(x + d, y + d), f(x + d, y - d), f(x - d, y + d), f(x - d, y - d)];
          const [xp, xm, yp, ym] = v as [number, number, number, number];
          const [pp, pm, mp, mm] = m as [number, number, number, number];
          const finite = [...v, ...m].every(Number.isFinite);
          const fMax = Math.max(...[...v, ...m].map(Math.abs));
          if (!finite) return [NaN, NaN, NaN, NaN];
          return [
            (xp - 2 * f0 + xm) / (d * d),
            (yp - 2 * f0 + ym) / (d * d),
            (pp - pm - mp + mm) / (4 * d * d),
            fMax,
          ];
        };
        const fxp = f(x + h, y);
        const fxm = f(x - h, y);
        const fyp = f(x, y + h);
        const fym = f(x, y - h);
        const coarse = second(h2);
        const fine = second(h2 / 2);
        const stencil = [f0, fxp, fxm, fyp, fym, ...coarse, ...fine];
        if (!stencil.every(Number.isFinite)) continue;
        const fMax = Math.max(Math.abs(f0), Math.abs(fxp), Math.abs(fxm), Math.abs(fyp), Math.abs(fym));
        const [g1, g2] = s.gradient(x, y);
        const [h11, h12, h22] = s.hessian(x, y);
        const at = `${entry.text} at (${x}, ${y})`;
        const noise1 = (8 * EPS * fMax) / h;
        expectClose(g1, (fxp - fxm) / (2 * h), 1e-6, noise1, `∂/∂w1 ${at}`);
        expectClose(g2, (fyp - fym) / (2 * h), 1e-6, noise1, `∂/∂w2 ${at}`);

        const gxp = s.gradient(x + h, y);
        const gxm = s.gradient(x - h, y);
        const gyp = s.gradient(x, y + h);
        const gym = s.gradient(x, y - h);
        const gMax = Math.max(...[gxp, gxm, gyp, gym].flat().map(Math.abs));
        const noiseG = (8 * EPS * gMax) / h;
        expectClose(h11, (gxp[0] - gxm[0]) / (2 * h), 1e-6, noiseG, `h11 ${at}`);
        expectClose(h12, (gyp[0] - gym[0]) / (2 * h), 1e-6, noiseG, `h12 ${at}`);
        expectClose(h12, (gxp[1] - gxm[1]) / (2 * h), 1e-6, noiseG, `h21 ${at}`);
        expectClose(h22, (gyp[1] - gym[1]) / (2 * h), 1e-6, noiseG, `h22 ${at}`);

        const extrapolate = (i: number): number => (4 * (fine[i] as number) - (coarse[i] as number)) / 3;
        const noise2 = (64 * EPS * Math.max(coarse[3], fine[3])) / (h2 * h2);
        expectClose(h11, extrapolate(0), 1e-5, noise2, `h11 (value) ${at}`);
        expectClose(h22, extrapolate(1), 1e-5, noise2, `h22 (value) ${at}`);
        expectClose(h12, extrapolate(2), 1e-5, noise2, `h12 (value) ${at}`);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(20);
    });
  });
});

describe('values match hand-written JavaScript', () => {
  for (const entry of CORPUS) {
    const js = entry.js;
    if (js === undefined) continue;
    it(entry.text, () => {
      const s = compiled(entry);
      for (const [x, y] of samplePoints(entry, 10, 7)) {
        const expected = js(x, y);
        expect(Math.abs(s.value(x, y) - expected)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(expected)),
        );
      }
    });
  }
});

describe('printing', () => {
  it.each([
    ['x^4 - x^2 + y^2', '4*x^3 - 2*x', '2*y'],
    ['(1-w1)^2+100*(w2-w1^2)^2', '-2*(1 - w1) - 400*(w2 - w1^2)*w1', '200*(w2 - w1^2)'],
    ['a*w1^2 + b*w2^2', '2*a*w1', '2*b*w2'],
    ['abs(w1) + 3*w2', 'sign(w1)', '3'],
    ['min(w1, w2^2)', '(w1 <= w2^2 ? 1 : 0)', '(w1 <= w2^2 ? 0 : 2*w2)'],
    ['max(x, 2*y)', '(x >= 2*y ? 1 : 0)', '(x >= 2*y ? 0 : 2)'],
    ['sin(3*x)*exp(-y^2)', '3*cos(3*x)*exp(-y^2)', '-2*sin(3*x)*exp(-y^2)*y'],
    ['2^w1 + w2^k', '2^w1*log(2)', 'k*w2^(k - 1)'],
    ['w1^w2', 'w1^w2*w2/w1', 'w1^w2*log(w1)'],
    ['e^w1 + w2', 'e^w1', '1'],
  ])('d/dw of %s', (text, d1, d2) => {
    const r = compileExpression(text, { a: 1, b: 2, k: 3 });
    expect(r.ok && r.surface.derivativeText).toEqual({ d1, d2 });
  });

  it('printed derivatives parse back to the same gradient', () => {
    for (const entry of CORPUS) {
      const s = compiled(entry);
      const { d1, d2 } = s.derivativeText;
      if (d1.includes('?') || d2.includes('?')) continue; // select (min/max) is display-only
      const p1 = compileExpression(d1, entry.constants ?? {});
      const p2 = compileExpression(d2, entry.constants ?? {});
      expect(p1.ok && p2.ok, `${d1} / ${d2}`).toBe(true);
      if (!p1.ok || !p2.ok) continue;
      for (const [x, y] of samplePoints(entry, 5, 3)) {
        const [g1, g2] = s.gradient(x, y);
        expect(p1.surface.value(x, y)).toBeCloseTo(g1, 8);
        expect(p2.surface.value(x, y)).toBeCloseTo(g2, 8);
      }
    }
  });

  it('printing the typed tree parses back to the same value', () => {
    for (const entry of CORPUS) {
      const s = compiled(entry);
      const text = printExpression(s.trees.value);
      const again = compileExpression(text, entry.constants ?? {});
      expect(again.ok, text).toBe(true);
      if (!again.ok) continue;
      for (const [x, y] of samplePoints(entry, 5, 5)) {
        expect(again.surface.value(x, y)).toBeCloseTo(s.value(x, y), 9);
      }
    }
  });

  it.each([
    ['w1^2 + 25*w2^2', 'w_1^{2} + 25 w_2^{2}'],
    ['x^4 - x^2 + y^2', 'x^{4} - x^{2} + y^{2}'],
    ['(w1^2+w2^2)^0.5', '\\left(w_1^{2} + w_2^{2}\\right)^{0.5}'],
    ['sqrt(x)/2 + abs(y)', '\\frac{\\sqrt{x}}{2} + \\left|y\\right|'],
    ['-2^2*pi', '-2^{2} \\pi'],
    ['2*3*alpha*k1', '2 \\cdot 3 \\mathrm{alpha} k_{1}'],
    ['exp(-x)*min(x, 1e-7)', '\\exp\\left(-x\\right) \\min\\left(x, 1 \\times 10^{-7}\\right)'],
    ['(-x)^3 - (x - y)', '\\left(-x\\right)^{3} - \\left(x - y\\right)'],
  ])('latex of %s', (text, latex) => {
    const r = compileExpression(text, { alpha: 1, k1: 1 });
    expect(r.ok && r.surface.latex).toBe(latex);
  });
});

describe('simplifier', () => {
  const simplified = (text: string): string => {
    const p = parseExpression(text, { constants: ['a'] });
    if (!p.ok) throw new Error(p.error.message);
    return printExpression(makeSimplifier()(p.value.ast));
  };
  it.each([
    ['x*0', '0'],
    ['0*x', '0'],
    ['x*1', 'w1'],
    ['1*x', 'w1'],
    ['x+0', 'w1'],
    ['0+x', 'w1'],
    ['x-0', 'w1'],
    ['0-x', '-w1'],
    ['x/1', 'w1'],
    ['x^1', 'w1'],
    ['x^0', '1'],
    ['-(-x)', 'w1'],
    ['--x', 'w1'],
    ['2*x*3', '6*w1'],
    ['2*(3*x)', '6*w1'],
    ['-(2*x)', '-2*w1'],
    ['2*x*(-3)*y', '-6*w1*w2'],
    ['x - -y', 'w1 + w2'],
    ['x + -2*y', 'w1 - 2*w2'],
    ['-x + y', 'w2 - w1'],
    ['1+2*3', '7'],
    ['2^10', '1024'],
    ['sqrt(4) + exp(0)', '3'],
    ['sqrt(2)', 'sqrt(2)'],
    ['log(e)', '1'],
    ['a*0 + a + 0', 'a'],
    ['1/0', '1/0'],
    ['log(0)', 'log(0)'],
    ['(4*x)/2', '2*w1'],
    ['-(x - y)', 'w2 - w1'],
    ['abs(abs(x))', 'abs(w1)'],
    ['min(2, 3) * x', '2*w1'],
  ])('%s → %s', (text, expected) => {
    expect(simplified(text)).toBe(expected);
  });
});

describe('limits', () => {
  it('reports expressions whose derivatives would be too large instead of hanging', () => {
    const text = 'sin('.repeat(60) + 'x*y' + ')'.repeat(60);
    const r = compileExpression(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe(
        `expression is too complex: its derivatives would have more than ${MAX_DERIVATIVE_NODES} terms`,
      );
      expect(r.error).toMatchObject({ position: 0, length: text.length });
    }
  });
});
