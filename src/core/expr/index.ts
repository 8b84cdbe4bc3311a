/**
 * The expression language of user-typed loss surfaces f(w1, w2): parse, differentiate symbolically,
 * compile to CPU closures and to WGSL. Pure (no DOM), CSP-safe (no eval / new Function), and total:
 * every input string yields either a surface or an `ExpressionError`, never an exception.
 *
 * Language: numbers (2, 2.5, .5, 1e-3), + - * / and ^ (also **; right-associative and tighter than a
 * unary sign: -x^2 = -(x^2), 2^3^2 = 512), parentheses, the variables w1, w2 (aliases x, y), pi, e,
 * sqrt exp log sin cos tanh abs sign (one argument), min max (two), and named constants declared by
 * the caller. No implicit multiplication (`2x` is an error). At most 500 characters, 64 levels deep.
 */
import { treeSize, type Expr } from './ast.ts';
import { compileCpu, type CpuFunction } from './compileCpu.ts';
import { compileWgsl, type WgslOptions } from './compileWgsl.ts';
import { makeDifferentiator } from './differentiate.ts';
import { MAX_DERIVATIVE_NODES, expressionError, type ExpressionError } from './errors.ts';
import { parseExpression } from './parser.ts';
import { printExpression, printLatex } from './print.ts';
import { makeSimplifier } from './simplify.ts';

export type { Expr } from './ast.ts';
export type { ExpressionError } from './errors.ts';
export { MAX_DERIVATIVE_NODES, MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH } from './errors.ts';
export { compileWgsl } from './compileWgsl.ts';
export type { WgslInput, WgslOptions } from './compileWgsl.ts';
export { findConstants, parseExpression } from './parser.ts';
export type { ParseOptions, ParsedExpression } from './parser.ts';
export { printExpression, printLatex } from './print.ts';

export interface CompileOptions {
  /**
   * Accept unknown identifiers (not followed by '(') as named constants instead of reporting
   * "unknown variable". Their value comes from `constants`, else `freeConstantDefault`.
   */
  readonly allowFreeConstants?: boolean;
  /** Value of a free constant missing from `constants`; default 1. */
  readonly freeConstantDefault?: number;
}

export interface DerivativeText {
  /** ∂f/∂w1, simplified, in the expression language. */
  readonly d1: string;
  /** ∂f/∂w2. */
  readonly d2: string;
}

export interface SurfaceTrees {
  readonly value: Expr;
  readonly gradient: readonly [Expr, Expr];
  /** [∂²/∂w1², ∂²/∂w1∂w2, ∂²/∂w2²] */
  readonly hessian: readonly [Expr, Expr, Expr];
}

export interface CompiledExpression {
  /** The text it was compiled from. */
  readonly source: string;
  /** Named constants the expression reads, in order of first appearance (= WGSL array order). */
  readonly constantNames: readonly string[];
  /** Current constant values by name. */
  readonly constants: Readonly<Record<string, number>>;
  /** f(w1, w2); NaN where undefined (log of a negative, 0/0, …): treat as a gap. */
  readonly value: (w1: number, w2: number) => number;
  readonly gradient: (w1: number, w2: number) => [number, number];
  /** [∂²f/∂w1², ∂²f/∂w1∂w2, ∂²f/∂w2²] */
  readonly hessian: (w1: number, w2: number) => [number, number, number];
  /** Same surface with some constants changed (others kept; unknown names ignored). No re-derivation. */
  readonly withConstants: (values: Readonly<Record<string, number>>) => CompiledExpression;
  /** Current constant values in `constantNames` order, for the WGSL constants buffer. */
  readonly constantValues: () => number[];
  /**
   * WGSL with `surface_value`, `surface_gradient`, `surface_hessian` (see compileWgsl.ts). By default the
   * current constant values are inlined as literals (regenerate on slider change); pass
   * `{ constantsArray: 'name' }` to read them from a buffer instead. Throws TypeError only for an
   * invalid option name.
   */
  readonly toWgsl: (options?: WgslOptions) => string;
  /** Simplified first derivatives printed in the expression language (min/max give `(a <= b ? x : y)`). */
  readonly derivativeText: DerivativeText;
  /** LaTeX-like rendering of f for display, e.g. `w_1^{2} + 25 w_2^{2}`. */
  readonly latex: string;
  /** The trees: f as typed, and its simplified derivatives. */
  readonly trees: SurfaceTrees;
}

