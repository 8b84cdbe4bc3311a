import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, INITS } from './config';
import { makeDataset, type DatasetId } from './datasets';
import { architecture, createEvaluator, initialParameters } from './mlp';

function finiteDifference(
  f: (theta: Float64Array) => number,
  theta: Float64Array,
  k: number,
  h = 1e-6,
): number {
  const plus = theta.slice();
  const minus = theta.slice();
  plus[k]! += h;
  minus[k]! -= h;
  return (f(plus) - f(minus)) / (2 * h);
}

const cases: [DatasetId, 'cross-entropy' | 'mse'][] = [
  ['moons', 'cross-entropy'],
  ['blobs', 'cross-entropy'],
  ['xor', 'mse'],
  ['sine', 'mse'],
];

describe('float64 MLP backprop', () => {
  for (const activation of ACTIVATIONS) {
    it.each(cases)(`${activation}: %s with %s matches central differences (with L2)`, (dataset, loss) => {
      const data = makeDataset(dataset, 24, 0.1, 2);
      const arch = architecture({ layers: [5, 4], activation, loss, l2: 0.01 }, data);
      const theta = initialParameters(arch, 'xavier', 11);
      for (let k = 0; k < theta.length; k++) theta[k]! += 0.05 * Math.sin(k); // nonzero biases
      const evaluator = createEvaluator(arch, data);
      const gradient = new Float64Array(arch.paramCount);
      evaluator.loss(theta, gradient);
      const f = (t: Float64Array) => evaluator.loss(t);
      for (let k = 0; k < arch.paramCount; k++) {
        expect(gradient[k]).toBeCloseTo(finiteDifference(f, theta, k), 6);
      }
    });
  }

  it.each(['moons', 'blobs'] as const)(
    "the training tab's hinge loss on %s (binary on one logit, multiclass on three) with L1 matches central differences",
    (dataset) => {
      const data = makeDataset(dataset, 24, 0.1, 2);
      const arch = architecture(
        { layers: [5, 4], activation: 'tanh', loss: 'hinge', l2: 0.01, l1: 0.02 },
        data,
      );
      const theta = initialParameters(arch, 'xavier', 11);
      for (let k = 0; k < theta.length; k++) theta[k]! += 0.05 * Math.sin(k);
      const evaluator = createEvaluator(arch, data);
      const gradient = new Float64Array(arch.paramCount);
      const loss = evaluator.loss(theta, gradient);
      expect(loss).toBeGreaterThan(0);
      const f = (t: Float64Array) => evaluator.loss(t);
      for (let k = 0; k < arch.paramCount; k++)
        expect(gradient[k]).toBeCloseTo(finiteDifference(f, theta, k), 6);
    },
  );

  it('binary hinge is max(0, 1 − ỹ·z): zero beyond the margin, 1 + |z| on the wrong side', () => {
    const data = makeDataset('moons', 4, 0, 1);
    // A linear model z = w·x + b with w = 0: z = b for every point.
    const arch = architecture({ layers: [], activation: 'tanh', loss: 'hinge', l2: 0 }, data);
    const theta = new Float64Array(arch.paramCount);
    const evaluator = createEvaluator(arch, data);
    const positives = Array.from(data.y).filter((v) => v === 1).length / data.size;
    theta[2] = 3; // b = 3: every positive beyond the margin, every negative at 1 + 3
    expect(evaluator.loss(theta)).toBeCloseTo((1 - positives) * 4, 12);
  });

  it('mini-batch rows give the loss of those rows', () => {
    const data = makeDataset('moons', 30, 0.1, 2);
    const arch = architecture({ layers: [4], activation: 'tanh', loss: 'cross-entropy', l2: 0 }, data);
    const theta = initialParameters(arch, 'he', 1);
    const evaluator = createEvaluator(arch, data);
    const all = evaluator.loss(theta);
    const halves =
      (evaluator.loss(theta, undefined, range(0, 15)) + evaluator.loss(theta, undefined, range(15, 30))) / 2;
    expect(halves).toBeCloseTo(all, 12);
  });

  it.each(INITS)('%s initialization has the lecture-003 scale and zero biases', (init) => {
    const data = makeDataset('moons', 10, 0, 1);
    const arch = architecture({ layers: [64, 64], activation: 'relu', loss: 'cross-entropy', l2: 0 }, data);
    const theta = initialParameters(arch, init, 3);
    const hidden = arch.layers[1]!;
    let squares = 0;
    for (let k = 0; k < hidden.fanIn * hidden.fanOut; k++) squares += theta[hidden.weightOffset + k]! ** 2;
    const std = Math.sqrt(squares / (hidden.fanIn * hidden.fanOut));
    const expected = init === 'small' ? 0.01 : init === 'xavier' ? 1 / 8 : Math.sqrt(2 / 64);
    expect(std / expected).toBeGreaterThan(0.95);
    expect(std / expected).toBeLessThan(1.05);
    for (let j = 0; j < hidden.fanOut; j++) expect(theta[hidden.biasOffset + j]).toBe(0);
    expect(Array.from(initialParameters(arch, init, 3))).toEqual(Array.from(theta));
  });
});

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, i) => from + i);
}
