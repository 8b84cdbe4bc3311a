/** The saddle w₁³ + w₂² of lectures 001 and 002 from (−0.01, −1), where ∇L = (0.0003, −2). */
import type { Trajectory } from '../simulate';
import { eigenvalues, surfaceHessian } from './curvature';
import { claim } from './claims';
import { coord, gradient, hp, last, update } from './measure';
import { SADDLE, type Lesson } from './types';
import { num, pt } from './words';

/** A run that left the plot going downhill: on a surface unbounded below that is the right answer. */
const ranDownhill = (t: Trajectory) =>
  t.divergence !== null && t.divergence.step === t.steps && t.loss[t.steps]! < -1e6 && last(t, 0) < 0;

export const saddleEscape: Lesson = {
  id: 'saddle',
  short: 'Saddle escape',
  title: 'Escaping the saddle w₁³ + w₂²',
  lecture: '001',
  scene: {
    ...SADDLE,
    steps: 150,
    optimizers: [
      { type: 'SGD', label: 'SGD', lr: 0.1 },
      { type: 'SGD', label: 'SGD + momentum', lr: 0.05, momentum: 0.9 },
      { type: 'SGD', label: 'Nesterov', lr: 0.05, momentum: 0.9, nesterov: true },
      { type: 'Adagrad', label: 'AdaGrad', lr: 0.4 },
      { type: 'RMSprop', label: 'RMSProp', lr: 0.05 },
      { type: 'Adam', label: 'Adam', lr: 0.1 },
      { type: 'Newton', label: 'Newton' },
    ],
  },
  panel: 'loss',
  caption: (runs) => {
    const sgd = runs.run('SGD');
    const momentum = runs.run('SGD + momentum');
    const ahead = runs.run('Nesterov');
    const adaptive = ['AdaGrad', 'RMSProp', 'Adam'].map((label) => runs.run(label));
    const newton = runs.run('Newton');
    const g = [gradient(sgd, 1, 0), gradient(sgd, 1, 1)] as const;
    const firstW1Steps = adaptive.map((t) => Math.abs(update(t, 1, 0)));
    const sgdFirstW1Step = Math.abs(update(sgd, 1, 0));
    const newtonDistance = Math.hypot(last(newton, 0), last(newton, 1));
    return [
      claim(
        `At ${pt(coord(sgd, 0, 0), coord(sgd, 0, 1))} the gradient is ${pt(g[0], g[1], 2)}: plain SGD slides down w₂ onto the saddle and barely moves along w₁ (w₁ = ${num(last(sgd, 0))} after ${sgd.steps} steps).`,
        [
          Math.abs(g[0] - 0.0003) < 1e-12 && Math.abs(g[1] + 2) < 1e-12,
          'the lecture’s gradient (0.0003, −2)',
        ],
        [Math.abs(last(sgd, 1)) < 1e-3 && Math.abs(last(sgd, 0)) < 0.05, 'SGD ends near the saddle'],
      ),
      claim(
        `Momentum and Nesterov gather speed along −w₁ until they leave the plot (steps ${momentum.steps} and ${ahead.steps}): the surface is unbounded below, so running off to −∞ is the right answer, not a failure.`,
        [ranDownhill(momentum) && ranDownhill(ahead), 'both leave the bound downhill, with w₁ < 0'],
      ),
      claim(
        `AdaGrad, RMSProp and Adam rescale the tiny w₁ gradient: their first w₁ steps are ${firstW1Steps.map((s) => num(s)).join(', ')} against SGD's ${num(sgdFirstW1Step)}, so they escape downhill too, while Newton is drawn into the saddle (it ends ${num(newtonDistance)} from (0, 0)).`,
        [firstW1Steps.every((s) => s > 1e3 * sgdFirstW1Step), 'adaptive first w₁ steps are over 1000× SGD’s'],
        [
          adaptive.every((t) => last(t, 0) < -1 && t.loss[t.steps]! < t.loss[0]!),
          'adaptive runs end at w₁ < −1',
        ],
        [newtonDistance < 1e-3, 'Newton ends at the saddle'],
      ),
    ];
  },
};

export const newtonSaddle: Lesson = {
  id: 'newton-saddle',
  short: 'Newton at a saddle',
  title: 'Newton is drawn to the saddle',
  lecture: '000',
  scene: {
    ...SADDLE,
    steps: 80,
    optimizers: [
      { type: 'Newton', label: 'Newton' },
      { type: 'Adam', label: 'Adam', lr: 0.1 },
    ],
  },
  panel: 'loss',
  caption: (runs) => {
    const newton = runs.run('Newton');
    const adam = runs.run('Adam');
    const [low, high] = eigenvalues(surfaceHessian(runs, coord(newton, 0, 0), coord(newton, 0, 1)));
    let halving = true;
    for (let k = 1; k < 10; k++)
      halving &&= Math.abs(coord(newton, k + 1, 0) / coord(newton, k, 0) - 0.5) < 1e-9;
    return [
      claim(
        `At the start the Hessian has eigenvalues ${num(low)} and ${num(high)}: the local quadratic model is itself a saddle, and Newton jumps to its stationary point — w₂ = 0 in one step, w₁ halving every step, into the saddle.`,
        [low < 0 && high > 0, 'one negative and one positive eigenvalue'],
        [Math.abs(coord(newton, 1, 1)) < 1e-12, 'w₂ = 0 after one step'],
        [halving, 'w₁ halves at each of the first steps'],
      ),
      claim(
        `Adam (η = ${num(hp(adam, 'lr'))}) ignores curvature and rescales the tiny w₁ gradient, so it escapes downhill (w₁ = ${num(last(adam, 0))} after ${adam.steps} steps): second-order methods need care at saddles.`,
        [last(adam, 0) < -1, 'Adam ends at w₁ < −1'],
      ),
    ];
  },
};
