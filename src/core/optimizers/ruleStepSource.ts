/**
 * The spec's float64 step as straight-line JavaScript, one function per element-wise rule, written into
 * generated/ruleSteps.ts by `npm run generate:kernels` (the app's CSP forbids generating code at run
 * time). It reads and writes the same Float64Array slots as the closures of ruleStep.ts and evaluates the
 * same tree in the same order, so the two are bit-identical; it is only faster (no closure call per node).
 * A rule whose committed step is stale (its fingerprint differs) runs on the closures until regenerated.
 */
import type { CompiledRule, RuleNode, RuleStep } from './rule';

export interface StepSlots {
  readonly slots: ReadonlyMap<string, number>;
}

export function ruleStepSource(rule: CompiledRule, layout: StepSlots): string {
  const slot = (name: string, i: 0 | 1) => {
    const base = layout.slots.get(name)!;
    return rule.names.get(name)!.vector ? base + i : base;
  };
  const isBool = (node: RuleNode): boolean => {
    if (node.k === 'ref') return rule.names.get(node.name)!.boolean;
    if (node.k === 'not') return true;
    if (node.k === 'bin') return ['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(node.op);
    if (node.k === 'cond') return isBool(node.a);
    return false;
  };
  /** A JavaScript boolean. */
  const truth = (node: RuleNode, i: 0 | 1): string => {
    if (!isBool(node)) return `(${number(node, i)} !== 0)`;
    switch (node.k) {
      case 'ref':
        return `(env[${slot(node.name, i)}]! !== 0)`;
      case 'not':
        return `(!${truth(node.a, i)})`;
      case 'bin':
        if (node.op === '&&' || node.op === '||')
          return `(${truth(node.a, i)} ${node.op} ${truth(node.b, i)})`;
        return `(${number(node.a, i)} ${node.op === '==' ? '===' : node.op === '!=' ? '!==' : node.op} ${number(node.b, i)})`;
      case 'cond':
        return `(${truth(node.c, i)} ? ${truth(node.a, i)} : ${truth(node.b, i)})`;
      default:
        throw new Error('unreachable');
    }
  };
  /** A JavaScript number. */
  const number = (node: RuleNode, i: 0 | 1): string => {
    if (isBool(node)) return `(${truth(node, i)} ? 1 : 0)`;
    switch (node.k) {
      case 'num':
        return String(node.value);
      case 'ref':
        return `env[${slot(node.name, i)}]!`;
      case 'neg':
        return `(-${number(node.a, i)})`;
      case 'bin':
        return `(${number(node.a, i)} ${node.op} ${number(node.b, i)})`;
      case 'call':
        if (node.fn === 'sum') return `(${number(node.args[0]!, 0)} + ${number(node.args[0]!, 1)})`;
        return `Math.${node.fn}(${node.args.map((a) => number(a, i)).join(', ')})`;
      case 'cond':
        return `(${truth(node.c, i)} ? ${number(node.a, i)} : ${number(node.b, i)})`;
      default:
        throw new Error('unreachable');
    }
  };
  const statements = (steps: readonly RuleStep[]): string =>
    steps
      .map((step) => {
        if (step.k === 'gradient') {
          const g = layout.slots.get('g')!;
          return `\n{\nconst gradient = oracle.gradient(${number(step.at, 0)}, ${number(step.at, 1)});\nenv[${g}] = gradient[0];\nenv[${g + 1}] = gradient[1];\n}`;
        }
        if (step.k === 'hessian') {
          const h = layout.slots.get(step.name)!;
          return `\n{\nconst hessian = oracle.hessian(${number(step.at, 0)}, ${number(step.at, 1)});\nenv[${h}] = hessian[0];\nenv[${h + 1}] = hessian[2];\n}`;
        }
        if (step.k === 'if')
          return `\nif (${truth(step.cond, 0)}) {${statements(step.then)}\n}${step.else.length ? ` else {${statements(step.else)}\n}` : ''}`;
        const value = (i: 0 | 1) =>
          rule.names.get(step.name)!.boolean ? `${truth(step.value, i)} ? 1 : 0` : number(step.value, i);
        if (!rule.names.get(step.name)!.vector) return `\nenv[${slot(step.name, 0)}] = ${value(0)};`;
        // A scalar assigned to a vector fills both coordinates.
        return ([0, 1] as const).map((i) => `\nenv[${slot(step.name, i)}] = ${value(i)};`).join('');
      })
      .join('');
  const body = statements(rule.step);
  const usesOracle = /\boracle\./.test(body);
  return `(env: Float64Array${usesOracle ? ', oracle: Oracle' : ''}): void => {${body}\n}`;
}
