import { describe, expect, it } from 'vitest';
import type { HyperparameterSpec, Vec2 } from '../types';
import { compileRule, parseRuleExpression, when, type ElementwiseRule } from './rule';
import { ruleStepFunctions } from './ruleStep';
import type { Oracle } from './spec';

const number = (key: string, value: number): HyperparameterSpec => ({
  key,
  kind: 'number',
  label: key,
  default: value,
  min: 0,
  max: 10,
  scale: 'linear',
});

/** f = a·w1² + b·w2², an oracle written independently of the rule machinery. */
const A = 1;
const B = 10;
const quadratic: Oracle = {
  value: (w1, w2) => A * w1 * w1 + B * w2 * w2,
  gradient: (w1, w2) => [2 * A * w1, 2 * B * w2],
  hessian: () => [2 * A, 0, 2 * B],
};

/** f = w1² + w1·w2 + 5·w2²: a Hessian with an off-diagonal term, (2, 1, 10), so the diagonal is (2, 10). */
const coupled: Oracle = {
  value: (w1, w2) => w1 * w1 + w1 * w2 + 5 * w2 * w2,
  gradient: (w1, w2) => [2 * w1 + w2, w1 + 10 * w2],
  hessian: () => [2, 1, 10],
};

/** Runs a rule through the generated float64 step, as runOptimizer does (no noise, constant rate). */
function runRule(
  rule: ElementwiseRule,
  hyperparameters: readonly HyperparameterSpec[],
  values: Record<string, number>,
  start: Vec2,
  steps: number,
  surface: Oracle = quadratic,
): Vec2[] {
  const compiled = compileRule('Test', rule, [{ key: 'lr', kind: 'number' }, ...hyperparameters]);
  const { init, step } = ruleStepFunctions(compiled, []);
  const hp = { lr: values.lr!, ...values };
  const state = init(hp);
  const path: Vec2[] = [start];
  let w = start;
  for (let t = 1; t <= steps; t++) {
    const g = surface.gradient(w[0], w[1]);
    const loss = surface.value(w[0], w[1]);
    const { update } = step({ t, lr: hp.lr, w, loss, g, hp, state, oracle: surface, random: () => 0 });
    w = [w[0] + update[0], w[1] + update[1]];
    path.push(w);
  }
  return path;
}

