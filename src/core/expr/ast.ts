/**
 * Syntax tree of the surface expression language, plus small constructors and queries.
 * Trees are immutable; derivative trees share subtrees with their source (they are DAGs).
 */

export type UnaryFunction = 'sqrt' | 'exp' | 'log' | 'sin' | 'cos' | 'tanh' | 'abs' | 'sign';
export type BinaryFunction = 'min' | 'max';
export type BinaryOperator = '+' | '-' | '*' | '/' | '^';
/** Comparison of a `select` node: `left <= right` or `left >= right`. */
export type Comparison = '<=' | '>=';
export type MathConstantName = 'pi' | 'e';
/** 0 = w1 (alias x), 1 = w2 (alias y). */
export type VariableIndex = 0 | 1;

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'mathConstant'; readonly name: MathConstantName }
  | { readonly kind: 'variable'; readonly index: VariableIndex }
  /** A caller-named constant (slider). Kept symbolic: derivatives never need re-deriving when it changes. */
  | { readonly kind: 'constant'; readonly name: string }
  | { readonly kind: 'negate'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: UnaryFunction; readonly arg: Expr }
  | { readonly kind: 'call2'; readonly fn: BinaryFunction; readonly a: Expr; readonly b: Expr }
  /** `(left cmp right) ? ifTrue : ifFalse`; produced by differentiating min/max, not typed by users. */
  | {
      readonly kind: 'select';
      readonly cmp: Comparison;
      readonly left: Expr;
      readonly right: Expr;
      readonly ifTrue: Expr;
      readonly ifFalse: Expr;
    };

export const UNARY_FUNCTIONS: readonly UnaryFunction[] = [
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'tanh',
  'abs',
  'sign',
];
export const BINARY_FUNCTIONS: readonly BinaryFunction[] = ['min', 'max'];
export const MATH_CONSTANTS: Readonly<Record<MathConstantName, number>> = { pi: Math.PI, e: Math.E };
export const VARIABLE_NAMES: Readonly<Record<string, VariableIndex>> = { w1: 0, w2: 1, x: 0, y: 1 };

const RESERVED = new Set<string>([...UNARY_FUNCTIONS, ...BINARY_FUNCTIONS, 'pi', 'e', 'w1', 'w2', 'x', 'y']);

/** Names that can never be user constants: variables, functions, pi and e. */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

export function isUnaryFunction(name: string): name is UnaryFunction {
  return (UNARY_FUNCTIONS as readonly string[]).includes(name);
}

export function isBinaryFunction(name: string): name is BinaryFunction {
  return (BINARY_FUNCTIONS as readonly string[]).includes(name);
}

export const ZERO: Expr = { kind: 'number', value: 0 };
export const ONE: Expr = { kind: 'number', value: 1 };

export function num(value: number): Expr {
  // Normalise -0 so printing never shows "-0".
  if (value === 0) return ZERO;
  if (value === 1) return ONE;
  return { kind: 'number', value };
}

export function variable(index: VariableIndex): Expr {
  return { kind: 'variable', index };
}

export function negate(arg: Expr): Expr {
  return { kind: 'negate', arg };
}

export function binary(op: BinaryOperator, left: Expr, right: Expr): Expr {
  return { kind: 'binary', op, left, right };
}

export const add = (l: Expr, r: Expr): Expr => binary('+', l, r);
export const sub = (l: Expr, r: Expr): Expr => binary('-', l, r);
export const mul = (l: Expr, r: Expr): Expr => binary('*', l, r);
export const div = (l: Expr, r: Expr): Expr => binary('/', l, r);
export const pow = (l: Expr, r: Expr): Expr => binary('^', l, r);

export function call(fn: UnaryFunction, arg: Expr): Expr {
  return { kind: 'call', fn, arg };
}

export function call2(fn: BinaryFunction, a: Expr, b: Expr): Expr {
  return { kind: 'call2', fn, a, b };
}

export function select(cmp: Comparison, left: Expr, right: Expr, ifTrue: Expr, ifFalse: Expr): Expr {
  return { kind: 'select', cmp, left, right, ifTrue, ifFalse };
}

export function isNumber(e: Expr, value?: number): e is { kind: 'number'; value: number } {
  return e.kind === 'number' && (value === undefined || e.value === value);
}

/** Children of a node, in evaluation order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'number':
    case 'mathConstant':
    case 'variable':
    case 'constant':
      return [];
    case 'negate':
    case 'call':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'call2':
      return [e.a, e.b];
    case 'select':
      return [e.left, e.right, e.ifTrue, e.ifFalse];
  }
}

/** Memoised over the DAG: does the tree read w1 or w2? */
export function makeDependsOnVariables(): (e: Expr) => boolean {
  const memo = new Map<Expr, boolean>();
  const visit = (e: Expr): boolean => {
    const known = memo.get(e);
    if (known !== undefined) return known;
    const result = e.kind === 'variable' || children(e).some(visit);
    memo.set(e, result);
    return result;
  };
  return visit;
}

/** Does the tree read a named constant? */
export function makeDependsOnConstants(): (e: Expr) => boolean {
  const memo = new Map<Expr, boolean>();
  const visit = (e: Expr): boolean => {
    const known = memo.get(e);
    if (known !== undefined) return known;
    const result = e.kind === 'constant' || children(e).some(visit);
    memo.set(e, result);
    return result;
  };
  return visit;
}

/**
 * Number of nodes when the DAG is expanded as a tree (what printing and closure evaluation cost),
 * saturating at `cap + 1` so huge trees are counted cheaply.
 */
export function treeSize(e: Expr, cap: number): number {
  const memo = new Map<Expr, number>();
  const visit = (node: Expr): number => {
    const known = memo.get(node);
    if (known !== undefined) return known;
    let total = 1;
    for (const c of children(node)) {
      total += visit(c);
      if (total > cap) {
        total = cap + 1;
        break;
      }
    }
    memo.set(node, total);
    return total;
  };
  return visit(e);
}
