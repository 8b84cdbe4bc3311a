/**
 * The one definition of an element-wise update rule. A rule is data: its state variables with their
 * initial values, and the assignments of one step, written as short arithmetic lines over the gradient
 * `g`, the position `w`, the step count `t`, the scheduled rate `lr`, the loss `loss` and the
 * hyperparameters. Three things are generated from it and nothing else is written by hand:
 *   - the spec's float64 step (ruleStep.ts, used by runOptimizer and the network trainer),
 *   - the CPU batch kernel (src/workers/ruleKernelSource.ts → generated/ruleKernels.ts),
 *   - the WGSL rule (src/gpu/ruleWgsl.ts).
 * The three evaluate the same tree in the same order, so the CPU kernel equals runOptimizer bit for bit.
 *
 * A line is `name = expression`. Assigning `g` changes the gradient the rest of the step sees (weight
 * decay), `update` is Δw (required) and `effective_lr` the rate shown in the views (required); any other
 * name that is not a hyperparameter or state variable is a local of the step. Per coordinate by default:
 * an expression that reads `g`, `w` or a vector is a vector, anything else (a bias correction, NAdam's
 * product of momenta) a scalar, computed once per step. Expressions: numbers, names, + − * /, unary −,
 * comparisons (== != < <= > >=), ! && ||, `c ? a : b`, and sqrt abs sign exp log max min pow.
 * Conditions must be scalars (a hyperparameter, the step count), so every backend may branch on them.
 * One line may look elsewhere: `g = gradient_at(w + mu * v)` takes the surface's gradient at another
 * point (the lectures' Nesterov, v ← μv − η∇f(w + μv)); that gradient gets no noise or clipping.
 * Two additions for methods that are not quite element-wise (SAM, Prodigy, Sophia), each of which keeps
 * the rule off the network trainer (trainsNetworks): `sum(x)` adds a vector's two coordinates into a
 * scalar (‖g‖ = sqrt(sum(g * g)), ⟨g, w₀ − w⟩ = sum(g * (w0 - w))), and `h = hessian_diagonal_at(w)`
 * sets a vector local to the surface's exact Hessian diagonal (∂²f/∂w₁², ∂²f/∂w₂²) at a point.
 *
 * Methods that are not element-wise — Newton (the Hessian), L-BFGS (a history of pairs) and random search
 * (its own random draws and a second loss evaluation) — keep hand-written steps: their spec files, their
 * CPU sources in src/workers/ruleSources.ts and their WGSL in src/gpu/optimizers/.
 */

export type RuleStatement =
  | string
  | {
      readonly if: string;
      readonly then: readonly RuleStatement[];
      readonly else?: readonly RuleStatement[];
    };

export interface ElementwiseRule {
  /**
   * Names for hyperparameter columns: `beta1: 'betas[0]'` for half of a pair, or a short name for a
   * long key. A hyperparameter without an alias is read by its key.
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * State variables and their initial values (expressions over the hyperparameters). A vector by
   * default; `{ scalar: '1' }` for one number per particle. Accumulators the spec records are state
   * variables named by their keys.
   */
  readonly state: Readonly<Record<string, string | { readonly scalar: string }>>;
  readonly step: readonly RuleStatement[];
}

/** `if (condition) { …then }`, the readable way to write a branch in a rule's step. */
export function when(condition: string, ...then: RuleStatement[]): RuleStatement {
  return { if: condition, then };
}

// ---- syntax tree ----

export type RuleFunction = 'sqrt' | 'abs' | 'sign' | 'exp' | 'log' | 'max' | 'min' | 'pow' | 'sum';
export type RuleOperator = '+' | '-' | '*' | '/' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