export type CompileResult =
  | { readonly ok: true; readonly surface: CompiledExpression }
  | { readonly ok: false; readonly error: ExpressionError };

interface Shared {
  readonly source: string;
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly trees: SurfaceTrees;
  readonly useXY: boolean;
  readonly value: CpuFunction;
  readonly gradient: readonly [CpuFunction, CpuFunction];
  readonly hessian: readonly [CpuFunction, CpuFunction, CpuFunction];
  derivativeText?: DerivativeText;
  latex?: string;
}

function bind(shared: Shared, c: Float64Array): CompiledExpression {
  const { value: f, gradient: g, hessian: h, names, index } = shared;
  const [g1, g2] = g;
  const [h11, h12, h22] = h;
  let constants: Record<string, number> | undefined;
  return {
    source: shared.source,
    constantNames: names,
    get constants() {
      constants ??= Object.fromEntries(names.map((name, i) => [name, c[i] ?? Number.NaN]));
      return constants;
    },
    value: (w1, w2) => f(w1, w2, c),
    gradient: (w1, w2) => [g1(w1, w2, c), g2(w1, w2, c)],
    hessian: (w1, w2) => [h11(w1, w2, c), h12(w1, w2, c), h22(w1, w2, c)],
    withConstants: (values) => {
      const next = Float64Array.from(c);
      for (const [name, v] of Object.entries(values ?? {})) {
        const i = index.get(name);
        if (i !== undefined && typeof v === 'number') next[i] = v;
      }
      return bind(shared, next);
    },
    constantValues: () => Array.from(c),
    toWgsl: (options) =>
      compileWgsl(
        {
          value: shared.trees.value,
          gradient: shared.trees.gradient,
          hessian: shared.trees.hessian,
          constantNames: names,
          constantValues: c,
          source: shared.source,
        },
        options,
      ),
    get derivativeText() {
      const opts = { useXY: shared.useXY };
      shared.derivativeText ??= {
        d1: printExpression(shared.trees.gradient[0], opts),
        d2: printExpression(shared.trees.gradient[1], opts),
      };
      return shared.derivativeText;
    },
    get latex() {
      shared.latex ??= printLatex(shared.trees.value, { useXY: shared.useXY });
      return shared.latex;
    },
    trees: shared.trees,
  };
}

/**
 * Compile a user-typed surface. `constants` declares named constants and their current values;
 * with `{ allowFreeConstants: true }` unknown identifiers become constants too (see findConstants).
 * Never throws.
 */
export function compileExpression(
  text: string,
  constants: Readonly<Record<string, number>> = {},
  options: CompileOptions = {},
): CompileResult {
  const given: Readonly<Record<string, number>> = constants ?? {};
  const parsed = parseExpression(text, {
    constants: Object.keys(given),
    allowFreeConstants: options.allowFreeConstants === true,
  });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    const { ast, constantNames, usesXY } = parsed.value;
    const simplify = makeSimplifier();
    const dw1 = makeDifferentiator(0);
    const dw2 = makeDifferentiator(1);
    const g1 = simplify(dw1(ast));
    const g2 = simplify(dw2(ast));
    const hessian = [simplify(dw1(g1)), simplify(dw2(g1)), simplify(dw2(g2))] as const;
    for (const tree of [g1, g2, ...hessian]) {
      if (treeSize(tree, MAX_DERIVATIVE_NODES) > MAX_DERIVATIVE_NODES) {
        return {
          ok: false,
          error: expressionError(
            `expression is too complex: its derivatives would have more than ${MAX_DERIVATIVE_NODES} terms`,
            0,
            text.length,
          ),
        };
      }
    }
    const index = new Map(constantNames.map((name, i) => [name, i] as const));
    const fallback = options.freeConstantDefault ?? 1;
    const values = Float64Array.from(constantNames, (name) => {
      const v = Object.hasOwn(given, name) ? given[name] : undefined;
      return typeof v === 'number' ? v : fallback;
    });
    const shared: Shared = {
      source: text,
      names: constantNames,
      index,
      trees: { value: ast, gradient: [g1, g2], hessian },
      useXY: usesXY,
      value: compileCpu(ast, index),
      gradient: [compileCpu(g1, index), compileCpu(g2, index)],
      hessian: [compileCpu(hessian[0], index), compileCpu(hessian[1], index), compileCpu(hessian[2], index)],
    };
    return { ok: true, surface: bind(shared, values) };
  } catch {
    return { ok: false, error: expressionError('could not compile the expression', 0, text.length) };
  }
}
