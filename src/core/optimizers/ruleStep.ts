/**
 * The spec's float64 step generated from an element-wise rule (rule.ts), the state kept in a flat
 * Float64Array: the committed straight-line step of generated/ruleSteps.ts (ruleStepSource.ts) when it is
 * up to date, else each expression compiled once to closures (no eval, so it runs under a strict CSP).
 * Same tree, same order as the generated CPU kernel, so the three agree bit for bit.
 */
import type { Hyperparameters, Vec2 } from '../types';
import {
  compileRule,
  isVector,
  type CompiledRule,
  type ElementwiseRule,
  type RuleNode,
  type RuleStep,
} from './rule';
import { RULE_STEPS } from './generated/ruleSteps';
import type { OptimizerSpec, Oracle, StepContext, StepResult } from './spec';

/** A compiled expression: reads the environment, at coordinate i (0 or 1) for vectors. */
type Evaluate = (env: Float64Array, i: number) => number;

interface Layout {
  readonly slots: ReadonlyMap<string, number>;
  readonly size: number;
}

/** Where each name lives in the step's Float64Array (the generated steps use the same slots). */
export function layoutOf(rule: CompiledRule): Layout {
  const slots = new Map<string, number>();
  let size = 0;
  for (const [name, info] of rule.names) {
    slots.set(name, size);
    size += info.vector ? 2 : 1;
  }
  return { slots, size };
}

const UNARY: Readonly<Record<string, (x: number) => number>> = {
  sqrt: Math.sqrt,
  abs: Math.abs,
  sign: Math.sign,
  exp: Math.exp,
  log: Math.log,
};
const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  max: Math.max,
  min: Math.min,
  pow: Math.pow,
};

function compileNode(node: RuleNode, rule: CompiledRule, layout: Layout): Evaluate {
  const compile = (n: RuleNode) => compileNode(n, rule, layout);
  switch (node.k) {
    case 'num': {
      const value = node.value;
      return () => value;
    }
    case 'ref': {
      const slot = layout.slots.get(node.name)!;
      return rule.names.get(node.name)!.vector ? (env, i) => env[slot + i]! : (env) => env[slot]!;
    }
    case 'neg': {
      const a = compile(node.a);
      return (env, i) => -a(env, i);
    }
    case 'not': {
      const a = compile(node.a);
      return (env, i) => (a(env, i) !== 0 ? 0 : 1);
    }
    case 'cond': {
      const [c, a, b] = [compile(node.c), compile(node.a), compile(node.b)];
      return (env, i) => (c(env, i) !== 0 ? a(env, i) : b(env, i));
    }
    case 'call': {
      const args = node.args.map(compile);
      if (node.fn === 'sum') {
        // Over the coordinates: one number whichever coordinate asks.
        const [a] = args as [Evaluate];
        return (env) => a(env, 0) + a(env, 1);
      }
      if (args.length === 1) {
        const [a] = args as [Evaluate];
        const f = UNARY[node.fn]!;
        return (env, i) => f(a(env, i));
      }
      const [a, b] = args as [Evaluate, Evaluate];
      const f = BINARY[node.fn]!;
      return (env, i) => f(a(env, i), b(env, i));
    }
    case 'bin': {
      const [a, b] = [compile(node.a), compile(node.b)];
      switch (node.op) {
        case '+':
          return (env, i) => a(env, i) + b(env, i);
        case '-':
          return (env, i) => a(env, i) - b(env, i);
        case '*':
          return (env, i) => a(env, i) * b(env, i);
        case '/':
          return (env, i) => a(env, i) / b(env, i);
        case '==':
          return (env, i) => (a(env, i) === b(env, i) ? 1 : 0);
        case '!=':
          return (env, i) => (a(env, i) !== b(env, i) ? 1 : 0);
        case '<':
          return (env, i) => (a(env, i) < b(env, i) ? 1 : 0);
        case '<=':
          return (env, i) => (a(env, i) <= b(env, i) ? 1 : 0);
        case '>':
          return (env, i) => (a(env, i) > b(env, i) ? 1 : 0);
        case '>=':
          return (env, i) => (a(env, i) >= b(env, i) ? 1 : 0);
        case '&&':
          return (env, i) => (a(env, i) !== 0 && b(env, i) !== 0 ? 1 : 0);
        case '||':
          return (env, i) => (a(env, i) !== 0 || b(env, i) !== 0 ? 1 : 0);
      }
    }
  }
}

type Run = (env: Float64Array) => void;

/** Where gradient_at finds the surface: the oracle of the step being run. */
interface LookAhead {
  oracle: Oracle | null;
}