export type RuleNode =
  | { readonly k: 'num'; readonly value: number }
  | { readonly k: 'ref'; readonly name: string }
  | { readonly k: 'neg'; readonly a: RuleNode }
  | { readonly k: 'not'; readonly a: RuleNode }
  | { readonly k: 'bin'; readonly op: RuleOperator; readonly a: RuleNode; readonly b: RuleNode }
  | { readonly k: 'call'; readonly fn: RuleFunction; readonly args: readonly RuleNode[] }
  | { readonly k: 'cond'; readonly c: RuleNode; readonly a: RuleNode; readonly b: RuleNode };

export type RuleStep =
  | { readonly k: 'set'; readonly name: string; readonly value: RuleNode }
  /** `g = gradient_at(point)`: the surface's gradient at another point (a look-ahead), as g. */
  | { readonly k: 'gradient'; readonly at: RuleNode }
  /** `name = hessian_diagonal_at(point)`: the surface's exact Hessian diagonal there, as a vector. */
  | { readonly k: 'hessian'; readonly name: string; readonly at: RuleNode }
  | {
      readonly k: 'if';
      readonly cond: RuleNode;
      readonly then: readonly RuleStep[];
      readonly else: readonly RuleStep[];
    };

const ARITY: Readonly<Record<RuleFunction, number>> = {
  sqrt: 1,
  abs: 1,
  sign: 1,
  exp: 1,
  log: 1,
  max: 2,
  min: 2,
  pow: 2,
  sum: 1,
};

const BINARY_LEVELS: readonly (readonly RuleOperator[])[] = [
  ['||'],
  ['&&'],
  ['==', '!=', '<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/'],
];

const TOKEN =
  /\s*(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|[A-Za-z_][A-Za-z_0-9]*|==|!=|<=|>=|&&|\|\||[-+*/()<>!?:,])/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) throw new Error(`rule: cannot read "${text.slice(at)}" in "${text}"`);
    tokens.push(match[1]!);
  }
  return tokens;
}

/** Parses one expression of a rule (precedence as in JavaScript and WGSL). */
export function parseRuleExpression(text: string): RuleNode {
  const tokens = tokenize(text);
  let index = 0;
  const peek = () => tokens[index];
  const expect = (token: string) => {
    if (tokens[index] !== token) throw new Error(`rule: expected "${token}" in "${text}"`);
    index++;
  };
  const ternary = (): RuleNode => {
    const c = binary(0);
    if (peek() !== '?') return c;
    index++;
    const a = ternary();
    expect(':');
    return { k: 'cond', c, a, b: ternary() };
  };
  const binary = (level: number): RuleNode => {
    if (level === BINARY_LEVELS.length) return unary();
    let left = binary(level + 1);
    const ops = BINARY_LEVELS[level]!;
    for (;;) {
      const op = peek() as RuleOperator;
      if (!ops.includes(op)) return left;
      index++;
      const right = binary(level + 1);
      left = { k: 'bin', op, a: left, b: right };
      // Comparisons do not chain.
      if (level === 2) return left;
    }
  };
  const unary = (): RuleNode => {
    if (peek() === '-') {
      index++;
      return { k: 'neg', a: unary() };
    }
    if (peek() === '!') {
      index++;
      return { k: 'not', a: unary() };
    }
    return primary();
  };
  const primary = (): RuleNode => {
    const token = tokens[index++];
    if (token === undefined) throw new Error(`rule: "${text}" ends early`);
    if (token === '(') {
      const inner = ternary();
      expect(')');
      return inner;
    }
    if (/^[\d.]/.test(token)) return { k: 'num', value: Number(token) };
    if (!/^[A-Za-z_]/.test(token)) throw new Error(`rule: unexpected "${token}" in "${text}"`);
    if (peek() !== '(') return { k: 'ref', name: token };
    if (!(token in ARITY)) throw new Error(`rule: unknown function ${token} in "${text}"`);
    const fn = token as RuleFunction;
    index++;
    const args: RuleNode[] = [ternary()];
    while (peek() === ',') {
      index++;
      args.push(ternary());
    }
    expect(')');
    if (args.length !== ARITY[fn]) throw new Error(`rule: ${fn} takes ${ARITY[fn]} arguments in "${text}"`);
    return { k: 'call', fn, args };
  };
  const node = ternary();
  if (index !== tokens.length) throw new Error(`rule: unexpected "${tokens[index]}" in "${text}"`);
  return node;
}

