import { makeDependsOnConstants, makeDependsOnVariables, type Expr } from './ast.ts';
import { compileCpu } from './compileCpu.ts';

export interface WgslOptions {
  /**
   * Read named constants at run time from this WGSL array instead of inlining their current values
   * as literals. Element i holds `constantNames[i]`. The caller declares it, e.g.
   * `@group(0) @binding(2) var<storage, read> surface_constants: array<f32>;` (layout 'f32'), or a
   * uniform `array<vec4<f32>, N>` (layout 'vec4': element i is `name[i / 4][i % 4]`, because arrays
   * in the uniform address space need a 16-byte stride). May be a member path such as `params.c`.
   */
  readonly constantsArray?: string;
  readonly constantsLayout?: 'f32' | 'vec4';
  /** Prefix of every emitted function name; default 'surface' (surface_value, surface_gradient, …). */
  readonly prefix?: string;
}

export interface WgslInput {
  readonly value: Expr;
  readonly gradient: readonly [Expr, Expr];
  readonly hessian: readonly [Expr, Expr, Expr];
  readonly constantNames: readonly string[];
  /** Current values, in the order of constantNames (used when constants are inlined). */
  readonly constantValues: ArrayLike<number>;
  /** The source text, echoed in a comment. */
  readonly source?: string;
}

const F32_MAX = 3.4028234663852886e38;
const F32_MIN_NORMAL = 1.1754943508222875e-38;
const IDENTIFIER_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * A WGSL decimal float literal with a decimal point (`2.0`, `2.5e-7`), or a call to a helper for values
 * a literal cannot hold: WGSL has no inf/NaN literals, and a const-expression that overflows is a
 * shader-creation error. Out-of-range magnitudes become ±inf (as f32 would), subnormals 0.0.
 */
function literal(v: number, helpers: Set<Helper>, prefix: string): string {
  if (Number.isNaN(v)) {
    helpers.add('nan');
    return `${prefix}_nan()`;
  }
  if (Math.abs(v) > F32_MAX) {
    helpers.add('inf');
    return v > 0 ? `${prefix}_inf()` : `(-${prefix}_inf())`;
  }
  if (Math.abs(v) < F32_MIN_NORMAL) return '0.0';
  let text = String(Math.abs(v));
  const [mantissa, exponent] = text.split('e');
  if (exponent !== undefined && mantissa !== undefined) {
    text = `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${exponent}`;
  } else if (!text.includes('.')) {
    text = `${text}.0`;
  }
  return v < 0 ? `(-${text})` : text;
}

type Helper = 'nan' | 'inf' | 'sqrt' | 'log' | 'pow';

const HELPER_ORDER: readonly Helper[] = ['nan', 'inf', 'sqrt', 'log', 'pow'];

function helperSource(h: Helper, p: string): string {
  switch (h) {
    case 'nan':
      // Through a `var` so it is not a const-expression (which may not evaluate to NaN).
      return `fn ${p}_nan() -> f32 {\n  var bits = 0x7fc00000u;\n  return bitcast<f32>(bits);\n}`;
    case 'inf':
      return `fn ${p}_inf() -> f32 {\n  var bits = 0x7f800000u;\n  return bitcast<f32>(bits);\n}`;
    case 'sqrt':
      return `fn ${p}_sqrt(x: f32) -> f32 {\n  if (x < 0.0) { return ${p}_nan(); }\n  return sqrt(x);\n}`;
    case 'log':
      return [
        `fn ${p}_log(x: f32) -> f32 {`,
        `  if (x < 0.0) { return ${p}_nan(); }`,
        `  if (x == 0.0) { return -${p}_inf(); }`,
        '  return log(x);',
        '}',
      ].join('\n');
    case 'pow':
      // WGSL pow(x, y) is undefined for x < 0 (and for x = 0, y <= 0); match Math.pow instead.
      return [
        `fn ${p}_pow(x: f32, y: f32) -> f32 {`,
        '  if (y == 0.0) { return 1.0; }',
        `  if (x == 0.0) { if (y > 0.0) { return 0.0; } return ${p}_inf(); }`,
        '  if (x < 0.0) {',
        `    if (y != round(y)) { return ${p}_nan(); }`,
        '    let m = pow(-x, y);',
        '    if (fract(y * 0.5) != 0.0) { return -m; }',
        '    return m;',
        '  }',
        '  return pow(x, y);',
        '}',
      ].join('\n');
  }
}

