/** Noisy gradients (lectures 000, 003, 004): learning-rate decay, mini-batch noise, weighted averages. */
import { EWA_BETAS, exponentialAverage } from '../ewa';
import { claim } from './claims';
import { coord, hp, roughness, series, tailMean } from './measure';
import { RAVINE, type Lesson } from './types';
import { num } from './words';

const TAIL = 50;

export const lrDecay: Lesson = {
  id: 'lr-decay',
  short: 'LR decay',
  title: 'Learning-rate decay under noise',
  lecture: '000',
  scene: {
    ...RAVINE,
    steps: 200,
    seed: 7,
    optimizers: [
      { type: 'SGD', label: 'constant', lr: 0.03, noise: 4 },
      {
        type: 'SGD',
        label: 'step decay',
        lr: 0.03,
        noise: 4,
        schedule: { type: 'step', step_size: 50, gamma: 0.3 },
      },
      { type: 'SGD', label: 'exponential', lr: 0.03, noise: 4, schedule: { type: 'exponential', k: 0.02 } },
      { type: 'SGD', label: '1/t', lr: 0.03, noise: 4, schedule: { type: 'inverse_time', k: 0.05 } },
      {
        type: 'SGD',
        label: 'cosine',
        lr: 0.03,
        noise: 4,
        schedule: { type: 'cosine', T_max: 200, eta_min: 0 },
      },
    ],
  },
  panel: 'loss',
  caption: (runs) => {
    const constant = runs.run('constant');
    const decayed = ['step decay', 'exponential', '1/t', 'cosine'].map((label) => runs.run(label));
    const constantTail = tailMean(constant.loss, TAIL);
    const tails = decayed.map((t) => tailMean(t.loss, TAIL));
    const finalShare = decayed.map((t) => t.learningRate.at(-1)! / t.learningRate[0]!);
    return [
      claim(
        `With noisy gradients (σ = ${num(constant.config.noise)}) a constant η = ${num(hp(constant, 'lr'))} keeps jittering around the minimum: its mean loss over the last ${TAIL} steps is ${num(constantTail)}.`,
        [constantTail > 0.02, 'the constant run hovers well above the minimum'],
      ),
      claim(
        `Every decayed η (step, exponential, 1/t, cosine) ends below ${num(Math.max(...finalShare) * 100)} % of its start and settles lower: ${tails.map((x) => num(x)).join(', ')} over the same steps — small late steps average the noise away.`,
        [
          tails.every((x) => x < constantTail / 2),
          'each decayed run’s tail is under half the constant one’s',
        ],
        [finalShare.every((s) => s < 0.5), 'each schedule ends below half its starting rate'],
      ),
    ];
  },
};

export const minibatchNoise: Lesson = {
  id: 'minibatch-noise',
  short: 'Mini-batch noise',
  title: 'Mini-batch noise',
  lecture: '003',
  scene: {
    ...RAVINE,
    steps: 150,
    seed: 3,
    optimizers: [
      { type: 'SGD', label: 'full batch (σ=0)', lr: 0.02 },
      { type: 'SGD', label: 'σ=2', lr: 0.02, noise: 2 },
      { type: 'SGD', label: 'σ=8', lr: 0.02, noise: 8 },
    ],
  },
  panel: 'loss',
  caption: (runs) => {
    const labels = ['full batch (σ=0)', 'σ=2', 'σ=8'];
    const tails = labels.map((label) => tailMean(runs.run(label).loss, TAIL));
    const again = runs.withSeed(runs.simulation.scene.seed);
    const other = runs.withSeed(runs.simulation.scene.seed + 1);
    const noisy = runs.run('σ=8');
    const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => x === b[i]);
    return [
      claim(
        `Mini-batch gradients are noisy estimates: over the last ${TAIL} steps the loss hovers at ${tails.map((x) => num(x)).join(', ')} for σ = 0, 2 and 8 — the more noise, the more the path wanders and the higher it stays.`,
        [tails[0]! < tails[1]! && tails[1]! < tails[2]!, 'the tail loss grows with σ'],
      ),
      claim(
        `Same seed, same noise: every run reproduces exactly. Another seed draws another batch sequence and another path.`,
        [same(again.trajectories[noisy.index]!.path, noisy.path), 'the same seed gives the same path'],
        [!same(other.trajectories[noisy.index]!.path, noisy.path), 'another seed gives another path'],
      ),
    ];
  },
};

export const ewa: Lesson = {
  id: 'ewa',
  short: 'EWA β 0.5/0.9/0.98',
  title: 'Exponentially weighted averages and bias correction',
  lecture: '004',
  scene: {
    ...RAVINE,
    steps: 150,
    seed: 11,
    optimizers: [{ type: 'SGD', label: 'noisy SGD', lr: 0.01, noise: 3 }],
  },
  panel: 'ewa',
  caption: (runs) => {
    const run = runs.run('noisy SGD');
    const theta = series(run.gradient, 0);
    const { surface } = runs.simulation;
    const trend = theta.map((_, k) => surface.gradient(coord(run, k, 0), coord(run, k, 1))[0]);
    const corrected = (beta: number) => exponentialAverage(theta, beta, true);
    const rough = EWA_BETAS.map((beta) => roughness(Array.from(corrected(beta))));
    const lag = (beta: number) => {
      const v = corrected(beta);
      return trend.slice(0, 60).reduce((sum, x, k) => sum + (v[k]! - x), 0) / 60;
    };
    const beta = EWA_BETAS[2];
    const raw = exponentialAverage(theta, beta, false);
    const [t1, t2] = [theta[0]!, theta[1]!];
    const w21 = beta * (1 - beta);
    const correction2 = 1 - beta ** 2;
    return [
      claim(
        `Vₜ = βVₜ₋₁ + (1−β)θₜ averages about 1/(1−β) values — ${EWA_BETAS.map((b) => `${num(1 / (1 - b))} for β = ${num(b)}`).join(', ')}. On SGD's noisy gradient g₁ the larger β is smoother (mean jump per step ${rough.map((x) => num(x)).join(', ')}) but lags further behind the trend: it still remembers the larger gradients of the start as SGD nears the minimum.`,
        [rough[0]! > rough[1]! && rough[1]! > rough[2]!, 'roughness falls as β grows'],
        [
          lag(EWA_BETAS[2]) < lag(EWA_BETAS[1]) && lag(EWA_BETAS[1]) < 0,
          'the larger β stays further below the rising trend (it remembers older, more negative gradients)',
        ],
      ),
      claim(
        `From V₀ = 0 the average starts far too small: for β = ${num(beta)}, V₁ = ${num(1 - beta)}θ₁ and V₂ = ${num(w21, 3)}θ₁ + ${num(1 - beta)}θ₂. Dividing by 1 − βᵗ (at t = 2, 1 − ${num(beta)}² = ${num(correction2, 3)}) removes the bias: the corrected curve starts on the data.`,
        [Math.abs(raw[0]! - (1 - beta) * t1) < 1e-12, 'V₁ = (1−β)θ₁'],
        [Math.abs(raw[1]! - (w21 * t1 + (1 - beta) * t2)) < 1e-12, 'V₂ = β(1−β)θ₁ + (1−β)θ₂'],
        [
          corrected(beta)[0] === t1 || Math.abs(corrected(beta)[0]! - t1) < 1e-12 * Math.abs(t1),
          'corrected V₁ = θ₁',
        ],
        [
          Math.abs(raw[1]!) < 0.1 * Math.max(Math.abs(t1), Math.abs(t2)),
          'the raw average starts far below the data',
        ],
      ),
    ];
  },
};
