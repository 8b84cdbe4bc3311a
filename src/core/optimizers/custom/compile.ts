/**
 * A typed optimizer's definition (definition.ts) checked and compiled to the one-source rule form
 * (../rule.ts) and from there to a spec (../ruleStep.ts), so it runs wherever a built-in element-wise
 * optimizer runs: simulate, the CPU batch kernel (the spec-step loop) and the WGSL (ruleWgsl at runtime).
 *
 * Each line is parsed by the typed-surface parser (src/core/expr: its syntax, its 500-character and
 * 64-level limits, its positioned errors) and printed back as rule text, fully parenthesized, so the rule
 * evaluates exactly the tree the user typed — a typed Lion steps bit for bit as the built-in Lion. No
 * eval: the rule is data, evaluated by closures on the CPU and printed as WGSL for the GPU.
 *
 * Names a line may read: g (the gradient, per coordinate), w (the position), t (1-based step), lr (the
 * scheduled rate), loss, the hyperparameters, the state, and the locals set by earlier lines. A line
 * assigns a state variable, a local, `g` (it changes the gradient later lines see), `effective_lr`
 * (default lr), or the position: `w = w − X` is the step Δw = −X (exactly), `update = X` sets Δw itself.
 */
import { tokenize } from '../../expr/tokenizer';
import { parseExpression, printLatex, type Expr } from '../../expr';
import type { HyperparameterSpec } from '../../types';
import type { CompiledRule } from '../rule';
import { elementwiseSpec } from '../ruleStep';
import type { OptimizerSpec } from '../spec';
import { lrParam } from '../spec';
import {
  CUSTOM_LIMITS,
  CUSTOM_TYPE,
  customOptimizerSchema,
  type CustomOptimizerDefinition,
} from './definition';

/** Where a problem is: a section of the editor, a 0-based row in it, and the characters concerned. */
export interface CustomOptimizerError {
  readonly section: 'name' | 'state' | 'hyperparameters' | 'step' | 'definition';
  /** 0-based row of the section (a state variable, a hyperparameter, a step line); 0 for name/definition. */
  readonly row: number;
  /** 0-based character in that row's text, and how many characters. */
  readonly position: number;
  readonly length: number;
  readonly message: string;
  /** For a state variable: whether the problem is in its name or its initial value. */
  readonly part?: 'name' | 'value';
}

export type CustomCompileResult =
  | { readonly ok: true; readonly spec: OptimizerSpec<unknown>; readonly rule: CompiledRule }
  | { readonly ok: false; readonly errors: readonly CustomOptimizerError[] };

const INPUTS = ['g', 'w', 't', 'lr', 'loss'] as const;
const RULE_FUNCTIONS = new Set(['sqrt', 'abs', 'sign', 'exp', 'log', 'max', 'min']);
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,23}$/;
/**
 * Names a user may not give: the step's own, the expression language's, and words WGSL keeps for
 * itself (state and hyperparameters become WGSL struct fields).
 */
const RESERVED = new Set([
  ...INPUTS,
  'update',
  'effective_lr',
  'gradient_at',
  // the fields every optimizer has, in scenes and links
  'type',
  'label',
  'schedule',
  'sched',
  'clip',
  'noise',
  'off',
  'pi',
  'e',
  'w1',
  'w2',
  'x',
  'y',
  'sin',
  'cos',
  'tanh',
  'pow',
  ...RULE_FUNCTIONS,
  ...'alias array atomic bitcast bool break case const const_assert continue continuing default diagnostic discard else enable f16 f32 false fn for i32 if let loop mat2x2 mat3x3 mat4x4 override ptr requires return sampler struct switch true u32 var vec2 vec3 vec4 while hp s i r select NULL Self abstract active as asm async attribute auto await become cast catch class co_await co_return co_yield coherent column_major common compile concept constexpr constinit crate debugger decltype delete demote do dynamic_cast enum explicit export extends extern external fallthrough filter final finally friend from fxgroup get goto groupshared highp impl implements import inline instanceof interface layout lowp macro match mediump meta mod module move mut mutable namespace new nil noexcept noinline nointerpolation noperspective null nullptr of operator package packoffset partition pass patch pixelfragment precise precision premerge priv protected pub public readonly ref regardless register reinterpret_cast require resource restrict self set shared sizeof smooth snorm static static_assert static_cast std subroutine super target template this thread_local throw trait try type typedef typeid typename typeof union unless unorm unsafe unsized use using varying virtual volatile wgsl where with writeonly yield'.split(
    ' ',
  ),
]);

