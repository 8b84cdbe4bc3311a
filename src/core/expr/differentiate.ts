import {
  ONE,
  ZERO,
  add,
  call,
  div,
  makeDependsOnVariables,
  mul,
  negate,
  num,
  pow,
  select,
  sub,
  type Expr,
  type VariableIndex,
} from './ast.ts';

/**
 * Symbolic partial derivative ∂e/∂w(index). The result is unsimplified (run it through the simplifier)
 * and shares subtrees with `e`. Memoised over the DAG, so differentiating a derivative stays linear
 * in the size of the DAG.
 *
 * Rules beyond the textbook ones:
 * - abs'(u) = sign(u)·u', sign'(u) = 0 (derivatives at the kink are the subgradient 0);
 * - min(a, b)' = select(a <= b, a', b'), max(a, b)' = select(a >= b, a', b'): the active branch;
 * - (a^b)' = b·a^(b-1)·a' when b does not depend on w (numbers and named constants),
 *   a^b·log(a)·b' when a does not, and a^b·(b'·log(a) + b·a'/a) otherwise.
 */
export function makeDifferentiator(index: VariableIndex): (e: Expr) => Expr {
  const memo = new Map<Expr, Expr>();
  const dependsOnW = makeDependsOnVariables();
  const d = (e: Expr): Expr => {
    const known = memo.get(e);
    if (known !== undefined) return known;
    const result = dependsOnW(e) ? rule(e) : ZERO;
    memo.set(e, result);
    return result;
  };
  const rule = (e: Expr): Expr => {
    switch (e.kind) {
      case 'number':
      case 'mathConstant':
      case 'constant':
        return ZERO;
      case 'variable':
        return e.index === index ? ONE : ZERO;
      case 'negate':
        return negate(d(e.arg));
      case 'binary': {
        const { left: a, right: b } = e;
        switch (e.op) {
          case '+':
            return add(d(a), d(b));
          case '-':
            return sub(d(a), d(b));
          case '*':
            return add(mul(d(a), b), mul(a, d(b)));
          case '/':
            if (!dependsOnW(b)) return div(d(a), b);
            if (!dependsOnW(a)) return negate(div(mul(a, d(b)), pow(b, num(2))));
            return div(sub(mul(d(a), b), mul(a, d(b))), pow(b, num(2)));
          case '^':
            if (!dependsOnW(b)) return mul(mul(b, pow(a, sub(b, ONE))), d(a));
            if (!dependsOnW(a)) return mul(mul(e, call('log', a)), d(b));
            return mul(e, add(mul(d(b), call('log', a)), div(mul(b, d(a)), a)));
        }
        break;
      }
      case 'call': {
        const u = e.arg;
        const du = d(u);
        switch (e.fn) {
          case 'sqrt':
            return div(du, mul(num(2), e));
          case 'exp':
            return mul(e, du);
          case 'log':
            return div(du, u);
          case 'sin':
            return mul(call('cos', u), du);
          case 'cos':
            return negate(mul(call('sin', u), du));
          case 'tanh':
            return mul(sub(ONE, pow(e, num(2))), du);
          case 'abs':
            return mul(call('sign', u), du);
          case 'sign':
            return ZERO;
        }
        break;
      }
      case 'call2':
        return select(e.fn === 'min' ? '<=' : '>=', e.a, e.b, d(e.a), d(e.b));
      case 'select':
        return select(e.cmp, e.left, e.right, d(e.ifTrue), d(e.ifFalse));
    }
    return ZERO;
  };
  return d;
}
