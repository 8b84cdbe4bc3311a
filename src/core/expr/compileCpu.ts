import { MATH_CONSTANTS, type Expr } from './ast.ts';
import { UNARY_IMPL } from './simplify.ts';

/**
 * A compiled tree: evaluates at (w1, w2) reading named constants from `c` (indexed as in the
 * `constantIndex` given to compileCpu). Undefined points (log of a negative, 0/0, …) give NaN.
 */
export type CpuFunction = (w1: number, w2: number, c: Float64Array) => number;

/**
 * Compile a tree to nested closures — no eval / new Function, so it runs under a strict CSP.
 * Constants are read at call time, so rebinding them never recompiles. Shared subtrees share closures.
 */
export function compileCpu(root: Expr, constantIndex: ReadonlyMap<string, number>): CpuFunction {
  const memo = new Map<Expr, CpuFunction>();
  const compile = (e: Expr): CpuFunction => {
    const known = memo.get(e);
    if (known !== undefined) return known;
    const fn = compileNode(e, compile, constantIndex);
    memo.set(e, fn);
    return fn;
  };
  return compile(root);
}

function compileNode(
  e: Expr,
  compile: (e: Expr) => CpuFunction,
  constantIndex: ReadonlyMap<string, number>,
): CpuFunction {
  switch (e.kind) {
    case 'number': {
      const v = e.value;
      return () => v;
    }
    case 'mathConstant': {
      const v = MATH_CONSTANTS[e.name];
      return () => v;
    }
    case 'variable':
      return e.index === 0 ? (w1) => w1 : (_w1, w2) => w2;
    case 'constant': {
      const i = constantIndex.get(e.name);
      if (i === undefined) return () => Number.NaN;
      return (_w1, _w2, c) => c[i] ?? Number.NaN;
    }
    case 'negate': {
      const a = compile(e.arg);
      return (w1, w2, c) => -a(w1, w2, c);
    }
    case 'binary': {
      const l = compile(e.left);
      const r = compile(e.right);
      switch (e.op) {
        case '+':
          return (w1, w2, c) => l(w1, w2, c) + r(w1, w2, c);
        case '-':
          return (w1, w2, c) => l(w1, w2, c) - r(w1, w2, c);
        case '*':
          return (w1, w2, c) => l(w1, w2, c) * r(w1, w2, c);
        case '/':
          return (w1, w2, c) => l(w1, w2, c) / r(w1, w2, c);
        case '^':
          // Math.pow gives real results for integer powers of negative bases: (-2)^3 = -8.
          if (e.right.kind === 'number' && e.right.value === 2) {
            return (w1, w2, c) => {
              const b = l(w1, w2, c);
              return b * b;
            };
          }
          return (w1, w2, c) => Math.pow(l(w1, w2, c), r(w1, w2, c));
      }
      break;
    }
    case 'call': {
      const a = compile(e.arg);
      const f = UNARY_IMPL[e.fn];
      return (w1, w2, c) => f(a(w1, w2, c));
    }
    case 'call2': {
      const a = compile(e.a);
      const b = compile(e.b);
      return e.fn === 'min'
        ? (w1, w2, c) => Math.min(a(w1, w2, c), b(w1, w2, c))
        : (w1, w2, c) => Math.max(a(w1, w2, c), b(w1, w2, c));
    }
    case 'select': {
      const l = compile(e.left);
      const r = compile(e.right);
      const t = compile(e.ifTrue);
      const f = compile(e.ifFalse);
      return e.cmp === '<='
        ? (w1, w2, c) => (l(w1, w2, c) <= r(w1, w2, c) ? t(w1, w2, c) : f(w1, w2, c))
        : (w1, w2, c) => (l(w1, w2, c) >= r(w1, w2, c) ? t(w1, w2, c) : f(w1, w2, c));
    }
  }
  return () => Number.NaN;
}