class Problems {
  readonly list: CustomOptimizerError[] = [];
  add(
    section: CustomOptimizerError['section'],
    row: number,
    position: number,
    length: number,
    message: string,
    part?: 'name' | 'value',
  ) {
    if (this.list.length < 20)
      this.list.push({ section, row, position, length, message, ...(part ? { part } : {}) });
  }
}

/** Whether a name can be given to a state variable or hyperparameter; a sentence saying why not. */
export function nameProblem(name: string): string | null {
  if (!NAME.test(name))
    return `'${name.slice(0, 24)}' is not a name: a letter, then letters, digits or _ (at most 24)`;
  if (RESERVED.has(name) || name in Object.prototype) return `'${name}' is a reserved name`;
  return null;
}

interface ParsedLine {
  readonly target: string;
  readonly targetAt: number;
  readonly exprAt: number;
  readonly ast: Expr;
}

/** Rule text for an expression tree, fully parenthesized so the rule parser rebuilds the same tree. */
function ruleText(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'mathConstant':
      return String(e.name === 'pi' ? Math.PI : Math.E);
    case 'constant':
      return e.name;
    case 'variable':
      throw new Error('w1/w2 in an update rule'); // refused before printing
    case 'negate':
      return `(-${ruleText(e.arg)})`;
    case 'binary':
      return e.op === '^'
        ? `pow(${ruleText(e.left)}, ${ruleText(e.right)})`
        : `(${ruleText(e.left)} ${e.op} ${ruleText(e.right)})`;
    case 'call':
      return `${e.fn}(${ruleText(e.arg)})`;
    case 'call2':
      return `${e.fn}(${ruleText(e.a)}, ${ruleText(e.b)})`;
    case 'select':
      throw new Error('select in an update rule'); // the parser never produces one
  }
}

/**
 * Parses one expression and checks every name it reads against `known`: the first problem is reported
 * at its characters (offset by `at`, where the expression starts in its row).
 */
function parseChecked(
  text: string,
  at: number,
  known: (name: string) => string | null,
  report: (position: number, length: number, message: string) => void,
): Expr | null {
  const parsed = parseExpression(text, { allowFreeConstants: true });
  if (!parsed.ok) {
    report(at + parsed.error.position, parsed.error.length, parsed.error.message);
    return null;
  }
  const tokens = tokenize(text);
  for (const [i, token] of tokens.entries()) {
    if (token.kind !== 'identifier') continue;
    const isCall = tokens[i + 1]?.kind === 'lparen';
    const name = token.text;
    let problem: string | null = null;
    if (isCall) {
      if (!RULE_FUNCTIONS.has(name))
        problem = `${name}() is not available in an update rule (use sqrt, exp, log, abs, sign, min, max and ^)`;
    } else if (name === 'w1' || name === 'w2' || name === 'x' || name === 'y') {
      problem = `write w for the position (a line acts on each coordinate), not ${name}`;
    } else if (name !== 'pi' && name !== 'e') {
      problem = known(name);
    }
    if (problem) {
      report(at + token.position, token.length, problem);
      return null;
    }
  }
  return parsed.value.ast;
}

/** `name = expression`, with where each part starts. */
function splitAssignment(
  line: string,
): { target: string; targetAt: number; expr: string; exprAt: number } | null {
  const match = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)(\s*)=(?!=)/.exec(line);
  if (!match) return null;
  const exprAt = match[0].length;
  return { target: match[2]!, targetAt: match[1]!.length, expr: line.slice(exprAt), exprAt };
}

const isRef = (e: Expr, name: string) => e.kind === 'constant' && e.name === name;

