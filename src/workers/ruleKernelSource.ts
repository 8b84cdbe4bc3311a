/**
 * An element-wise rule (src/core/optimizers/rule.ts) as the CPU kernel's source: the per-particle setup
 * (hyperparameter reads, constants, state in locals) and the step, written out per coordinate, for
 * kernelGenerator.ts to splice into the shared particle loop. Same tree and order as the spec's step
 * (ruleStep.ts), so bit-identical; what makes it fast is decided here, per rule, by looking at the tree:
 *   - a subexpression of hyperparameters only (1 − β₁) is computed once per particle;
 *   - one of the step count and at most one number hyperparameter that calls pow (1 − β₁ᵗ, 0.96^{tψ}) is
 *     read from a memoized table (stepPowers.ts), computed once per step index for the batch, not per
 *     particle-step.
 * Rule names get a `_` prefix so they never meet the loop's own locals.
 */
import type { CompiledRule, RuleNode, RuleStep } from '../core/optimizers/rule';
import { ruleDependencies } from '../core/optimizers/rule';
import type { RuleSource } from './ruleSources';

const INPUT_NAMES: Readonly<Record<string, readonly [string, string] | string>> = {
  g: ['d1', 'd2'],
  w: ['w1', 'w2'],
  update: ['u1', 'u2'],
  t: 't',
  lr: 'lr',
  loss: 'loss',
};

const OPERATORS: Readonly<Record<string, string>> = { '==': '===', '!=': '!==' };

export function ruleKernelSource(rule: CompiledRule): RuleSource {
  const dependencies = ruleDependencies(rule);
  const numberHyperparameter = (name: string) => !rule.hyperparameters.get(name)!.boolean;
  const isHoistable = (node: RuleNode) => {
    const d = dependencies(node);
    return node.k !== 'num' && node.k !== 'ref' && !d.step && !d.dynamic;
  };
  const isTabulated = (node: RuleNode) => {
    const d = dependencies(node);
    return (
      d.step &&
      d.callsPow &&
      !d.dynamic &&
      d.hyperparameters.size <= 1 &&
      [...d.hyperparameters].every(numberHyperparameter)
    );
  };

  const constants = new Map<string, string>(); // expression → local
  const tables = new Map<string, { local: string; formula: string; key: string }>(); // formula@key → table

  const nameOf = (name: string, coordinate: 0 | 1 | null): string => {
    const input = INPUT_NAMES[name];
    if (typeof input === 'string') return input;
    if (input) return input[coordinate ?? 0];
    const vector = rule.names.get(name)!.vector;
    return vector ? `_${name}${(coordinate ?? 0) + 1}` : `_${name}`;
  };

  /** Plain JavaScript for a node; `key` stands for the table's hyperparameter inside a table formula. */
  const plain = (node: RuleNode, coordinate: 0 | 1 | null, key: string | null, hoist: boolean): string => {
    if (hoist && isTabulated(node)) return tabulated(node);
    if (hoist && isHoistable(node)) {
      const text = plain(node, null, null, false);
      let local = constants.get(text);
      if (!local) {
        local = `_k${constants.size}`;
        constants.set(text, local);
      }
      return local;
    }
    const child = (n: RuleNode) => plain(n, coordinate, key, hoist);
    switch (node.k) {
      case 'num':
        return String(node.value);
      case 'ref':
        return key !== null && rule.names.get(node.name)!.role === 'hyperparameter'
          ? key
          : nameOf(node.name, coordinate);
      case 'neg':
        return `(-${child(node.a)})`;
      case 'not':
        return `(!${child(node.a)})`;
      case 'bin':
        return `(${child(node.a)} ${OPERATORS[node.op] ?? node.op} ${child(node.b)})`;
      case 'call':
        if (node.fn === 'sum') {
          const [a] = node.args as [RuleNode];
          return `(${plain(a, 0, key, hoist)} + ${plain(a, 1, key, hoist)})`;
        }
        return `Math.${node.fn}(${node.args.map(child).join(', ')})`;
      case 'cond':
        return `(${child(node.c)} ? ${child(node.a)} : ${child(node.b)})`;
    }
  };

  const tabulated = (node: RuleNode): string => {
    const [hyperparameter] = [...dependencies(node).hyperparameters];
    const formula = plain(node, null, 'key', false);
    const id = `${formula}@${hyperparameter ?? ''}`;
    let table = tables.get(id);
    if (!table) {
      table = { local: `_p${tables.size}`, formula, key: hyperparameter ? `_${hyperparameter}` : '0' };
      tables.set(id, table);
    }
    return table.local;
  };

  const statements = (steps: readonly RuleStep[]): string =>
    steps
      .map((step) => {
        if (step.k === 'gradient')
          return `\nsurface.valueAndGradientInto(gradient, ${plain(step.at, 0, null, true)}, ${plain(step.at, 1, null, true)});\nd1 = gradient[0];\nd2 = gradient[1];`;
        if (step.k === 'hessian')
          return `\n{\nconst hessian = oracle.hessian(${plain(step.at, 0, null, true)}, ${plain(step.at, 1, null, true)});\n${nameOf(step.name, 0)} = hessian[0];\n${nameOf(step.name, 1)} = hessian[2];\n}`;
        if (step.k === 'if')
          return `if (${plain(step.cond, null, null, true)}) {${statements(step.then)}\n}${
            step.else.length ? ` else {${statements(step.else)}\n}` : ''
          }`;
        if (!rule.names.get(step.name)!.vector)
          return `\n${nameOf(step.name, null)} = ${plain(step.value, null, null, true)};`;
        return ([0, 1] as const)
          .map((c) => `\n${nameOf(step.name, c)} = ${plain(step.value, c, null, true)};`)
          .join('');
      })
      .join('');

  const body = statements(rule.step);
  const declare = (name: string, value: (c: 0 | 1 | null) => string, keyword: 'let' | 'const') => {
    const info = rule.names.get(name)!;
    return info.vector
      ? `\n${keyword} ${nameOf(name, 0)} = ${value(0)};\n${keyword} ${nameOf(name, 1)} = ${value(1)};`
      : `\n${keyword} ${nameOf(name, null)} = ${value(null)};`;
  };
  const locals = rule.locals
    .filter((name) => !(name in INPUT_NAMES))
    .map((name) => declare(name, () => (rule.names.get(name)!.boolean ? 'false' : '0'), 'let'))
    .join('');
  const state = rule.state.map((s) => declare(s.name, (c) => plain(s.init, c, null, false), 'let')).join('');
  const tableList = [...tables.values()];

  const slots: Record<string, string> = {};
  const booleans: string[] = [];
  for (const [name, h] of rule.hyperparameters) {
    slots[`_${name}`] = h.column;
    if (h.boolean) booleans.push(`_${name}`);
  }
  return {
    slots,
    booleans,
    prelude: tableList
      .map((t) => `\nconst ${t.local}Powers = new StepPowers(steps, (key, t) => ${t.formula});`)
      .join(''),
    setup: [
      ...[...constants].map(([text, local]) => `\nconst ${local} = ${text};`),
      ...tableList.map(
        (t) =>
          `\nconst ${t.local}Table = ${t.local}Powers.table(${t.key});\nlet ${t.local}Ready = ${t.local}Powers.filled;`,
      ),
      state,
    ].join(''),
    step: [
      ...tableList.map(
        (t) =>
          `\nif (t > ${t.local}Ready) ${t.local}Ready = ${t.local}Powers.extend(t);\nconst ${t.local} = ${t.local}Table[t]!;`,
      ),
      locals,
      body,
    ].join(''),
  };
}