interface Context {
  readonly prefix: string;
  readonly helpers: Set<Helper>;
  readonly constantRef: (name: string) => string;
  /** Whether the subtree can be folded to one literal now (no w, and no run-time constants). */
  readonly foldable: (e: Expr) => boolean;
  readonly evaluate: (e: Expr) => number;
}

/** Emits one function body as `let` statements; identical code is bound once (CSE by text). */
class BodyEmitter {
  readonly lines: string[] = [];
  private readonly byCode = new Map<string, string>();
  private readonly memo = new Map<Expr, string>();

  constructor(private readonly ctx: Context) {}

  private lit(v: number): string {
    return literal(v, this.ctx.helpers, this.ctx.prefix);
  }

  private bind(code: string): string {
    const known = this.byCode.get(code);
    if (known !== undefined) return known;
    const name = `t${this.byCode.size}`;
    this.byCode.set(code, name);
    this.lines.push(`  let ${name} = ${code};`);
    return name;
  }

  ref(e: Expr): string {
    const known = this.memo.get(e);
    if (known !== undefined) return known;
    const r = this.emit(e);
    this.memo.set(e, r);
    return r;
  }

  /** b^n for a whole number n: repeated squaring, so negative bases work (WGSL pow would not). */
  private wholePower(b: string, n: number): string {
    if (n === 0) return '1.0';
    if (n < 0) return this.bind(`1.0 / ${this.wholePower(b, -n)}`);
    if (n === 1) return b;
    if (n > 2 ** 53) {
      // Every double this large is an even integer: b^n = |b|^n.
      this.ctx.helpers.add('pow').add('nan').add('inf');
      return this.bind(`${this.ctx.prefix}_pow(abs(${b}), ${this.lit(n)})`);
    }
    if (n % 2 === 0) {
      const h = this.wholePower(b, n / 2);
      return this.bind(`${h} * ${h}`);
    }
    return this.bind(`${this.wholePower(b, n - 1)} * ${b}`);
  }

  private emit(e: Expr): string {
    const { ctx } = this;
    const p = ctx.prefix;
    if (e.kind === 'number') return this.lit(e.value);
    if (e.kind === 'variable') return e.index === 0 ? 'w.x' : 'w.y';
    if (ctx.foldable(e)) return this.lit(ctx.evaluate(e));
    switch (e.kind) {
      case 'mathConstant':
        return this.lit(ctx.evaluate(e));
      case 'constant':
        return ctx.constantRef(e.name);
      case 'negate':
        return this.bind(`-${this.ref(e.arg)}`);
      case 'binary': {
        const a = this.ref(e.left);
        if (e.op === '^') {
          if (ctx.foldable(e.right)) {
            const n = ctx.evaluate(e.right);
            if (Number.isInteger(n)) return this.wholePower(a, n);
          }
          ctx.helpers.add('pow').add('nan').add('inf');
          return this.bind(`${p}_pow(${a}, ${this.ref(e.right)})`);
        }
        return this.bind(`${a} ${e.op} ${this.ref(e.right)}`);
      }
      case 'call': {
        const a = this.ref(e.arg);
        switch (e.fn) {
          case 'sqrt':
          case 'log':
            ctx.helpers.add(e.fn).add('nan').add('inf');
            return this.bind(`${p}_${e.fn}(${a})`);
          case 'tanh':
            // Some backends compute tanh through exp and return NaN for large |x|; tanh(±15) is ±1 in f32.
            return this.bind(`tanh(clamp(${a}, -15.0, 15.0))`);
          default:
            return this.bind(`${e.fn}(${a})`);
        }
      }
      case 'call2':
        return this.bind(`${e.fn}(${this.ref(e.a)}, ${this.ref(e.b)})`);
      case 'select': {
        const cond = `${this.ref(e.left)} ${e.cmp} ${this.ref(e.right)}`;
        return this.bind(`select(${this.ref(e.ifFalse)}, ${this.ref(e.ifTrue)}, ${cond})`);
      }
    }
  }
}