function parseStatements(statements: readonly RuleStatement[]): RuleStep[] {
  return statements.map((statement) => {
    if (typeof statement !== 'string')
      return {
        k: 'if',
        cond: parseRuleExpression(statement.if),
        then: parseStatements(statement.then),
        else: parseStatements(statement.else ?? []),
      };
    const match = /^\s*([A-Za-z_][A-Za-z_0-9]*)\s*=(?!=)(.*)$/.exec(statement);
    if (!match) throw new Error(`rule: "${statement}" is not an assignment`);
    const lookAhead = /^\s*gradient_at\((.*)\)\s*$/.exec(match[2]!);
    if (lookAhead) {
      if (match[1] !== 'g')
        throw new Error(`rule: gradient_at(…) can only be assigned to g ("${statement}")`);
      return { k: 'gradient', at: parseRuleExpression(lookAhead[1]!) };
    }
    const curvature = /^\s*hessian_diagonal_at\((.*)\)\s*$/.exec(match[2]!);
    if (curvature) return { k: 'hessian', name: match[1]!, at: parseRuleExpression(curvature[1]!) };
    return { k: 'set', name: match[1]!, value: parseRuleExpression(match[2]!) };
  });
}

// ---- names and types ----

/** The values a step reads besides hyperparameters and state; `g` may be assigned, the others not. */
export const RULE_INPUTS = ['g', 'w', 't', 'lr', 'loss'] as const;
/** The step's results. */
export const RULE_OUTPUTS = ['update', 'effective_lr'] as const;

export type NameRole = 'input' | 'hyperparameter' | 'state' | 'local';

export interface RuleName {
  readonly role: NameRole;
  /** Two numbers per particle (one per coordinate) rather than one. */
  readonly vector: boolean;
  readonly boolean: boolean;
}

export interface RuleHyperparameter {
  /** The key in the spec's hyperparameter table. */
  readonly key: string;
  /** The layout column: the key, or `key[0]` / `key[1]` for half of a pair. */
  readonly column: string;
  /** Which half of a pair, or null. */
  readonly component: 0 | 1 | null;
  readonly boolean: boolean;
}

/** A rule parsed and typed against its optimizer's hyperparameter table: what every backend compiles. */
export interface CompiledRule {
  readonly type: string;
  readonly names: ReadonlyMap<string, RuleName>;
  readonly hyperparameters: ReadonlyMap<string, RuleHyperparameter>;
  readonly state: readonly { readonly name: string; readonly vector: boolean; readonly init: RuleNode }[];
  /** Locals of the step (outputs included), in order of first assignment. */
  readonly locals: readonly string[];
  readonly step: readonly RuleStep[];
  /** Takes a gradient elsewhere (`gradient_at`). */
  readonly looksAhead: boolean;
  /** Adds over the coordinates (`sum`): the two coordinates are coupled. */
  readonly reduces: boolean;
  /** Reads the surface's Hessian diagonal (`hessian_diagonal_at`). */
  readonly readsHessian: boolean;
  /** A hash of the definition and the hyperparameter table: tells a stale generated step (ruleSteps.ts). */
  readonly fingerprint: string;
}

/** FNV-1a, 32 bits, as hex: enough to tell two versions of a rule apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

export interface HyperparameterKinds {
  readonly key: string;
  readonly kind: 'number' | 'boolean' | 'pair';
}

/** Children of a node, in evaluation order. */
export function ruleChildren(node: RuleNode): readonly RuleNode[] {
  switch (node.k) {
    case 'num':
    case 'ref':
      return [];
    case 'neg':
    case 'not':
      return [node.a];
    case 'bin':
      return [node.a, node.b];
    case 'call':
      return node.args;
    case 'cond':
      return [node.c, node.a, node.b];
  }
}