/** Checks a definition and compiles it; every problem comes back with where it is. Never throws. */
export function compileCustomOptimizer(input: unknown): CustomCompileResult {
  const problems = new Problems();
  const shape = customOptimizerSchema.safeParse(input);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    const where = issue.path.map(String).join('.');
    return {
      ok: false,
      errors: [
        {
          section: 'definition',
          row: 0,
          position: 0,
          length: 0,
          message: `${where || 'definition'}: ${issue.message}`,
        },
      ],
    };
  }
  const def = shape.data as CustomOptimizerDefinition;
  const total =
    def.state.reduce((n, s) => n + s.init.length, 0) + def.step.reduce((n, line) => n + line.length, 0);
  if (total > CUSTOM_LIMITS.maxTotalLength)
    problems.add(
      'definition',
      0,
      0,
      0,
      `the definition is too long (${total} characters; the limit is ${CUSTOM_LIMITS.maxTotalLength})`,
    );

  // Hyperparameters and state: names, values, ranges.
  const roles = new Map<string, 'hyperparameter' | 'state' | 'local'>();
  def.hyperparameters.forEach((h, row) => {
    const problem = nameProblem(h.name) ?? (roles.has(h.name) ? `${h.name} is defined twice` : null);
    if (problem) return problems.add('hyperparameters', row, 0, h.name.length, problem);
    roles.set(h.name, 'hyperparameter');
    if (!(h.min < h.max))
      problems.add('hyperparameters', row, 0, h.name.length, `${h.name}: the range needs min < max`);
    else if (!(h.value >= h.min && h.value <= h.max))
      problems.add(
        'hyperparameters',
        row,
        0,
        h.name.length,
        `${h.name} = ${h.value} is outside its range ${h.min} … ${h.max}`,
      );
  });
  def.state.forEach((s, row) => {
    const problem = nameProblem(s.name) ?? (roles.has(s.name) ? `${s.name} is defined twice` : null);
    if (problem) return problems.add('state', row, 0, s.name.length, problem, 'name');
    roles.set(s.name, 'state');
  });
  const inits = new Map<string, Expr>();
  def.state.forEach((s, row) => {
    if (s.init.trim() === '')
      return problems.add('state', row, 0, 0, `${s.name} needs an initial value`, 'value');
    const ast = parseChecked(
      s.init,
      0,
      (name) =>
        roles.get(name) === 'hyperparameter'
          ? null
          : `the initial value of ${s.name} may use numbers and hyperparameters only, not ${name}`,
      (position, length, message) => problems.add('state', row, position, length, message, 'value'),
    );
    if (ast) inits.set(s.name, ast);
  });
  if (problems.list.length > 0) return { ok: false, errors: problems.list };

  // The step, line by line, in order: a name is known once it is defined.
  const lines: ParsedLine[] = [];
  let positionLine = -1;
  let rateSet = false;
  def.step.forEach((line, row) => {
    if (line.trim() === '') return;
    const report = (position: number, length: number, message: string) =>
      problems.add('step', row, position, length, message);
    const parts = splitAssignment(line);
    if (!parts) return report(0, line.length, 'a line is an assignment: name = expression');
    const { target, targetAt, exprAt } = parts;
    const role = roles.get(target);
    if (role === 'hyperparameter')
      return report(targetAt, target.length, `${target} is a hyperparameter and cannot be assigned`);
    if (target === 't' || target === 'lr' || target === 'loss')
      return report(targetAt, target.length, `${target} is an input of the step and cannot be assigned`);
    if (target === 'w1' || target === 'w2' || target === 'x' || target === 'y')
      return report(targetAt, target.length, `assign w (both coordinates), not ${target}`);
    if ((target === 'w' || target === 'update') && positionLine >= 0)
      return report(targetAt, target.length, `the position is already updated on line ${positionLine + 1}`);
    const special = target === 'w' || target === 'update' || target === 'g' || target === 'effective_lr';
    if (!special && !role) {
      const problem = nameProblem(target);
      if (problem) return report(targetAt, target.length, `${target} cannot be assigned: ${problem}`);
    }
    const ast = parseChecked(
      parts.expr,
      exprAt,
      (name) => {
        if (name === 'w' && positionLine >= 0)
          return `w is read after its update on line ${positionLine + 1}; read it before that line`;
        if ((INPUTS as readonly string[]).includes(name) || roles.has(name)) return null;
        if (def.step.slice(row).some((later) => splitAssignment(later)?.target === name))
          return `${name} is not a declared state variable: it is read before this step sets it (add it under State with an initial value to keep it from step to step)`;
        return `unknown symbol '${name}' (not an input g, w, t, lr, loss, a hyperparameter, a state variable or a line above)`;
      },
      report,
    );
    // A line that failed still defines its name, so later lines do not report it again.
    if (!role && target !== 'w' && target !== 'g') roles.set(target, 'local');
    if (!ast) return;
    if (target === 'w' || target === 'update') positionLine = row;
    if (target === 'effective_lr') rateSet = true;
    lines.push({ target, targetAt, exprAt, ast });
  });
  if (problems.list.length === 0 && positionLine < 0)
    problems.add(
      'step',
      Math.max(0, def.step.length - 1),
      0,
      0,
      'no line moves the position: add w = w - lr * … (or update = …)',
    );
  if (problems.list.length > 0) return { ok: false, errors: problems.list };

  // Rule text: the position line becomes Δw, exactly (w + (−X) is w − X in floating point).
  const statements = lines.map(({ target, ast }) => {
    if (target !== 'w') return `${target} = ${ruleText(ast)}`;
    if (ast.kind === 'binary' && (ast.op === '-' || ast.op === '+') && isRef(ast.left, 'w'))
      return `update = ${ast.op === '-' ? `(-${ruleText(ast.right)})` : ruleText(ast.right)}`;
    return `update = (${ruleText(ast)} - w)`;
  });
  if (!rateSet) statements.push('effective_lr = lr');

  const hyperparameters: HyperparameterSpec[] = [
    lrParam(def.lr),
    ...def.hyperparameters.map((h): HyperparameterSpec => ({
      key: h.name,
      kind: 'number',
      label: h.name,
      default: h.value,
      min: h.min,
      max: h.max,
      scale: 'linear',
    })),
  ];
  try {
    const spec = elementwiseSpec({
      type: CUSTOM_TYPE,
      label: def.name,
      family: 'gradient descent',
      description: `Typed in the browser: ${def.step.filter((l) => l.trim() !== '').join('; ')}.`,
      equations: lines.map(({ target, ast }) => `${latexTarget(target)} \\leftarrow ${equationOf(ast)}`),
      hyperparameters,
      accumulators: def.state.map((s) => ({
        key: s.name,
        label: s.name,
        help: `state variable (starts at ${s.init})`,
      })),
      paritySettings: {},
      ...(def.hyperparameters[0]
        ? {
            second: {
              column: def.hyperparameters[0].name,
              spacing: 'linear' as const,
              min: def.hyperparameters[0].min,
              max: def.hyperparameters[0].max,
              compared: [def.hyperparameters[0].value],
            },
          }
        : {}),
      rule: {
        state: Object.fromEntries(def.state.map((s) => [s.name, ruleText(inits.get(s.name)!)])),
        step: statements,
      },
    });
    return { ok: true, spec: spec as unknown as OptimizerSpec<unknown>, rule: spec.rule! };
  } catch (error) {
    // The rule compiler's own checks (a type that changes within the step…): reported on the definition.
    const message = error instanceof Error ? error.message.replace(/^Custom rule: /, '') : String(error);
    return { ok: false, errors: [{ section: 'step', row: 0, position: 0, length: 0, message }] };
  }
}

