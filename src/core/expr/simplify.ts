import {
  ONE,
  ZERO,
  binary,
  call,
  call2,
  isNumber,
  negate,
  num,
  select,
  type Expr,
  type UnaryFunction,
} from './ast.ts';

/**
 * Algebraic clean-up for derivative trees. Correct rather than clever: constant folding (only to finite
 * numbers, and for functions only to whole numbers so `sqrt(2)` stays readable), x+0, x*0, x*1, x/1,
 * x^1, x^0, -(-x), sign normalisation (a + -b → a - b) and one numeric coefficient per product.
 * Named constants stay symbolic. Memoised by node identity so shared subtrees stay shared.
 */
export function makeSimplifier(): (e: Expr) => Expr {
  const memo = new Map<Expr, Expr>();
  const simplify = (e: Expr): Expr => {
    const known = memo.get(e);
    if (known !== undefined) return known;
    const result = simplifyNode(e, simplify);
    memo.set(e, result);
    return result;
  };
  return simplify;
}

export const UNARY_IMPL: Readonly<Record<UnaryFunction, (x: number) => number>> = {
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
  sin: Math.sin,
  cos: Math.cos,
  tanh: Math.tanh,
  abs: Math.abs,
  sign: Math.sign,
};

function folded(value: number): Expr | null {
  return Number.isFinite(value) ? num(value) : null;
}

function simplifyNode(e: Expr, simplify: (e: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'number':
    case 'mathConstant':
    case 'variable':
    case 'constant':
      return e;
    case 'negate':
      return negated(simplify(e.arg));
    case 'binary': {
      const l = simplify(e.left);
      const r = simplify(e.right);
      switch (e.op) {
        case '+':
          return simplifyAdd(l, r);
        case '-':
          return simplifySub(l, r);
        case '*':
          return simplifyMul(l, r);
        case '/':
          return simplifyDiv(l, r);
        case '^':
          return simplifyPow(l, r);
      }
      break;
    }
    case 'call': {
      const arg = simplify(e.arg);
      if (isNumber(arg)) {
        const v = UNARY_IMPL[e.fn](arg.value);
        if (Number.isFinite(v) && (Number.isInteger(v) || e.fn === 'abs' || e.fn === 'sign')) return num(v);
      }
      if (e.fn === 'log' && arg.kind === 'mathConstant' && arg.name === 'e') return ONE;
      if ((e.fn === 'abs' || e.fn === 'sign') && arg.kind === 'call' && arg.fn === e.fn) return arg;
      return arg === e.arg ? e : call(e.fn, arg);
    }
    case 'call2': {
      const a = simplify(e.a);
      const b = simplify(e.b);
      if (isNumber(a) && isNumber(b)) {
        const v = e.fn === 'min' ? Math.min(a.value, b.value) : Math.max(a.value, b.value);
        const f = folded(v);
        if (f !== null) return f;
      }
      return a === e.a && b === e.b ? e : call2(e.fn, a, b);
    }
    case 'select': {
      const left = simplify(e.left);
      const right = simplify(e.right);
      const ifTrue = simplify(e.ifTrue);
      const ifFalse = simplify(e.ifFalse);
      if (isNumber(left) && isNumber(right)) {
        const holds = e.cmp === '<=' ? left.value <= right.value : left.value >= right.value;
        return holds ? ifTrue : ifFalse;
      }
      if (ifTrue === ifFalse || (isNumber(ifTrue) && isNumber(ifFalse, ifTrue.value))) return ifTrue;
      return select(e.cmp, left, right, ifTrue, ifFalse);
    }
  }
  return e;
}

/** -e, simplified: folds numbers, removes double negation, pushes the sign into a coefficient. */
export function negated(a: Expr): Expr {
  if (isNumber(a)) return num(-a.value);
  if (a.kind === 'negate') return a.arg;
  if (a.kind === 'binary') {
    if (a.op === '*' && isNumber(a.left)) return withCoefficient(-a.left.value, a.right);
    if (a.op === '/' && isNumber(a.left)) return binary('/', num(-a.left.value), a.right);
    if (a.op === '-') return binary('-', a.right, a.left);
  }
  return negate(a);
}

