/**
 * Stability (issue: curvature and stability): the ravine's exact threshold η < 2/λmax, momentum's wider stable
 * range, and Adam's preconditioned sharpness settling at its own threshold (the adaptive edge of stability).
 */
import { sharpnessAlong } from '../stability';
import { eigenvalues, surfaceHessian } from './curvature';
import { claim } from './claims';
import { coord, hp, signChanges } from './measure';
import { RAVINE, type Lesson } from './types';
import { num } from './words';

const converged = (t: { divergence: unknown; loss: Float64Array; steps: number }) =>
  t.divergence === null && t.loss[t.steps]! < 1e-3 * t.loss[0]!;

export const stabilityThreshold: Lesson = {
  id: 'stability-threshold',
  short: 'Stability threshold',
  title: 'Why gradient descent diverges just above η = 2/λmax',
  lecture: '002',
  scene: {
    ...RAVINE,
    steps: 300,
    optimizers: [
      { type: 'SGD', label: 'η = 0.039', lr: 0.039 },
      { type: 'SGD', label: 'η = 0.041', lr: 0.041 },
    ],
  },
  panel: 'stability',
  caption: (runs) => {
    const below = runs.run('η = 0.039');
    const above = runs.run('η = 0.041');
    const [hMin, hMax] = eigenvalues(surfaceHessian(runs, 0, 0));
    const limit = 2 / hMax;
    const factor = (t: typeof below) => coord(t, 11, 1) / coord(t, 10, 1);
    const [fBelow, fAbove] = [factor(below), factor(above)];
    return [
      claim(
        `The ravine's Hessian has eigenvalues ${num(hMin)} and ${num(hMax)}: each step multiplies w₂ by 1 − ${num(hMax)}η, so gradient descent is stable only while η·λmax < 2, η < ${num(limit)}.`,
        [Math.abs(fBelow - (1 - hp(below, 'lr') * hMax)) < 1e-9, 'the measured w₂ factor is 1 − ηλmax'],
      ),
      claim(
        `At η = ${num(hp(below, 'lr'))} (η·λmax = ${num(hp(below, 'lr') * hMax, 3)}) w₂ flips sign every step and shrinks by ${num(Math.abs(fBelow), 3)}: it converges. At η = ${num(hp(above, 'lr'))} (${num(hp(above, 'lr') * hMax, 3)}) every flip is ${num((Math.abs(fAbove) - 1) * 100)} % larger, and the run leaves the plot at step ${above.steps}.`,
        [signChanges(below, 1, 0, 20) === 20, 'w₂ flips at each of the first 20 steps'],
        [
          hp(below, 'lr') < limit && converged(below) && Math.abs(fBelow) < 1,
          'below the threshold: converges',
        ],
        [hp(above, 'lr') > limit && above.divergence !== null && Math.abs(fAbove) > 1, 'above it: diverges'],
      ),
    ];
  },
};

export const momentumStability: Lesson = {
  id: 'momentum-stability',
  short: 'Momentum’s stable range',
  title: 'Momentum is stable at rates that make gradient descent diverge',
  lecture: '001',
  scene: {
    ...RAVINE,
    steps: 200,
    optimizers: [
      { type: 'SGD', label: 'GD', lr: 0.05 },
      { type: 'SGD', label: 'momentum μ=0.9', lr: 0.05, momentum: 0.9 },
    ],
  },
  panel: 'stability',
  caption: (runs) => {
    const gd = runs.run('GD');
    const momentum = runs.run('momentum μ=0.9');
    const [, hMax] = eigenvalues(surfaceHessian(runs, 0, 0));
    const mu = hp(momentum, 'momentum');
    const heavyLimit = (2 * (1 + mu)) / hMax;
    return [
      claim(
        `At η = ${num(hp(gd, 'lr'))}, above gradient descent's limit 2/λmax = ${num(2 / hMax)}, plain GD diverges (it leaves the plot at step ${gd.steps}).`,
        [hp(gd, 'lr') > 2 / hMax && gd.divergence !== null, 'GD above 2/λmax diverges'],
      ),
      claim(
        `Heavy-ball momentum is stable up to η < 2(1+μ)/λmax = ${num(heavyLimit, 3)} for μ = ${num(mu)}: at the same η it converges, its loss down to ${num(momentum.loss[momentum.steps]!)} after ${momentum.steps} steps.`,
        [hp(momentum, 'lr') < heavyLimit && converged(momentum), 'momentum at the same η converges'],
      ),
    ];
  },
};

export const adamEdgeOfStability: Lesson = {
  id: 'adam-edge-of-stability',
  short: 'Adam at the edge',
  title: 'Adam settles at the edge of stability',
  lecture: '004',
  scene: {
    ...RAVINE,
    steps: 1000,
    optimizers: [{ type: 'Adam', label: 'Adam', lr: 0.01, betas: [0.9, 0.9] }],
  },
  panel: 'stability',
  caption: (runs) => {
    const adam = runs.run('Adam');
    const trace = sharpnessAlong(runs.simulation.surface.hessian, adam);
    if (!trace) throw new Error('Adam has a stability threshold');
    const share = (k: number) => (trace.sharpness[k - 1]! * adam.learningRate[k - 1]!) / trace.rule.c;
    const from = 400;
    let [low, high] = [Infinity, 0];
    let [lossLow, lossHigh] = [Infinity, 0];
    let lateHigh = 0;
    for (let k = from; k <= adam.steps; k++) {
      if (k > adam.steps - 100) lateHigh = Math.max(lateHigh, adam.loss[k]!);
      low = Math.min(low, share(k));
      high = Math.max(high, share(k));
      lossLow = Math.min(lossLow, adam.loss[k]!);
      lossHigh = Math.max(lossHigh, adam.loss[k]!);
    }
    return [
      claim(
        `As the gradients shrink, Adam's v shrinks too and its preconditioned sharpness λmax(P⁻¹H) grows: from ${num(share(10) * 100, 1)} % of its threshold (2+2β₁)/((1−β₁)η) = ${num(trace.threshold[0]!)} at step 10 to ${num(low * 100)}–${num(high * 100)} % from step ${from} on.`,
        [share(10) < 0.05, 'far below the threshold early'],
        [low > 0.75 && high < 1.1, 'hovering near the threshold from step 400'],
      ),
      claim(
        `There it stops converging: from step ${from} to ${adam.steps} the loss jumps between ${num(lossLow)} and ${num(lossHigh)}, and over the last 100 steps it still reaches ${num(lateHigh)} — whenever the iterate gets closer, v shrinks, the step turns unstable and throws it back out.`,
        [lossHigh > 100 * lossLow, 'the loss jumps over two decades'],
        [lateHigh > 1e-8, 'it has not converged by the end'],
      ),
    ];
  },
};
