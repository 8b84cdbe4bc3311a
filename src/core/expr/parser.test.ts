import { describe, expect, it } from 'vitest';
import { compileExpression, findConstants, MAX_EXPRESSION_LENGTH, parseExpression } from './index.ts';

function valueOf(text: string, w1 = 0, w2 = 0, constants: Record<string, number> = {}): number {
  const r = compileExpression(text, constants);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.surface.value(w1, w2);
}

function errorOf(text: string, constants: Record<string, number> = {}) {
  const r = compileExpression(text, constants);
  if (r.ok) throw new Error(`${text} should not compile`);
  return r.error;
}

describe('numbers and precedence', () => {
  it.each([
    ['-2^2', -4],
    ['2^3^2', 512],
    ['1-2-3', -4],
    ['8/2/2', 2],
    ['2*3^2', 18],
    ['2^-1', 0.5],
    ['2^-1^2', 0.5],
    ['(-2)^3', -8],
    ['(-2)^2', 4],
    ['--3', 3],
    ['+3', 3],
    ['-+-3', 3],
    ['1e-3', 0.001],
    ['2.5E+2', 250],
    ['.5', 0.5],
    ['5.', 5],
    ['2**3', 8],
    ['2 ** 3 ** 2', 512],
    ['1 + 2*3 - 4/2', 5],
    ['(1 + 2)*3', 9],
    ['2*-3', -6],
    ['-2*-3', 6],
    ['min(3, 4) + max(3, 4)', 7],
    ['abs(-3) + sign(-2) + sqrt(16)', 6],
    ['exp(0) + log(1) + cos(0) + sin(0) + tanh(0)', 2],
    ['pi', Math.PI],
    ['e', Math.E],
    ['2*pi*e', 2 * Math.PI * Math.E],
    [' \t1 +\n2 ', 3],
  ])('%s = %d', (text, expected) => {
    expect(valueOf(text)).toBeCloseTo(expected, 12);
  });

  it('unary minus binds looser than ^ with variables: -x^2 = -(x^2)', () => {
    expect(valueOf('-x^2', 3, 0)).toBe(-9);
    expect(valueOf('-w1^2', 3, 0)).toBe(-9);
    expect(valueOf('2^-x^2', 1, 0)).toBe(0.5);
  });

  it('integer powers of negative bases are real; other powers of negative bases are gaps', () => {
    expect(valueOf('w1^3', -2, 0)).toBe(-8);
    expect(valueOf('w1^-1', -2, 0)).toBe(-0.5);
    expect(valueOf('x^k', -2, 0, { k: 3 })).toBe(-8);
    expect(valueOf('w1^(1/3)', -8, 0)).toBeNaN();
  });

  it('undefined points give NaN (or infinities where IEEE says so)', () => {
    expect(valueOf('log(w1)', -1, 0)).toBeNaN();
    expect(valueOf('sqrt(w1)', -1, 0)).toBeNaN();
    expect(valueOf('w1/w2', 0, 0)).toBeNaN();
    expect(valueOf('1/w1', 0, 0)).toBe(Infinity);
  });

  it('evaluates against hand-written JavaScript', () => {
    const cases: Array<[string, (x: number, y: number) => number]> = [
      ['(1-w1)^2+100*(w2-w1^2)^2', (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2],
      ['x^4 - x^2 + y^2', (x, y) => x ** 4 - x ** 2 + y ** 2],
      [
        'sin(x)*exp(-y^2/2) - 0.3*max(x, y)',
        (x, y) => Math.sin(x) * Math.exp(-(y * y) / 2) - 0.3 * Math.max(x, y),
      ],
      ['sqrt(abs(x*y)) + tanh(x - y)', (x, y) => Math.sqrt(Math.abs(x * y)) + Math.tanh(x - y)],
      ['log(1 + exp(x)) + cos(pi*y)', (x, y) => Math.log(1 + Math.exp(x)) + Math.cos(Math.PI * y)],
    ];
    for (const [text, js] of cases) {
      for (const [x, y] of [
        [0.3, -1.2],
        [-2, 0.5],
        [1.7, 2.2],
      ] as const) {
        expect(valueOf(text, x, y)).toBeCloseTo(js(x, y), 10);
      }
    }
  });

  it('x and y are aliases of w1 and w2', () => {
    expect(valueOf('x - 2*w1 + 10*y - w2', 3, 5)).toBe(3 - 6 + 50 - 5);
  });
});

describe('named constants', () => {
  it('reads constants and rebinds them without recompiling', () => {
    const r = compileExpression('a*w1^2 + b*w2^2', { a: 1, b: 25 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.surface;
    expect(s.constantNames).toEqual(['a', 'b']);
    expect(s.value(1, 1)).toBe(26);
    const t = s.withConstants({ b: 2 });
    expect(t.value(1, 1)).toBe(3);
    expect(t.gradient(1, 1)).toEqual([2, 4]);
    expect(t.hessian(1, 1)).toEqual([2, 0, 4]);
    expect(t.constants).toEqual({ a: 1, b: 2 });
    expect(t.constantValues()).toEqual([1, 2]);
    expect(s.value(1, 1)).toBe(26); // the original binding is unchanged
    expect(t.trees).toBe(s.trees); // no re-derivation
    expect(s.withConstants({ zzz: 5 }).value(1, 1)).toBe(26);
  });

  it('lists constants in order of first appearance and ignores unused or reserved ones', () => {
    const r = compileExpression('beta*x + alpha*y + beta', { alpha: 2, beta: 3, unused: 1, x: 7, sin: 1 });
    expect(r.ok && r.surface.constantNames).toEqual(['beta', 'alpha']);
    expect(r.ok && r.surface.value(1, 1)).toBe(3 + 2 + 3);
  });

  it('findConstants discovers slider names; allowFreeConstants declares them (default 1)', () => {
    expect(findConstants('a*w1^2 + b*w2^2 + sin(c*x) + pi + e')).toEqual(['a', 'b', 'c']);
    expect(findConstants('a*x + foo(y) + a')).toEqual(['a']);
    expect(findConstants('k*x + # + q')).toEqual(['k']);
    expect(findConstants('')).toEqual([]);
    const strict = compileExpression('a*x + b');
    expect(strict.ok).toBe(false);
    const free = compileExpression('a*x + b', { b: 5 }, { allowFreeConstants: true });
    expect(free.ok && free.surface.constants).toEqual({ a: 1, b: 5 });
    expect(free.ok && free.surface.value(2, 0)).toBe(7);
    const unknownFn = compileExpression('foo(x)', {}, { allowFreeConstants: true });
    expect(unknownFn.ok).toBe(false);
  });
});

describe('errors', () => {
  it.each([
    [
      'foo(x)',
      "unknown function 'foo': available functions are sqrt, exp, log, sin, cos, tanh, abs, sign, min, max",
      0,
      3,
    ],
    ['x + Sin(y)', "unknown function 'Sin' (did you mean 'sin'?)", 4, 3],
    ['ln(x)', "unknown function 'ln' (did you mean 'log'?)", 0, 2],
    ['x + z', "unknown variable 'z': use w1, w2 (or x, y) or a named constant", 4, 1],
    ['(x + 1', "unbalanced parenthesis: missing ')' to close the '(' opened at position 0", 0, 1],
    ['sin(x', "unbalanced parenthesis: missing ')' to close the '(' opened at position 3", 3, 1],
    ['x + 1)', "unbalanced parenthesis: ')' has no matching '('", 5, 1],
    ['', 'empty expression', 0, 0],
    ['   ', 'empty expression', 0, 0],
    ['x +', "unexpected end of expression after '+'", 2, 1],
    ['x^', "unexpected end of expression after '^'", 1, 1],
    ['-', "unexpected end of expression after '-'", 0, 1],
    ['2x', "expected an operator between '2' and 'x' (use '*' to multiply)", 1, 1],
    ['(x+1)(y)', "expected an operator between ')' and '(' (use '*' to multiply)", 5, 1],
    ['x(y)', "expected an operator between 'x' and '(' (use '*' to multiply)", 1, 1],
    ['2e', "expected an operator between '2' and 'e' (use '*' to multiply)", 1, 1],
    ['1.2.3', "expected an operator between '1.2' and '.3' (use '*' to multiply)", 3, 2],
    ['x # y', "unexpected character '#'", 2, 1],
    ['x \u2212 y', "unexpected character '\u2212' (use '-' for minus)", 2, 1],
    ['min(x)', "function 'min' takes 2 arguments, got 1", 0, 6],
    ['sqrt(x, y)', "function 'sqrt' takes 1 argument, got 2", 0, 10],
    ['sin()', "function 'sin' takes 1 argument, got 0", 0, 5],
    ['sin x', "function 'sin' needs parentheses, e.g. sin(x)", 0, 3],
    ['()', "empty parentheses '()'", 0, 2],
    ['*x', "unexpected '*': expected a number, a variable, a function or '('", 0, 1],
    ['x * / y', "unexpected '/' after '*': expected a number, a variable, a function or '('", 4, 1],
    ['(1, 2)', "unexpected ',': commas only separate function arguments, as in min(a, b)", 2, 1],
    ['1e999', "number '1e999' is too large", 0, 5],
    ['a(x)', "expected an operator between 'a' and '(' (use '*' to multiply)", 1, 1],
  ])('%j', (text, message, position, length) => {
    expect(errorOf(text, { a: 1 })).toEqual({ message, position, length });
  });

  it('rejects input over the length limit with its span', () => {
    const text = 'x+'.repeat(300) + 'x';
    expect(errorOf(text)).toEqual({
      message: `expression is too long (${text.length} characters; the limit is ${MAX_EXPRESSION_LENGTH})`,
      position: MAX_EXPRESSION_LENGTH,
      length: text.length - MAX_EXPRESSION_LENGTH,
    });
    expect(compileExpression('x+'.repeat(249) + 'x').ok).toBe(true);
  });

  it('rejects deep nesting with a clear message instead of overflowing the stack', () => {
    const nested = '('.repeat(100) + 'x' + ')'.repeat(100);
    expect(errorOf(nested).message).toBe('expression is nested too deeply (more than 64 levels)');
    expect(errorOf('-'.repeat(100) + 'x').message).toMatch(/nested too deeply/);
    expect(errorOf(Array(100).fill('x').join('^')).message).toMatch(/nested too deeply/);
    expect(compileExpression('('.repeat(60) + 'x' + ')'.repeat(60)).ok).toBe(true);
  });

  it('never throws on non-string input from untyped callers', () => {
    const r = parseExpression(undefined as unknown as string);
    expect(r.ok).toBe(false);
    expect(compileExpression(42 as unknown as string).ok).toBe(false);
  });
});