/** If `e` reads as a negative quantity (-x, -3, -2*x), its positive counterpart; otherwise null. */
function positivePart(e: Expr): Expr | null {
  if (isNumber(e)) return e.value < 0 ? num(-e.value) : null;
  if (e.kind === 'negate') return e.arg;
  if (e.kind === 'binary' && e.op === '*' && isNumber(e.left) && e.left.value < 0) {
    return withCoefficient(-e.left.value, e.right);
  }
  return null;
}

/** c * rest in canonical form (rest already simplified and free of a numeric coefficient). */
function withCoefficient(c: number, rest: Expr): Expr {
  if (c === 0) return ZERO;
  if (c === 1) return rest;
  if (c === -1) return negate(rest);
  return binary('*', num(c), rest);
}

function simplifyAdd(l: Expr, r: Expr): Expr {
  if (isNumber(l) && isNumber(r)) {
    const f = folded(l.value + r.value);
    if (f !== null) return f;
  }
  if (isNumber(l, 0)) return r;
  if (isNumber(r, 0)) return l;
  const rPos = positivePart(r);
  if (rPos !== null) return binary('-', l, rPos);
  const lPos = positivePart(l);
  if (lPos !== null && l.kind === 'negate') return binary('-', r, lPos);
  return binary('+', l, r);
}

function simplifySub(l: Expr, r: Expr): Expr {
  if (isNumber(l) && isNumber(r)) {
    const f = folded(l.value - r.value);
    if (f !== null) return f;
  }
  if (isNumber(r, 0)) return l;
  if (isNumber(l, 0)) return negated(r);
  const rPos = positivePart(r);
  if (rPos !== null) return simplifyAdd(l, rPos);
  return binary('-', l, r);
}

/** Multiply out numeric factors (through products and negations) into one leading coefficient. */
function collectFactors(e: Expr, factors: Expr[]): number {
  if (isNumber(e)) return e.value;
  if (e.kind === 'negate') return -collectFactors(e.arg, factors);
  if (e.kind === 'binary' && e.op === '*')
    return collectFactors(e.left, factors) * collectFactors(e.right, factors);
  factors.push(e);
  return 1;
}

function simplifyMul(l: Expr, r: Expr): Expr {
  const factors: Expr[] = [];
  const c = collectFactors(l, factors) * collectFactors(r, factors);
  if (!Number.isFinite(c)) return binary('*', l, r);
  if (c === 0) return ZERO;
  let product: Expr | null = null;
  for (const f of factors) product = product === null ? f : binary('*', product, f);
  return product === null ? num(c) : withCoefficient(c, product);
}

function simplifyDiv(l: Expr, r: Expr): Expr {
  if (isNumber(l) && isNumber(r)) {
    const f = folded(l.value / r.value);
    if (f !== null) return f;
  }
  if (isNumber(r, 1)) return l;
  if (isNumber(r, -1)) return negated(l);
  if (isNumber(l, 0)) return ZERO;
  if (l.kind === 'negate') return negated(simplifyDiv(l.arg, r));
  if (r.kind === 'negate') return negated(simplifyDiv(l, r.arg));
  if (isNumber(r) && r.value !== 0 && l.kind === 'binary' && l.op === '*' && isNumber(l.left)) {
    const c = l.left.value / r.value;
    if (Number.isFinite(c) && c !== 0) return withCoefficient(c, l.right);
  }
  return binary('/', l, r);
}

function simplifyPow(base: Expr, exponent: Expr): Expr {
  if (isNumber(base) && isNumber(exponent)) {
    const f = folded(Math.pow(base.value, exponent.value));
    if (f !== null) return f;
  }
  if (isNumber(exponent, 0)) return ONE;
  if (isNumber(exponent, 1)) return base;
  return binary('^', base, exponent);
}
