import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIGITS_LOSSES, DIGITS_REGULARIZERS, digitsSchema } from '../core/network';
import { digitsDataset, parseDigits, splitDigits } from './digits';
import { trainDigits } from './digitsTraining';
import { classLoss, multiclassHinge, penaltyWeights, softmaxCrossEntropy, squaredError } from './losses';
import { architecture, createEvaluator, initialParameters } from './mlp';

describe("lecture 000's worked scores: cat 3.2, car 5.1, frog −1.7, the image a cat", () => {
  const scores = [3.2, 5.1, -1.7];

  it('softmax cross-entropy is −log(e^3.2 / (e^3.2 + e^5.1 + e^−1.7)) ≈ 2.04 (P(cat) ≈ 0.13)', () => {
    const expected = -Math.log(Math.exp(3.2) / (Math.exp(3.2) + Math.exp(5.1) + Math.exp(-1.7)));
    expect(softmaxCrossEntropy(scores, 0)).toBeCloseTo(expected, 12);
    expect(softmaxCrossEntropy(scores, 0)).toBeCloseTo(2.0404, 4);
    expect(Math.exp(-softmaxCrossEntropy(scores, 0))).toBeCloseTo(0.13, 2);
  });

  it('the SVM loss is max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9', () => {
    expect(multiclassHinge(scores, 0)).toBeCloseTo(2.9, 12);
    const ds = new Float64Array(3);
    multiclassHinge(scores, 0, ds);
    expect(Array.from(ds)).toEqual([-1, 1, 0]);
  });

  it('squared error against the one-hot target', () => {
    expect(squaredError(scores, 0)).toBeCloseTo(((3.2 - 1) ** 2 + 5.1 ** 2 + 1.7 ** 2) / 3, 12);
  });

  it('each loss gradient matches central differences', () => {
    for (const kind of DIGITS_LOSSES) {
      const s = [0.3, -1.2, 0.9, 0.05];
      const ds = new Float64Array(4);
      classLoss(kind, s, 2, ds);
      for (let j = 0; j < 4; j++) {
        const h = 1e-6;
        const plus = s.slice();
        const minus = s.slice();
        plus[j]! += h;
        minus[j]! -= h;
        expect(ds[j], `${kind} ∂/∂s${j}`).toBeCloseTo(
          (classLoss(kind, plus, 2) - classLoss(kind, minus, 2)) / (2 * h),
          6,
        );
      }
    }
  });
});

describe('losses and regularizers in the digits MLP', () => {
  const asset = readFileSync(new URL('../../public/data/digits.bin', import.meta.url));
  const images = parseDigits(asset.buffer.slice(asset.byteOffset, asset.byteOffset + asset.byteLength));
  const small = digitsDataset(images, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

  it("λ·R(W) is the lecture's R: L2 Σ W², L1 Σ |W|, elastic Σ β W² + |W|", () => {
    const arch = architecture({ layers: [5], activation: 'tanh', loss: 'cross-entropy', l2: 0 }, small);
    const theta = initialParameters(arch, 'xavier', 3);
    const base = createEvaluator(arch, small).loss(theta);
    let squares = 0;
    let absolute = 0;
    for (const { fanIn, fanOut, weightOffset } of arch.layers)
      for (let k = weightOffset; k < weightOffset + fanIn * fanOut; k++) {
        squares += theta[k]! ** 2;
        absolute += Math.abs(theta[k]!);
      }
    const lambda = 0.01;
    const beta = 0.5;
    const expected = {
      none: 0,
      l2: lambda * squares,
      l1: lambda * absolute,
      elastic: lambda * (beta * squares + absolute),
    };
    for (const kind of DIGITS_REGULARIZERS) {
      const penalized = architecture(
        { layers: [5], activation: 'tanh', loss: 'cross-entropy', ...penaltyWeights(kind, lambda, beta) },
        small,
      );
      expect(createEvaluator(penalized, small).loss(theta) - base, kind).toBeCloseTo(expected[kind], 12);
    }
  });

  it('every loss × regularizer gradient matches central differences', () => {
    for (const loss of DIGITS_LOSSES) {
      for (const regularizer of DIGITS_REGULARIZERS) {
        const arch = architecture(
          { layers: [6], activation: 'tanh', loss, ...penaltyWeights(regularizer, 0.02, 0.7) },
          small,
        );
        const evaluator = createEvaluator(arch, small);
        const theta = initialParameters(arch, 'xavier', 5);
        const gradient = new Float64Array(arch.paramCount);
        evaluator.loss(theta, gradient);
        // A spread of weights of both layers and biases.
        for (let k = 0; k < arch.paramCount; k += 37) {
          const h = 1e-6;
          const plus = theta.slice();
          const minus = theta.slice();
          plus[k]! += h;
          minus[k]! -= h;
          const numeric = (evaluator.loss(plus) - evaluator.loss(minus)) / (2 * h);
          expect(Math.abs(gradient[k]! - numeric), `${loss} ${regularizer} θ${k}`).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('trains with the SVM loss and with MSE, elastic net on (seeded run)', async () => {
    const split = splitDigits(images, 1);
    // Chance is 10 %; squared error on softmax-free scores learns slowest of the three.
    const floor = { hinge: 0.8, mse: 0.5 };
    for (const loss of ['hinge', 'mse'] as const) {
      const config = digitsSchema.parse({
        layers: [16],
        steps: 100,
        loss,
        regularizer: 'elastic',
        lambda: 0.0001,
        optimizers: [{ type: 'Adam', lr: 0.01 }],
      });
      const run = await trainDigits(split, config, { evalEvery: 100 });
      expect(run.arch.loss).toBe(loss);
      expect(run.arch.l1).toBe(0.0001);
      expect(run.arch.l2).toBe(0.0002);
      const curve = run.curves[0]!;
      expect(curve.trainLoss[1]!, loss).toBeLessThan(curve.trainLoss[0]!);
      expect(curve.testAccuracy[1]!, loss).toBeGreaterThan(floor[loss]);
    }
  });
});