describe('rule expressions', () => {
  it('parse with the precedence of JavaScript and WGSL', () => {
    expect(parseRuleExpression('-a * b / c')).toEqual({
      k: 'bin',
      op: '/',
      a: { k: 'bin', op: '*', a: { k: 'neg', a: { k: 'ref', name: 'a' } }, b: { k: 'ref', name: 'b' } },
      b: { k: 'ref', name: 'c' },
    });
    expect(parseRuleExpression('p && t == 1 ? x : 1e-8').k).toBe('cond');
    expect(() => parseRuleExpression('a +')).toThrow(/ends early/);
    expect(() => parseRuleExpression('foo(a)')).toThrow(/unknown function foo/);
    expect(() => parseRuleExpression('max(a)')).toThrow(/takes 2 arguments/);
  });

  it('refuse names that are not defined, vector conditions and a scalar turned vector', () => {
    const hp = [{ key: 'lr', kind: 'number' as const }];
    const rule = (step: string[]): ElementwiseRule => ({ state: { v: '0' }, step });
    expect(() => compileRule('T', rule(['update = -lr * q', 'effective_lr = lr']), hp)).toThrow(
      /q is not defined/,
    );
    expect(() => compileRule('T', rule(['update = g > 0 ? g : w', 'effective_lr = lr']), hp)).toThrow(
      /condition must be a scalar/,
    );
    expect(() => compileRule('T', rule(['k = lr', 'k = g', 'update = -k', 'effective_lr = lr']), hp)).toThrow(
      /scalar and cannot take a vector/,
    );
    expect(() => compileRule('T', rule(['update = -lr * g']), hp)).toThrow(/must set effective_lr/);
    expect(() => compileRule('T', rule(['t = 1', 'update = -lr * g', 'effective_lr = lr']), hp)).toThrow(
      /cannot be assigned/,
    );
    expect(() => compileRule('T', rule(['k = sum(lr)', 'update = -k * g', 'effective_lr = lr']), hp)).toThrow(
      /sum\(…\) adds the coordinates of a vector/,
    );
    expect(() =>
      compileRule(
        'T',
        rule(['k = lr', 'k = hessian_diagonal_at(w)', 'update = -g', 'effective_lr = lr']),
        hp,
      ),
    ).toThrow(/needs a vector local/);
  });

  it('mark a rule that adds over the coordinates or reads the Hessian (neither trains a network)', () => {
    const hp = [{ key: 'lr', kind: 'number' as const }];
    const plain = compileRule('T', { state: {}, step: ['update = -lr * g', 'effective_lr = lr'] }, hp);
    expect([plain.reduces, plain.readsHessian]).toEqual([false, false]);
    const norm = compileRule(
      'T',
      { state: {}, step: ['n = sqrt(sum(g * g))', 'update = -lr * g / n', 'effective_lr = lr / n'] },
      hp,
    );
    expect([norm.reduces, norm.readsHessian, norm.names.get('n')!.vector]).toEqual([true, false, false]);
    const curvature = compileRule(
      'T',
      { state: {}, step: ['h = hessian_diagonal_at(w)', 'update = -lr * g / h', 'effective_lr = lr / h'] },
      hp,
    );
    expect([curvature.reduces, curvature.readsHessian, curvature.names.get('h')!.vector]).toEqual([
      false,
      true,
      true,
    ]);
  });
});