const GREEK = new Set(
  'alpha beta gamma delta epsilon zeta eta theta kappa lambda mu nu xi rho sigma tau phi chi psi omega'.split(
    ' ',
  ),
);

/** A name as the equations show it: Greek names as letters (beta1 → β₁), lr as η, others upright. */
function latexSymbol(name: string): string {
  if (name === 'lr') return '\\eta';
  if (name === 'loss') return 'L';
  if (name === 'update') return '\\Delta w';
  if (name === 'effective_lr') return '\\eta_{\\text{eff}}';
  const greek = /^([a-z]+)_?([0-9]*)$/.exec(name);
  const letter = greek && (greek[1] === 'eps' ? 'epsilon' : greek[1]!);
  if (greek && letter && GREEK.has(letter))
    return `\\${letter === 'epsilon' ? 'varepsilon' : letter}${greek[2] ? `_{${greek[2]}}` : ''}`;
  if (name.length === 1) return name;
  return `\\mathrm{${name.replace(/_/g, '\\_')}}\\,`;
}

const latexTarget = latexSymbol;

/**
 * The typed-surface printer's LaTeX with our names: each name goes through as a placeholder the
 * printer leaves alone (Q_{k}), then becomes its symbol.
 */
function equationOf(ast: Expr): string {
  const names: string[] = [];
  const rename = (e: Expr): Expr => {
    switch (e.kind) {
      case 'constant': {
        let k = names.indexOf(e.name);
        if (k < 0) k = names.push(e.name) - 1;
        return { kind: 'constant', name: `Q${k}` };
      }
      case 'negate':
      case 'call':
        return { ...e, arg: rename(e.arg) };
      case 'binary':
        return { ...e, left: rename(e.left), right: rename(e.right) };
      case 'call2':
        return { ...e, a: rename(e.a), b: rename(e.b) };
      default:
        return e;
    }
  };
  return printLatex(rename(ast)).replace(
    /Q_\{(\d+)\}/g,
    (_, k: string) => `{${latexSymbol(names[Number(k)]!)}}`,
  );
}