/**
 * WGSL source defining `<prefix>_value(w: vec2<f32>) -> f32`, `<prefix>_gradient(w) -> vec2<f32>` and
 * `<prefix>_hessian(w) -> vec3<f32>` (= [∂²/∂w1², ∂²/∂w1∂w2, ∂²/∂w2²]), plus the helpers they use
 * (`<prefix>_nan`, `_inf`, `_sqrt`, `_log`, `_pow`). Undefined points evaluate to NaN as on the CPU.
 */
export function compileWgsl(input: WgslInput, options: WgslOptions = {}): string {
  const prefix = options.prefix ?? 'surface';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix) || prefix.startsWith('__')) {
    throw new TypeError(`invalid WGSL function prefix '${prefix}'`);
  }
  const arrayName = options.constantsArray;
  if (arrayName !== undefined && !IDENTIFIER_PATH.test(arrayName)) {
    throw new TypeError(`invalid WGSL constants array name '${arrayName}'`);
  }
  const vec4 = options.constantsLayout === 'vec4';
  const index = new Map(input.constantNames.map((name, i) => [name, i] as const));
  const values = Float64Array.from(input.constantNames, (_, i) => input.constantValues[i] ?? Number.NaN);
  const helpers = new Set<Helper>();
  const dependsOnW = makeDependsOnVariables();
  const dependsOnConstants = makeDependsOnConstants();
  const ctx: Context = {
    prefix,
    helpers,
    constantRef: (name) => {
      const i = index.get(name) ?? 0;
      if (arrayName === undefined) return literal(values[i] ?? Number.NaN, helpers, prefix);
      return vec4 ? `${arrayName}[${i >> 2}][${i & 3}]` : `${arrayName}[${i}]`;
    },
    foldable: (e) => !dependsOnW(e) && (arrayName === undefined || !dependsOnConstants(e)),
    evaluate: (e) => compileCpu(e, index)(0, 0, values),
  };

  const fn = (name: string, type: string, roots: readonly Expr[]): string => {
    const body = new BodyEmitter(ctx);
    const refs = roots.map((r) => body.ref(r));
    const result = refs.length === 1 ? refs[0] : `${type}(${refs.join(', ')})`;
    return [
      `fn ${prefix}_${name}(w: vec2<f32>) -> ${type} {`,
      ...body.lines,
      `  return ${result};`,
      '}',
    ].join('\n');
  };
  const functions = [
    fn('value', 'f32', [input.value]),
    fn('gradient', 'vec2<f32>', input.gradient),
    fn('hessian', 'vec3<f32>', input.hessian),
  ];

  const header = ['// Generated by Optiscope (src/core/expr). Do not edit.'];
  if (input.source !== undefined) {
    header.push(`// f(w1, w2) = ${input.source.replace(/[^\x20-\x7e]+/g, ' ').slice(0, 500)}`);
  }
  if (input.constantNames.length > 0) {
    const where = input.constantNames.map((name, i) =>
      arrayName === undefined
        ? `${name} = ${values[i]} (inlined)`
        : `${name} = ${vec4 ? `${arrayName}[${i >> 2}][${i & 3}]` : `${arrayName}[${i}]`}`,
    );
    header.push(`// constants: ${where.join(', ')}`);
  }
  const helperCode = HELPER_ORDER.filter((h) => helpers.has(h)).map((h) => helperSource(h, prefix));
  return [header.join('\n'), ...helperCode, ...functions].join('\n\n') + '\n';
}