const LOGICAL: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=', '&&', '||']);

/** Whether a node is a per-coordinate value, given the names' types. */
export function isVector(node: RuleNode, names: ReadonlyMap<string, RuleName>): boolean {
  if (node.k === 'ref') return names.get(node.name)?.vector ?? false;
  // A sum over the coordinates is one number.
  if (node.k === 'call' && node.fn === 'sum') return false;
  if (node.k === 'cond') return isVector(node.a, names) || isVector(node.b, names);
  return ruleChildren(node).some((child) => isVector(child, names));
}

export function isBoolean(node: RuleNode, names: ReadonlyMap<string, RuleName>): boolean {
  if (node.k === 'ref') return names.get(node.name)?.boolean ?? false;
  if (node.k === 'not') return true;
  if (node.k === 'bin') return LOGICAL.has(node.op);
  if (node.k === 'cond') return isBoolean(node.a, names);
  return false;
}

/**
 * Parses and types a rule for an optimizer with these hyperparameters; throws on a name that is not
 * defined, a condition that is not a scalar boolean, or a local whose type changes.
 */
export function compileRule(
  type: string,
  rule: ElementwiseRule,
  hyperparameters: readonly HyperparameterKinds[],
): CompiledRule {
  const names = new Map<string, RuleName>();
  const hp = new Map<string, RuleHyperparameter>();
  let reduces = false;
  let readsHessian = false;
  for (const input of RULE_INPUTS)
    names.set(input, { role: 'input', vector: input === 'g' || input === 'w', boolean: false });
  const kinds = new Map(hyperparameters.map((h) => [h.key, h.kind]));
  const aliased = new Set(Object.values(rule.aliases ?? {}));
  const addHyperparameter = (name: string, column: string) => {
    const pair = /^(.*)\[([01])\]$/.exec(column);
    const key = pair ? pair[1]! : column;
    const kind = kinds.get(key);
    if (!kind || (kind === 'pair') !== Boolean(pair))
      throw new Error(`${type} rule: no hyperparameter column ${column}`);
    if (names.has(name)) throw new Error(`${type} rule: ${name} is defined twice`);
    const boolean = kind === 'boolean';
    names.set(name, { role: 'hyperparameter', vector: false, boolean });
    hp.set(name, { key, column, component: pair ? (Number(pair[2]) as 0 | 1) : null, boolean });
  };
  for (const [name, column] of Object.entries(rule.aliases ?? {})) addHyperparameter(name, column);
  for (const { key, kind } of hyperparameters)
    if (kind !== 'pair' && key !== 'lr' && !aliased.has(key)) addHyperparameter(key, key);

  const state = Object.entries(rule.state).map(([name, init]) => {
    if (names.has(name)) throw new Error(`${type} rule: state ${name} shadows another name`);
    const vector = typeof init === 'string';
    names.set(name, { role: 'state', vector, boolean: false });
    const node = parseRuleExpression(typeof init === 'string' ? init : init.scalar);
    return { name, vector, init: node };
  });
  for (const s of state) check(s.init, `initial value of ${s.name}`, true);

  const step = parseStatements(rule.step);
  const locals: string[] = [];
  function check(node: RuleNode, where: string, initOnly = false): void {
    if (node.k === 'ref') {
      const name = names.get(node.name);
      if (!name) throw new Error(`${type} rule: ${node.name} is not defined before use (${where})`);
      if (initOnly && name.role !== 'hyperparameter')
        throw new Error(`${type} rule: the ${where} may read only hyperparameters`);
    }
    if (node.k === 'cond' || node.k === 'not' || (node.k === 'bin' && (node.op === '&&' || node.op === '||')))
      for (const c of node.k === 'cond' ? [node.c] : ruleChildren(node))
        if (!isBoolean(c, names) || isVector(c, names))
          throw new Error(`${type} rule: a condition must be a scalar true/false (${where})`);
    if (node.k === 'call' && node.fn === 'sum') {
      reduces = true;
      if (!isVector(node.args[0]!, names))
        throw new Error(`${type} rule: sum(…) adds the coordinates of a vector (${where})`);
    }
    ruleChildren(node).forEach((child) => check(child, where, initOnly));
  }
  const visit = (steps: readonly RuleStep[]) => {
    for (const s of steps) {
      if (s.k === 'if') {
        check(s.cond, 'condition');
        if (!isBoolean(s.cond, names) || isVector(s.cond, names))
          throw new Error(`${type} rule: an if needs a scalar true/false condition`);
        visit(s.then);
        visit(s.else);
        continue;
      }
      if (s.k === 'gradient') {
        check(s.at, 'gradient_at');
        continue;
      }
      if (s.k === 'hessian') {
        check(s.at, 'hessian_diagonal_at');
        readsHessian = true;
        const known = names.get(s.name);
        if (!known) {
          names.set(s.name, { role: 'local', vector: true, boolean: false });
          locals.push(s.name);
        } else if (known.role !== 'local' || !known.vector)
          throw new Error(`${type} rule: hessian_diagonal_at(…) needs a vector local, not ${s.name}`);
        continue;
      }
      check(s.value, s.name);
      const vector = isVector(s.value, names);
      const known = names.get(s.name);
      if (!known) {
        names.set(s.name, { role: 'local', vector, boolean: isBoolean(s.value, names) });
        locals.push(s.name);
      } else if (known.role === 'hyperparameter' || (known.role === 'input' && s.name !== 'g')) {
        throw new Error(`${type} rule: ${s.name} cannot be assigned`);
      } else if (vector && !known.vector) {
        throw new Error(`${type} rule: ${s.name} is a scalar and cannot take a vector`);
      }
    }
  };
  visit(step);
  for (const output of RULE_OUTPUTS)
    if (names.get(output)?.role !== 'local') throw new Error(`${type} rule: the step must set ${output}`);
  const looksAhead = (steps: readonly RuleStep[]): boolean =>
    steps.some((s) => s.k === 'gradient' || (s.k === 'if' && (looksAhead(s.then) || looksAhead(s.else))));
  const fingerprint = fnv1a(JSON.stringify([rule, hyperparameters.map((h) => [h.key, h.kind])]));
  return {
    type,
    names,
    hyperparameters: hp,
    state,
    locals,
    step,
    looksAhead: looksAhead(step),
    reduces,
    readsHessian,
    fingerprint,
  };
}