describe('the rule form expresses the lectures’ variants (checked against hand-written loops)', () => {
  it('momentum as an exponentially weighted average started from V₀ = 0', () => {
    const path = runRule(
      {
        state: { v: '0' },
        step: ['v = beta * v + (1 - beta) * g', 'update = -lr * v', 'effective_lr = lr'],
      },
      [number('beta', 0.9)],
      { lr: 0.05, beta: 0.9 },
      [1, 1],
      30,
    );
    let w: Vec2 = [1, 1];
    let v: Vec2 = [0, 0];
    for (let t = 1; t <= 30; t++) {
      const g = quadratic.gradient(w[0], w[1]);
      v = [0.9 * v[0] + 0.1 * g[0], 0.9 * v[1] + 0.1 * g[1]];
      w = [w[0] - 0.05 * v[0], w[1] - 0.05 * v[1]];
      expect(path[t]![0]).toBeCloseTo(w[0], 14);
      expect(path[t]![1]).toBeCloseTo(w[1], 14);
    }
  });

  it('RMSProp with ε inside the root', () => {
    const path = runRule(
      {
        state: { r: '0' },
        step: [
          'r = rho * r + (1 - rho) * g * g',
          'effective_lr = lr / sqrt(r + eps)',
          'update = -effective_lr * g',
        ],
      },
      [number('rho', 0.9), number('eps', 1e-6)],
      { lr: 0.01, rho: 0.9, eps: 1e-6 },
      [1, -1],
      25,
    );
    let w: Vec2 = [1, -1];
    let r: Vec2 = [0, 0];
    for (let t = 1; t <= 25; t++) {
      const g = quadratic.gradient(w[0], w[1]);
      r = [0.9 * r[0] + 0.1 * g[0] ** 2, 0.9 * r[1] + 0.1 * g[1] ** 2];
      w = [w[0] - (0.01 / Math.sqrt(r[0] + 1e-6)) * g[0], w[1] - (0.01 / Math.sqrt(r[1] + 1e-6)) * g[1]];
      expect(path[t]![0]).toBeCloseTo(w[0], 14);
      expect(path[t]![1]).toBeCloseTo(w[1], 14);
    }
  });

  it('Nesterov as the lectures write it: v ← μv − η∇f(w + μv), w ← w + v', () => {
    const path = runRule(
      {
        state: { v: '0' },
        step: ['g = gradient_at(w + mu * v)', 'v = mu * v - lr * g', 'update = v', 'effective_lr = lr'],
      },
      [number('mu', 0.8)],
      { lr: 0.02, mu: 0.8 },
      [2, 0.5],
      40,
    );
    let w: Vec2 = [2, 0.5];
    let v: Vec2 = [0, 0];
    for (let t = 1; t <= 40; t++) {
      const g = quadratic.gradient(w[0] + 0.8 * v[0], w[1] + 0.8 * v[1]);
      v = [0.8 * v[0] - 0.02 * g[0], 0.8 * v[1] - 0.02 * g[1]];
      w = [w[0] + v[0], w[1] + v[1]];
      expect(path[t]![0]).toBeCloseTo(w[0], 14);
      expect(path[t]![1]).toBeCloseTo(w[1], 14);
    }
    // It converges on this convex quadratic.
    expect(Math.hypot(...path[40]!)).toBeLessThan(0.05);
  });

  it('normalized gradient descent through sum: w ← w − η g/‖g‖', () => {
    const path = runRule(
      {
        state: {},
        step: ['norm = sqrt(sum(g * g))', 'update = -lr * g / norm', 'effective_lr = lr / norm'],
      },
      [],
      { lr: 0.05 },
      [2, 1],
      20,
      coupled,
    );
    let w: Vec2 = [2, 1];
    for (let t = 1; t <= 20; t++) {
      const g = coupled.gradient(w[0], w[1]);
      const norm = Math.hypot(g[0], g[1]);
      w = [w[0] - (0.05 * g[0]) / norm, w[1] - (0.05 * g[1]) / norm];
      // Every step has length η exactly: the coordinates were added, not treated one by one.
      expect(Math.hypot(path[t]![0] - path[t - 1]![0], path[t]![1] - path[t - 1]![1])).toBeCloseTo(0.05, 14);
      expect(path[t]![0]).toBeCloseTo(w[0], 14);
      expect(path[t]![1]).toBeCloseTo(w[1], 14);
    }
  });

  it('a diagonal Newton step through hessian_diagonal_at: w ← w − η g/diag(H), the off-diagonal ignored', () => {
    const path = runRule(
      {
        state: {},
        step: ['h = hessian_diagonal_at(w)', 'effective_lr = lr / h', 'update = -effective_lr * g'],
      },
      [],
      { lr: 0.5 },
      [1, -1],
      15,
      coupled,
    );
    let w: Vec2 = [1, -1];
    for (let t = 1; t <= 15; t++) {
      const g = coupled.gradient(w[0], w[1]);
      w = [w[0] - (0.5 * g[0]) / 2, w[1] - (0.5 * g[1]) / 10];
      expect(path[t]![0]).toBeCloseTo(w[0], 14);
      expect(path[t]![1]).toBeCloseTo(w[1], 14);
    }
  });

  it('branches on hyperparameters and keeps scalar state once per step', () => {
    const path = runRule(
      {
        state: { product: { scalar: '1' } },
        step: [
          'product = product * decay',
          when('decay < 1', 'scale = product'),
          'update = -lr * scale * g',
          'effective_lr = lr * scale',
        ],
      },
      [number('decay', 0.5)],
      { lr: 0.1, decay: 0.5 },
      [1, 1],
      3,
    );
    // Step t scales by 0.5ᵗ (the product advances once per step, not once per coordinate).
    let w: Vec2 = [1, 1];
    for (let t = 1; t <= 3; t++) {
      const g = quadratic.gradient(w[0], w[1]);
      w = [w[0] - 0.1 * 0.5 ** t * g[0], w[1] - 0.1 * 0.5 ** t * g[1]];
    }
    expect(path[3]![0]).toBeCloseTo(w[0], 15);
    expect(path[3]![1]).toBeCloseTo(w[1], 15);
  });
});
