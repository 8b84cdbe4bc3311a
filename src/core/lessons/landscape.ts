/** Lecture 002's landscapes: a loss with no minimum at all (logistic loss on separable data). */
import { claim } from './claims';
import { coord, gradient, hp } from './measure';
import { eigenvalues } from './curvature';
import type { Lesson } from './types';
import { num, pt } from './words';

/** Logistic loss of three points that the line w₁x₁ + w₂x₂ = 0 can separate: (1, 2), (2, 1) and (1, 1). */
const SEPARABLE = 'log(1 + exp(-(w1 + 2*w2))) + log(1 + exp(-(2*w1 + w2))) + log(1 + exp(-(w1 + w2)))';

export const noMinimum: Lesson = {
  id: 'no-minimum',
  short: 'No minimum',
  title: 'A loss with no minimum: separable data',
  lecture: '002',
  scene: {
    surface: { expression: SEPARABLE },
    start: [-1, 0.5],
    steps: 2000,
    optimizers: [{ type: 'SGD', label: 'GD', lr: 0.5 }],
  },
  panel: 'loss',
  caption: (runs) => {
    const gd = runs.run('GD');
    const n = gd.steps;
    const norm = (k: number) => Math.hypot(coord(gd, k, 0), coord(gd, k, 1));
    const ratio = (k: number) => coord(gd, k, 1) / coord(gd, k, 0);
    const marks = [10, 100, 1000, n];
    const falls = Array.from(gd.loss).every((l, k) => k === 0 || l < gd.loss[k - 1]!);
    const lastGradient = Math.hypot(gradient(gd, n, 0), gradient(gd, n, 1));
    const perDecade = [norm(100) - norm(10), norm(1000) - norm(100)];
    return [
      claim(
        `On data a line can separate, the logistic loss has no minimum: gradient descent (η = ${num(hp(gd, 'lr'))}) lowers it at every step, to ${num(gd.loss[n]!)} after ${n} steps, yet never reaches 0 — the gradient only fades (|∇L| = ${num(lastGradient)}).`,
        [falls, 'the loss falls at every step'],
        [gd.loss[n]! > 0 && lastGradient > 0, 'loss and gradient stay above 0'],
      ),
      claim(
        `So the weights grow without end, about logarithmically: |w| = ${marks.map((k) => num(norm(k), 3)).join(', ')} after ${marks.join(', ')} steps — each tenfold of steps adds about the same (${perDecade.map((d) => num(d)).join(', ')}).`,
        [marks.every((k, i) => i === 0 || norm(k) > norm(marks[i - 1]!)), '|w| grows between the marks'],
        [
          perDecade[1]! > perDecade[0]! / 2 && perDecade[1]! < perDecade[0]! * 2,
          'about equal growth per decade',
        ],
      ),
      claim(
        `Meanwhile its direction turns slowly toward the widest-margin separator w₁ = w₂: w₂/w₁ = ${marks.map((k) => num(ratio(k), 3)).join(' → ')}.`,
        [marks.every((k, i) => i === 0 || ratio(k) < ratio(marks[i - 1]!)), 'w₂/w₁ falls between the marks'],
        [ratio(n) > 1, 'and stays above 1 (approaching w₁ = w₂)'],
      ),
    ];
  },
};

export const localMinima: Lesson = {
  id: 'local-minima',
  short: 'Local minima',
  title: 'Local minima: where a run ends depends on how it moves',
  lecture: '002',
  scene: {
    surface: 'six-hump-camel',
    start: [1.9, 0.8],
    steps: 300,
    optimizers: [
      { type: 'SGD', label: 'GD', lr: 0.01 },
      { type: 'Adam', label: 'Adam', lr: 0.05 },
      { type: 'SGD', label: 'momentum', lr: 0.01, momentum: 0.9 },
    ],
  },
  panel: 'loss',
  caption: (runs) => {
    const { surface } = runs.simulation;
    const stuck = ['GD', 'Adam'].map((label) => runs.run(label));
    const momentum = runs.run('momentum');
    const end = (t: typeof momentum) => [coord(t, t.steps, 0), coord(t, t.steps, 1)] as const;
    const lowest = Math.min(
      ...surface.criticalPoints
        .filter((p) => p.kind === 'minimum')
        .map((p) => surface.value(p.at[0], p.at[1])),
    );
    const isMinimum = (t: typeof momentum) => {
      const [a, b] = end(t);
      const [low] = eigenvalues(surface.hessian(a, b));
      return Math.hypot(...surface.gradient(a, b)) < 1e-5 && low > 0;
    };
    const stuckLoss = stuck[0]!.loss[stuck[0]!.steps]!;
    return [
      claim(
        `From (${num(coord(momentum, 0, 0))}, ${num(coord(momentum, 0, 1))}) GD and Adam settle in the nearest local minimum, L = ${num(stuckLoss, 3)} at ${pt(...end(stuck[0]!))}: the gradient vanishes and both Hessian eigenvalues are positive, so no first-order step leaves it — the global minimum is at L = ${num(lowest, 3)}.`,
        [
          stuck.every(isMinimum),
          'GD and Adam end at a point with zero gradient and a positive-definite Hessian',
        ],
        [
          stuck.every((t) => Math.abs(t.loss[t.steps]! - stuckLoss) < 1e-6) && stuckLoss > lowest + 1,
          'both at the same, higher minimum',
        ],
      ),
      claim(
        `Momentum (μ = ${num(hp(momentum, 'momentum'))}) carries its speed over the ridge and ends in a global minimum, L = ${num(momentum.loss[momentum.steps]!, 3)}: which minimum a run finds depends on where it starts and how it moves.`,
        [
          isMinimum(momentum) && Math.abs(momentum.loss[momentum.steps]! - lowest) < 1e-6,
          'momentum ends at a global minimum',
        ],
      ),
    ];
  },
};
