import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, findConstants } from './index.ts';
import { CORPUS } from '../../../test/helpers/expressionCorpus.ts';

const ALPHABET = [
  ...'0123456789.eE+-*/^(),  ',
  'x',
  'y',
  'w1',
  'w2',
  'a',
  'k',
  'pi',
  'e',
  'sqrt(',
  'exp(',
  'log(',
  'sin(',
  'cos(',
  'tanh(',
  'abs(',
  'sign(',
  'min(',
  'max(',
  '**',
  '1e-3',
  '.5',
  '#',
  'z',
];

const alphabetString = fc
  .array(fc.constantFrom(...ALPHABET), { maxLength: 80 })
  .map((parts) => parts.join(''));

/** A valid expression with a few random edits (insert / delete / replace a character). */
const mutatedExpression = fc
  .tuple(
    fc.constantFrom(...CORPUS.map((c) => c.text)),
    fc.array(
      fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...ALPHABET)),
      { maxLength: 4 },
    ),
  )
  .map(([text, edits]) => {
    let s = text;
    for (const [at, kind, piece] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      if (kind === 'insert') s = s.slice(0, i) + piece + s.slice(i);
      else if (kind === 'delete') s = s.slice(0, i) + s.slice(i + 1);
      else s = s.slice(0, i) + piece + s.slice(i + 1);
    }
    return s;
  });

/** Deep and long shapes: nesting, long chains, towers. */
const stressExpression = fc
  .tuple(fc.constantFrom('(', '-', 'sin(', 'x^', 'exp(', 'min(x,', '2*'), fc.integer({ min: 0, max: 300 }))
  .map(([piece, n]) => {
    const close = piece.endsWith('(') || piece.endsWith(',') ? ')'.repeat(n) : '';
    return piece.repeat(n) + 'x' + close;
  });

const anyText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 60 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
  { arbitrary: alphabetString, weight: 4 },
  { arbitrary: mutatedExpression, weight: 4 },
  { arbitrary: stressExpression, weight: 1 },
);

describe('fuzz', () => {
  it('compileExpression never throws, stays fast, and successes evaluate to numbers', () => {
    let successes = 0;
    let slowest = 0;
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, free) => {
        const started = performance.now();
        const r = compileExpression(text, { a: 2, k: 3 }, { allowFreeConstants: free });
        findConstants(text);
        if (r.ok) {
          successes++;
          const s = r.surface;
          expect(typeof s.value(0.3, -0.7)).toBe('number');
          for (const v of [...s.gradient(0.3, -0.7), ...s.hessian(0.3, -0.7)])
            expect(typeof v).toBe('number');
          expect(typeof s.derivativeText.d1).toBe('string');
          expect(typeof s.latex).toBe('string');
          expect(s.toWgsl()).toContain('fn surface_hessian');
        } else {
          const { message, position, length } = r.error;
          expect(message.length).toBeGreaterThan(0);
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position + length).toBeLessThanOrEqual(Math.max(text.length, 0) + 1);
        }
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: 10_000, seed: 20240611 },
    );
    expect(successes).toBeGreaterThan(300);
    expect(slowest).toBeLessThan(1000);
  });
});
