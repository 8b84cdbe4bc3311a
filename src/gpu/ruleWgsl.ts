/**
 * An element-wise rule (src/core/optimizers/rule.ts) as the WGSL the batch kernel splices in:
 * `struct OptState`, `opt_init(hp)` and `opt_step(i, hp, s)`, in f32 with vec2 for per-coordinate values.
 * Same tree as the spec's float64 step; the GPU parity tests bound the f32 difference.
 *
 * One rewrite for the GPU, as the hand-written rules had it: βᵗ with a constant β and the bare step count
 * as exponent becomes a running product kept in the state (one multiply per step instead of exp2 and
 * log2). Boolean hyperparameters are read as `hp.flag > 0.5`, which the batch-wide override constants
 * (kernel.ts) fold away at pipeline creation.
 */
import { ruleDependencies, type CompiledRule, type RuleNode, type RuleStep } from '../core/optimizers/rule';

interface Wgsl {
  readonly text: string;
  readonly vector: boolean;
}

const splat = (e: Wgsl, vector: boolean): string => (vector && !e.vector ? `vec2<f32>(${e.text})` : e.text);

function literal(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export function ruleWgsl(rule: CompiledRule): string {
  const dependencies = ruleDependencies(rule);
  /** Running products βᵗ: state field → the WGSL of β. */
  const products = new Map<string, string>();

  const isRunningProduct = (node: RuleNode): boolean =>
    node.k === 'call' &&
    node.fn === 'pow' &&
    node.args[1]!.k === 'ref' &&
    node.args[1]!.name === 't' &&
    !dependencies(node.args[0]!).step &&
    !dependencies(node.args[0]!).dynamic;

  const ref = (name: string): Wgsl => {
    const info = rule.names.get(name)!;
    const h = rule.hyperparameters.get(name);
    if (h) {
      const field = `hp.${h.key}${h.component === null ? '' : h.component === 0 ? '.x' : '.y'}`;
      return { text: h.boolean ? `(${field} > 0.5)` : field, vector: false };
    }
    if (info.role === 'state') return { text: `(*s).${name}`, vector: info.vector };
    switch (name) {
      case 'g':
        return { text: 'g', vector: true };
      case 'w':
        return { text: 'i.w', vector: true };
      case 't':
        return { text: 'f32(i.t)', vector: false };
      case 'lr':
        return { text: 'i.lr', vector: false };
      case 'loss':
        return { text: 'i.loss', vector: false };
    }
    return { text: `r_${name}`, vector: info.vector };
  };

  const emit = (node: RuleNode): Wgsl => {
    switch (node.k) {
      case 'num':
        return { text: literal(node.value), vector: false };
      case 'ref':
        return ref(node.name);
      case 'neg': {
        const a = emit(node.a);
        return { text: `(-${a.text})`, vector: a.vector };
      }
      case 'not':
        return { text: `(!${emit(node.a).text})`, vector: false };
      case 'bin': {
        const [a, b] = [emit(node.a), emit(node.b)];
        return { text: `(${a.text} ${node.op} ${b.text})`, vector: a.vector || b.vector };
      }
      case 'cond': {
        const [c, a, b] = [emit(node.c), emit(node.a), emit(node.b)];
        const vector = a.vector || b.vector;
        return { text: `select(${splat(b, vector)}, ${splat(a, vector)}, ${c.text})`, vector };
      }
      case 'call': {
        if (isRunningProduct(node)) {
          const base = emit(node.args[0]!).text;
          let field = [...products].find(([, b]) => b === base)?.[0];
          if (!field) {
            field = `power${products.size}`;
            products.set(field, base);
          }
          return { text: `(*s).${field}`, vector: false };
        }
        const args = node.args.map(emit);
        // The sum over the coordinates, x + y in that order as the CPU adds them.
        if (node.fn === 'sum') {
          return { text: `dot(${args[0]!.text}, vec2<f32>(1.0, 1.0))`, vector: false };
        }
        const vector = args.some((a) => a.vector);
        if (node.fn === 'pow') {
          if (vector) throw new Error(`${rule.type} rule: pow of a vector has no WGSL form yet`);
          return { text: `pow_safe(${args[0]!.text}, ${args[1]!.text})`, vector };
        }
        return { text: `${node.fn}(${args.map((a) => splat(a, vector)).join(', ')})`, vector };
      }
    }
  };

  const statements = (steps: readonly RuleStep[], indent: string): string =>
    steps
      .map((step) => {
        if (step.k === 'gradient') return `${indent}g = surface_gradient(${splat(emit(step.at), true)});\n`;
        // surface_hessian gives (hxx, hxy, hyy): the diagonal is .xz.
        if (step.k === 'hessian')
          return `${indent}${ref(step.name).text} = surface_hessian(${splat(emit(step.at), true)}).xz;\n`;
        if (step.k === 'if') {
          const otherwise = step.else.length
            ? ` else {\n${statements(step.else, indent + '  ')}${indent}}`
            : '';
          return `${indent}if (${emit(step.cond).text}) {\n${statements(step.then, indent + '  ')}${indent}}${otherwise}\n`;
        }
        const target = ref(step.name);
        return `${indent}${target.text} = ${splat(emit(step.value), target.vector)};\n`;
      })
      .join('');

  const body = statements(rule.step, '  ');
  const typeOf = (name: string) => {
    const info = rule.names.get(name)!;
    return info.boolean ? 'bool' : info.vector ? 'vec2<f32>' : 'f32';
  };
  const locals = rule.locals
    .filter((name) => name !== 'g')
    .map((name) => `  var r_${name}: ${typeOf(name)};`);
  const fields = [
    ...rule.state.map((s) => `  ${s.name}: ${typeOf(s.name)},`),
    ...[...products.keys()].map((field) => `  ${field}: f32, // βᵗ as a running product`),
  ];
  const inits = [
    ...rule.state.map((s) => splat(emit(s.init), s.vector)),
    ...[...products.keys()].map(() => '1.0'),
  ];
  const advance = [...products].map(([field, base]) => `  (*s).${field} = (*s).${field} * ${base};`);
  return [
    `// Generated from the ${rule.type} rule (src/core/optimizers) by src/gpu/ruleWgsl.ts.`,
    'struct OptState {',
    ...(fields.length ? fields : ['  unused: f32,']),
    '}',
    '',
    'fn opt_init(hp: Hyper) -> OptState {',
    `  return OptState(${inits.length ? inits.join(', ') : '0.0'});`,
    '}',
    '',
    'fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {',
    '  var g = i.g;',
    ...locals,
    ...advance,
    body + '  return StepOut(r_update, false);',
    '}',
    '',
  ].join('\n');
}
