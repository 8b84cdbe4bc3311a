/**
 * How fast, and at what rate (lectures 000, 002, 003): the four classic learning-rate curves, the condition
 * number and the best fixed rate, and quadratic vs linear vs sublinear convergence.
 */
import { eigenvalues, surfaceHessian } from './curvature';
import { claim, type LessonRuns } from './claims';
import { coord, hp, settlesBelow, signChanges, tailMean } from './measure';
import { RAVINE, type Lesson } from './types';
import { num } from './words';

const TAIL = 20;

export const whichLearningRate: Lesson = {
  id: 'which-learning-rate',
  short: 'Which learning rate?',
  title: 'Very high, high, good and low learning rates',
  lecture: '000',
  scene: {
    ...RAVINE,
    steps: 100,
    seed: 5,
    optimizers: [
      { type: 'SGD', label: 'very high η', lr: 0.045, noise: 2 },
      { type: 'SGD', label: 'high η', lr: 0.03, noise: 2 },
      { type: 'SGD', label: 'good η', lr: 0.01, noise: 2 },
      { type: 'SGD', label: 'low η', lr: 0.001, noise: 2 },
    ],
  },
  panel: 'loss',
  caption: (runs) => {
    const [veryHigh, high, good, low] = ['very high η', 'high η', 'good η', 'low η'].map((l) =>
      runs.run(l),
    ) as [
      ReturnType<LessonRuns['run']>,
      ReturnType<LessonRuns['run']>,
      ReturnType<LessonRuns['run']>,
      ReturnType<LessonRuns['run']>,
    ];
    const [, hMax] = eigenvalues(surfaceHessian(runs, 0, 0));
    const early = 10;
    const tails = [high, good, low].map((t) => tailMean(t.loss, TAIL));
    return [
      claim(
        `Very high (η = ${num(hp(veryHigh, 'lr'))}, above 2/λmax = ${num(2 / hMax)}): every step overshoots the steep w₂ further, and the loss explodes until the run leaves the plot at step ${veryHigh.steps}.`,
        [hp(veryHigh, 'lr') > 2 / hMax, 'η exceeds 2/λmax'],
        [
          signChanges(veryHigh, 1, 0, early) === early && Math.abs(coord(veryHigh, early, 1)) > 1,
          'w₂ flips every step and grows',
        ],
        [
          veryHigh.divergence !== null && veryHigh.loss[early]! > veryHigh.loss[0]!,
          'the loss grows and the run leaves',
        ],
      ),
      claim(
        `High (η = ${num(hp(high, 'lr'))}) drops fastest at first (L = ${num(high.loss[early]!)} at step ${early}, against ${num(good.loss[early]!)} for the good rate) but then hovers higher: over the last ${TAIL} steps ${num(tails[0]!)} against ${num(tails[1]!)} — big steps keep bouncing in the noise.`,
        [high.loss[early]! < good.loss[early]!, 'the high rate is lower at step 10'],
        [tails[0]! > tails[1]!, 'the high rate ends above the good one'],
      ),
      claim(
        `Low (η = ${num(hp(low, 'lr'))}) falls steadily but slowly: after ${low.steps} steps it is still at ${num(tails[2]!)}, ${num(tails[2]! / tails[1]!)}× the good rate's level.`,
        [tails[2]! > 5 * tails[1]!, 'the low rate ends far above the good one'],
      ),
    ];
  },
};

/** The ravine with its steepness k as a constant on a slider: κ = 2k/2. */
const KAPPA_SCENE_K = 25;
const bestRate = 2 / (2 + 2 * KAPPA_SCENE_K);

export const conditionNumber: Lesson = {
  id: 'condition-number',
  short: 'Condition number',
  title: 'The condition number sets the zigzag and the best learning rate',
  lecture: '003',
  scene: {
    surface: { expression: 'w1^2 + k*w2^2', constants: { k: KAPPA_SCENE_K } },
    start: [-1, -1],
    steps: 60,
    optimizers: [
      { type: 'SGD', label: 'η = 2/(λmin+λmax)', lr: bestRate },
      { type: 'SGD', label: 'η = 1/λmax', lr: 1 / (2 * KAPPA_SCENE_K) },
    ],
  },
  panel: 'loss',
  caption: (runs) => {
    const best = runs.run('η = 2/(λmin+λmax)');
    const careful = runs.run('η = 1/λmax');
    const [hMin, hMax] = eigenvalues(surfaceHessian(runs, 0, 0));
    const kappa = hMax / hMin;
    const factor = (t: typeof best) => {
      const d = (k: number) => Math.hypot(coord(t, k, 0), coord(t, k, 1));
      return d(t.steps) / d(t.steps - 1);
    };
    const predictedBest = (kappa - 1) / (kappa + 1);
    const predictedCareful = 1 - hMin / hMax;
    return [
      claim(
        `The Hessian is diag(${num(hMin)}, ${num(hMax)}), so the condition number is κ = λmax/λmin = ${num(kappa)}. Drag k to change it.`,
        [kappa > 1, 'κ > 1'],
      ),
      claim(
        `The best fixed rate η = 2/(λmin+λmax) = ${num(hp(best, 'lr'), 3)} shrinks both directions by (κ−1)/(κ+1) = ${num(predictedBest, 3)} per step (measured: ${num(factor(best), 3)}) — and pays with a zigzag: w₂ changes sign at every step.`,
        [Math.abs(hp(best, 'lr') - 2 / (hMin + hMax)) < 1e-12, 'η is 2/(λmin+λmax) for this surface'],
        [Math.abs(factor(best) - predictedBest) < 1e-6, 'the measured factor is (κ−1)/(κ+1)'],
        [signChanges(best, 1, 0, 20) === 20, 'w₂ changes sign at each of the first 20 steps'],
      ),
      claim(
        `η = 1/λmax = ${num(hp(careful, 'lr'), 3)} removes the zigzag — w₂ is 0 after one step — but the flat w₁ then shrinks only by 1 − 1/κ = ${num(predictedCareful, 3)} per step: the larger κ, the slower.`,
        [Math.abs(hp(careful, 'lr') - 1 / hMax) < 1e-12, 'η is 1/λmax for this surface'],
        [coord(careful, 1, 1) === 0, 'w₂ = 0 after one step'],
        [Math.abs(factor(careful) - predictedCareful) < 1e-6, 'the measured factor is 1 − 1/κ'],
      ),
    ];
  },
};