function compileSteps(
  steps: readonly RuleStep[],
  rule: CompiledRule,
  layout: Layout,
  lookAhead: LookAhead,
): Run {
  const runs: Run[] = steps.map((step) => {
    if (step.k === 'gradient') {
      const at = compileNode(step.at, rule, layout);
      const g = layout.slots.get('g')!;
      return (env) => {
        const [g1, g2] = lookAhead.oracle!.gradient(at(env, 0), at(env, 1));
        env[g] = g1;
        env[g + 1] = g2;
      };
    }
    if (step.k === 'hessian') {
      const at = compileNode(step.at, rule, layout);
      const h = layout.slots.get(step.name)!;
      return (env) => {
        const [hxx, , hyy] = lookAhead.oracle!.hessian(at(env, 0), at(env, 1));
        env[h] = hxx;
        env[h + 1] = hyy;
      };
    }
    if (step.k === 'if') {
      const cond = compileNode(step.cond, rule, layout);
      const then = compileSteps(step.then, rule, layout, lookAhead);
      const otherwise = compileSteps(step.else, rule, layout, lookAhead);
      return (env) => (cond(env, 0) !== 0 ? then(env) : otherwise(env));
    }
    const value = compileNode(step.value, rule, layout);
    const slot = layout.slots.get(step.name)!;
    if (!rule.names.get(step.name)!.vector) return (env) => void (env[slot] = value(env, 0));
    // A scalar assigned to a vector fills both coordinates.
    return (env) => {
      env[slot] = value(env, 0);
      env[slot + 1] = value(env, 1);
    };
  });
  return (env) => {
    for (const run of runs) run(env);
  };
}

function hyperparameterValue(hp: Hyperparameters, key: string, component: 0 | 1 | null): number {
  const value = hp[key];
  if (component !== null) {
    if (!Array.isArray(value)) throw new Error(`hyperparameter ${key} is not a pair`);
    return (value as readonly number[])[component]!;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'number') throw new Error(`hyperparameter ${key} is not a number`);
  return value;
}

export type RuleState = Float64Array;

/** init, step and readAccumulators of a spec, generated from its rule. */
export function ruleStepFunctions(
  rule: CompiledRule,
  accumulatorKeys: readonly string[],
  /** false: always the closures (a test compares them with the generated step). */
  useGenerated = true,
): Pick<OptimizerSpec<RuleState>, 'init' | 'step' | 'readAccumulators'> {
  const layout = layoutOf(rule);
  const slot = (name: string) => layout.slots.get(name)!;
  for (const key of accumulatorKeys)
    if (rule.names.get(key)?.role !== 'state' || !rule.names.get(key)!.vector)
      throw new Error(`${rule.type} rule: accumulator ${key} is not a vector state variable`);
  const hyperparameters = [...rule.hyperparameters].map(([name, h]) => ({ slot: slot(name), ...h }));
  const inits = rule.state.map((s) => ({
    slot: slot(s.name),
    vector: s.vector,
    value: compileNode(s.init, rule, layout),
  }));
  const localSlots = rule.locals.map(slot);
  const localWidths = rule.locals.map((name) => (rule.names.get(name)!.vector ? 2 : 1));
  const lookAhead: LookAhead = { oracle: null };
  // The committed straight-line step when it was generated from this very rule, else the closures.
  const generated = RULE_STEPS[rule.type];
  const compiled = compileSteps(rule.step, rule, layout, lookAhead);
  const run: (env: Float64Array, oracle: Oracle) => void =
    useGenerated && generated && generated.fingerprint === rule.fingerprint
      ? generated.run
      : (env) => compiled(env);
  const [gSlot, wSlot, tSlot, lrSlot, lossSlot] = ['g', 'w', 't', 'lr', 'loss'].map(slot) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const updateSlot = slot('update');
  const rateSlot = slot('effective_lr');
  const rateIsVector = rule.names.get('effective_lr')!.vector;
  if (!isVector({ k: 'ref', name: 'update' }, rule.names))
    throw new Error(`${rule.type} rule: update must be a vector`);
  const accumulatorSlots = accumulatorKeys.map(slot);
  const readHyperparameters = (env: Float64Array, hp: Hyperparameters) => {
    for (const h of hyperparameters) env[h.slot] = hyperparameterValue(hp, h.key, h.component);
  };

  return {
    init(hp) {
      const env = new Float64Array(layout.size);
      readHyperparameters(env, hp);
      for (const s of inits) {
        env[s.slot] = s.value(env, 0);
        if (s.vector) env[s.slot + 1] = s.value(env, 1);
      }
      return env;
    },
    step({ t, lr, w, loss, g, hp, state: env, oracle }: StepContext<RuleState>): StepResult {
      lookAhead.oracle = oracle;
      readHyperparameters(env, hp);
      // Locals start each step at 0, as the generated kernels declare them.
      localSlots.forEach((s, k) => env.fill(0, s, s + localWidths[k]!));
      env[gSlot] = g[0];
      env[gSlot + 1] = g[1];
      env[wSlot] = w[0];
      env[wSlot + 1] = w[1];
      env[tSlot] = t;
      env[lrSlot] = lr;
      env[lossSlot] = loss;
      run(env, oracle);
      const rate1 = env[rateSlot]!;
      return {
        update: [env[updateSlot]!, env[updateSlot + 1]!],
        effectiveLr: [rate1, rateIsVector ? env[rateSlot + 1]! : rate1],
      };
    },
    readAccumulators: (env) => accumulatorSlots.map((s): Vec2 => [env[s]!, env[s + 1]!]),
  };
}

/** An element-wise optimizer's spec: its table rows and texts, and its rule; the step is generated. */
export type ElementwiseSpecInput = Omit<
  OptimizerSpec<RuleState>,
  'init' | 'step' | 'readAccumulators' | 'rule'
> & {
  readonly rule: ElementwiseRule;
};

export function elementwiseSpec(input: ElementwiseSpecInput): OptimizerSpec<RuleState> {
  const compiled = compileRule(input.type, input.rule, input.hyperparameters);
  return {
    ...input,
    ...ruleStepFunctions(
      compiled,
      input.accumulators.map((a) => a.key),
    ),
    rule: compiled,
  };
}