/** What an expression depends on: what a backend needs to hoist it, tabulate it or keep it per step. */
export interface RuleDependencies {
  /** Reads the step count t. */
  readonly step: boolean;
  readonly hyperparameters: ReadonlySet<string>;
  /** Reads the state, a local, the gradient, the position, the rate or the loss. */
  readonly dynamic: boolean;
  readonly callsPow: boolean;
}

/** A memoized dependency analysis over one rule's trees. */
export function ruleDependencies(rule: CompiledRule): (node: RuleNode) => RuleDependencies {
  const memo = new Map<RuleNode, RuleDependencies>();
  const visit = (node: RuleNode): RuleDependencies => {
    const known = memo.get(node);
    if (known) return known;
    let result: RuleDependencies;
    if (node.k === 'ref') {
      const role = rule.names.get(node.name)!.role;
      result = {
        step: node.name === 't',
        hyperparameters: new Set(role === 'hyperparameter' ? [node.name] : []),
        dynamic: role === 'state' || role === 'local' || (role === 'input' && node.name !== 't'),
        callsPow: false,
      };
    } else {
      const parts = ruleChildren(node).map(visit);
      result = {
        step: parts.some((p) => p.step),
        hyperparameters: new Set(parts.flatMap((p) => [...p.hyperparameters])),
        dynamic: parts.some((p) => p.dynamic),
        callsPow: (node.k === 'call' && node.fn === 'pow') || parts.some((p) => p.callsPow),
      };
    }
    memo.set(node, result);
    return result;
  };
  return visit;
}
