import { describe, expect, it } from 'vitest';
import { createDeepNet, evaluateDeepNet, lossAndGradients, trainDeepNet, type DeepNetSpec } from './deepNet';
import { NN_CHANNEL, randomStream } from './random';

const spec = (patch: Partial<DeepNetSpec>): DeepNetSpec => ({
  inputs: 3,
  classes: 3,
  depth: 3,
  width: 5,
  activation: 'tanh',
  init: 'xavier',
  gain: 1,
  batchNorm: false,
  seed: 4,
  ...patch,
});

/** Gaussian inputs labelled by their largest coordinate: learnable, unlike random labels. */
function batchOf(rows: number, inputs: number) {
  const random = randomStream(9, NN_CHANNEL.deepData);
  const x = Float64Array.from({ length: rows * inputs }, () => random.gaussian());
  const labels = Int32Array.from({ length: rows }, (_, i) => {
    const row = Array.from(x.subarray(i * inputs, (i + 1) * inputs));
    return row.indexOf(Math.max(...row));
  });
  return { x, labels };
}

describe('deep MLP backward pass', () => {
  for (const activation of ['tanh', 'sigmoid', 'relu'] as const) {
    for (const batchNorm of [false, true]) {
      it(`${activation}${batchNorm ? ' + batch norm' : ''}: every gradient matches central differences`, () => {
        const net = createDeepNet(
          spec({ activation, batchNorm, init: activation === 'relu' ? 'he' : 'xavier' }),
        );
        // Non-trivial γ and β, so their gradients and batch norm's backward are exercised off the identity.
        net.layers.forEach((layer, l) => {
          layer.gamma.forEach((_, j) => (layer.gamma[j] = 1 + 0.1 * ((j + l) % 3)));
          layer.beta.forEach((_, j) => (layer.beta[j] = 0.05 * (j - 2)));
          layer.b.forEach((_, j) => (layer.b[j] = 0.02 * j));
        });
        const { x, labels } = batchOf(7, 3);
        const analytic = lossAndGradients(net, x, labels);
        const h = 1e-6;
        let worst = 0;
        net.layers.forEach((layer, l) => {
          const groups = [
            [layer.w, analytic.w[l]!],
            [layer.b, analytic.b[l]!],
            [layer.gamma, analytic.gamma[l]!],
            [layer.beta, analytic.beta[l]!],
          ] as const;
          for (const [parameter, gradient] of groups) {
            for (let k = 0; k < parameter.length; k++) {
              const keep = parameter[k]!;
              parameter[k] = keep + h;
              const up = lossAndGradients(net, x, labels).loss;
              parameter[k] = keep - h;
              const down = lossAndGradients(net, x, labels).loss;
              parameter[k] = keep;
              const numeric = (up - down) / (2 * h);
              worst = Math.max(worst, Math.abs(numeric - gradient[k]!) / Math.max(1e-4, Math.abs(numeric)));
            }
          }
        });
        expect(worst).toBeLessThan(1e-4);
      });
    }
  }

  it('with batch norm the hidden biases get no gradient (β takes their place)', () => {
    const net = createDeepNet(spec({ batchNorm: true }));
    const { x, labels } = batchOf(6, 3);
    const g = lossAndGradients(net, x, labels);
    for (let l = 0; l < 3; l++) expect(g.b[l]!.every((v) => v === 0)).toBe(true);
    expect(g.b[3]!.some((v) => v !== 0)).toBe(true);
  });
});

describe('deep MLP training', () => {
  it('SGD lowers the loss, reproduces exactly from its seeds, and records a gradient norm per layer', () => {
    const { x, labels } = batchOf(60, 3);
    const run = () => {
      const net = createDeepNet(spec({ batchNorm: true }));
      const gen = trainDeepNet(net, x, labels, {
        lr: 0.2,
        steps: 60,
        batchSize: 20,
        seed: 2,
        recordEvery: 10,
      });
      let last = gen.next();
      while (!last.done) last = gen.next();
      return { record: last.value, net };
    };
    const a = run();
    const b = run();
    expect(a.record.loss).toEqual(b.record.loss);
    expect(a.record.steps).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(a.record.gradientNorms).toHaveLength(4);
    expect(a.record.gradientNorms.every((g) => g.length === 7 && g.every((v) => v > 0))).toBe(true);
    expect(a.record.loss.at(-1)!).toBeLessThan(a.record.loss[0]! - 0.1);
    expect(evaluateDeepNet(a.net, x, labels).loss).toBeCloseTo(a.record.loss.at(-1)!, 12);
  });

  it('a rate far too high never leaves a silent NaN: every loss is finite up to divergedAt', () => {
    const { x, labels } = batchOf(30, 3);
    for (const activation of ['tanh', 'relu', 'sigmoid'] as const) {
      const net = createDeepNet(spec({ activation }));
      const gen = trainDeepNet(net, x, labels, {
        lr: 1e200,
        steps: 50,
        batchSize: 30,
        seed: 1,
        recordEvery: 5,
      });
      let last = gen.next();
      while (!last.done) last = gen.next();
      const { loss, steps, divergedAt } = last.value;
      loss.forEach((v, r) => {
        if (divergedAt === null || steps[r]! < divergedAt) expect(Number.isFinite(v)).toBe(true);
      });
    }
  });
});