const SEEDS = 64;

export const convergenceRates: Lesson = {
  id: 'convergence-rates',
  short: 'Convergence rates',
  title: 'Quadratic, linear and sublinear convergence',
  lecture: '000',
  scene: {
    surface: { expression: 'exp(w1) - w1 - 1 + 2*w2^2' },
    start: [-1, -1],
    steps: 120,
    seed: 1,
    optimizers: [
      { type: 'Newton', label: 'Newton' },
      { type: 'SGD', label: 'GD', lr: 0.1 },
      { type: 'SGD', label: 'SGD, η ∝ 1/t', lr: 0.4, noise: 1, schedule: { type: 'inverse_time', k: 0.2 } },
    ],
  },
  panel: 'loss',
  caption: (runs) => {
    const newton = runs.run('Newton');
    const gd = runs.run('GD');
    const sgd = runs.run('SGD, η ∝ 1/t');
    // Newton: each loss about the square of the one before, until rounding (1e-15) takes over.
    const plunge = Array.from(newton.loss.slice(1, 6));
    const squares = plunge.slice(0, -1).every((l, i) => {
      const next = plunge[i + 1]!;
      return next < 1e-15 || (next < l * l * 10 && next > (l * l) / 10);
    });
    const gdRatios = Array.from(
      { length: 10 },
      (_, i) => gd.loss[gd.steps - i]! / gd.loss[gd.steps - i - 1]!,
    );
    const gdFactor = gdRatios[0]!;
    const gdSteady = Math.max(...gdRatios) - Math.min(...gdRatios) < 1e-3;
    const predicted = (1 - hp(gd, 'lr') * eigenvalues(surfaceHessian(runs, 0, 0))[0]) ** 2;
    // SGD with η ∝ 1/t under noise: the loss averaged over many seeds falls like 1/n.
    const mean = new Float64Array(sgd.steps + 1);
    for (let s = 0; s < SEEDS; s++) {
      const t = runs.withSeed(1000 + s).trajectories[sgd.index]!;
      for (let k = 0; k <= sgd.steps; k++) mean[k]! += t.loss[k]! / SEEDS;
    }
    const [from, to] = [20, sgd.steps];
    const slope = (Math.log(mean[to]!) - Math.log(mean[from]!)) / (Math.log(to) - Math.log(from));
    return [
      claim(
        `Newton converges quadratically: its loss goes ${plunge
          .slice(0, 4)
          .map((l) => num(l))
          .join(
            ' → ',
          )} — each about the square of the one before, so the correct digits double every step until rounding stops it (below 10⁻¹⁵ at step ${settlesBelow(newton, 1e-15)}).`,
        [squares, 'each loss is within 10× of the square of the previous'],
        [(settlesBelow(newton, 1e-15) ?? Infinity) <= 6, 'Newton reaches rounding within 6 steps'],
      ),
      claim(
        `Gradient descent (η = ${num(hp(gd, 'lr'))}) converges linearly: its loss shrinks by the same factor ${num(gdFactor, 3)} every step, a straight line on the log axis, the square of its slowest mode's 1 − ηλmin (${num(predicted, 3)}).`,
        [gdSteady, 'the factor is constant over the last 10 steps'],
        [Math.abs(gdFactor - predicted) < 2e-3, 'and equals (1 − ηλmin)²'],
      ),
      claim(
        `SGD with noisy gradients converges sublinearly even with η ∝ 1/t: averaged over ${SEEDS} noise seeds its loss falls with a log–log slope of ${num(slope)} between steps ${from} and ${to} — the O(1/n) rate, far slower than either.`,
        [slope > -1.3 && slope < -0.75, 'the log–log slope of the mean loss is about −1'],
        [sgd.loss[sgd.steps]! > 1e3 * gd.loss[gd.steps]!, 'SGD ends far above GD'],
      ),
    ];
  },
};
