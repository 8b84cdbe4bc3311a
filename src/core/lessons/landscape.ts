/** Lecture 002's landscapes: a loss with no minimum at all (logistic loss on separable data). */
import { claim } from './claims';
import { coord, gradient, hp } from './measure';
import type { Lesson } from './types';
import { num } from './words';

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
