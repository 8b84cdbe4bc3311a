/** Per-coordinate step sizes (lectures 001, 002): AdaGrad's diagonal, RMSProp's recovering rate, Adam's bias correction. */
import { claim } from './claims';
import { accumulator, coord, gradient, hp, nonIncreasing, series, signChanges, update } from './measure';
import { RAVINE, type Lesson } from './types';
import { num, pt, times } from './words';

export const adagradDiagonal: Lesson = {
  id: 'adagrad-diagonal',
  short: 'AdaGrad diagonal',
  title: 'AdaGrad follows the diagonal, then slows',
  lecture: '001',
  scene: {
    ...RAVINE,
    steps: 150,
    optimizers: [
      { type: 'SGD', label: 'SGD', lr: 0.035 },
      { type: 'Adagrad', label: 'AdaGrad', lr: 0.1 },
    ],
  },
  panel: 'effectiveLr',
  quantity: 'effectiveLr',
  explainOptimizer: 1,
  caption: (runs) => {
    const sgd = runs.run('SGD');
    const adagrad = runs.run('AdaGrad');
    const eta = hp(adagrad, 'lr');
    const first = [update(adagrad, 1, 0), update(adagrad, 1, 1)] as const;
    let offDiagonal = 0;
    for (let k = 0; k <= adagrad.steps; k++)
      offDiagonal = Math.max(offDiagonal, Math.abs(coord(adagrad, k, 0) - coord(adagrad, k, 1)));
    const rate = series(adagrad.effectiveLr, 0);
    const n = adagrad.steps;
    const adagradLoss = adagrad.loss[n]!;
    const sgdLoss = sgd.loss[sgd.steps]!;
    return [
      claim(
        `From (−1, −1) AdaGrad's first step is ${pt(first[0], first[1], 4)} ≈ (η, η): each coordinate is divided by its own √r, so both move alike and it heads down the diagonal w₁ = w₂ — and stays on it — while SGD zigzags.`,
        [Math.abs(first[0] - eta) < 1e-6 * eta && Math.abs(first[1] - eta) < 1e-6 * eta, 'first step (η, η)'],
        [offDiagonal < 1e-9, `AdaGrad stays on w₁ = w₂ (largest gap ${offDiagonal})`],
        [signChanges(sgd, 1, 0, 20) >= 15, 'SGD zigzags in w₂'],
      ),
      claim(
        `r only grows, so the effective rate η/(δ + √r) only shrinks (for w₁ from ${num(rate[0]!)} to ${num(rate.at(-1)!)}): after ${n} steps AdaGrad's loss is ${num(adagradLoss)}, SGD's ${num(sgdLoss)}.`,
        [nonIncreasing(rate) && nonIncreasing(series(adagrad.effectiveLr, 1)), 'both rates never increase'],
        [adagradLoss > 1e3 * sgdLoss, 'AdaGrad ends far above SGD'],
      ),
    ];
  },
};

export const rmspropVsAdagrad: Lesson = {
  id: 'rmsprop-vs-adagrad',
  short: 'RMSProp vs AdaGrad',
  title: 'RMSProp’s rate recovers, AdaGrad’s cannot',
  lecture: '002',
  scene: {
    ...RAVINE,
    steps: 150,
    optimizers: [
      { type: 'Adagrad', label: 'AdaGrad', lr: 0.1 },
      { type: 'RMSprop', label: 'RMSProp', lr: 0.01, alpha: 0.9 },
    ],
  },
  panel: 'effectiveLr',
  quantity: 'effectiveLr',
  caption: (runs) => {
    const adagrad = series(runs.run('AdaGrad').effectiveLr, 0);
    const rmsprop = runs.run('RMSProp');
    const rate = series(rmsprop.effectiveLr, 0);
    const low = Math.min(...rate);
    const lowAt = rate.indexOf(low) + 1;
    return [
      claim(
        `Both divide η by √r. AdaGrad sums every g², so its effective rate for w₁ only falls: ${num(adagrad[0]!)} → ${num(adagrad.at(-1)!)}.`,
        [nonIncreasing(adagrad), "AdaGrad's rate never increases"],
      ),
      claim(
        `RMSProp averages g² with decay α = ${num(hp(rmsprop, 'alpha'))}, forgetting old gradients: as they shrink near the minimum its rate grows again, from ${num(low)} at step ${lowAt} to ${num(rate.at(-1)!)}.`,
        [rate.at(-1)! > 10 * low, 'the final rate is more than 10× the lowest'],
        [lowAt < rate.length / 2, 'the low comes in the first half of the run'],
      ),
    ];
  },
};

export const adamBiasCorrection: Lesson = {
  id: 'adam-bias-correction',
  short: 'Adam bias correction',
  title: 'Adam with and without bias correction',
  lecture: '001',
  scene: {
    ...RAVINE,
    steps: 100,
    optimizers: [
      { type: 'Adam', label: 'Adam', lr: 0.05 },
      { type: 'Adam', label: 'Adam, no bias correction', lr: 0.05, bias_correction: false },
    ],
  },
  panel: 'effectiveLr',
  quantity: 'stepLength',
  explainOptimizer: 1,
  caption: (runs) => {
    const corrected = runs.run('Adam');
    const raw = runs.run('Adam, no bias correction');
    const eta = hp(raw, 'lr');
    const [beta1, beta2] = raw.config.hyperparameters.betas as readonly [number, number];
    const predicted = (1 - beta1) / Math.sqrt(1 - beta2);
    const measured = Math.abs(update(raw, 1, 0)) / eta;
    const correctedFirst = Math.abs(update(corrected, 1, 0));
    const g1 = gradient(raw, 1, 0);
    const mShare = accumulator(raw, 'm', 1, 0) / g1;
    const vShare = Math.sqrt(accumulator(raw, 'v', 1, 0)) / Math.abs(g1);
    const rawCross = signChanges(raw, 0);
    const correctedCross = signChanges(corrected, 0);
    return [
      claim(
        `m and v start at 0, so early averages are too small: after one step m is ${num(mShare, 3)}·g and √v only ${num(vShare, 3)}·|g|. Uncorrected, the first step is η·(1−β₁)/√(1−β₂) = ${num(predicted, 3)}η per coordinate.`,
        [
          Math.abs(mShare - (1 - beta1)) < 1e-12 && Math.abs(vShare - Math.sqrt(1 - beta2)) < 1e-12,
          'm₁ = (1−β₁)g, √v₁ = √(1−β₂)|g|',
        ],
        [vShare < mShare, '√v is biased more than m, so the step is too large'],
        [Math.abs(measured - predicted) < 1e-3 * predicted, `first uncorrected step ${measured}η`],
      ),
      claim(
        `Dividing by 1−βᵗ fixes the start: corrected Adam's first step is η = ${num(correctedFirst, 3)} per coordinate, and it crosses w₁ = 0 ${times(correctedCross)} where the uncorrected run, thrown by its oversized early steps, crosses it ${times(rawCross)}.`,
        [Math.abs(correctedFirst - eta) < 1e-6 * eta, 'corrected first step is η'],
        [rawCross > correctedCross, 'the uncorrected run overshoots w₁ = 0 more often'],
      ),
    ];
  },
};
