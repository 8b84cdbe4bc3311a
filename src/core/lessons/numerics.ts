/** Lecture 000's gradient check: the numerical gradient by hand, and why the analytic one is used. */
import { centredDifference, forwardDifference, relativeError } from '../gradientCheck';
import { claim } from './claims';
import { coord } from './measure';
import { RAVINE, type Lesson } from './types';
import { num, power } from './words';

/** The step the gradient-check panel starts with. */
export const CHECK_STEP = 1e-4;

export const gradientCheck: Lesson = {
  id: 'gradient-check',
  short: 'Gradient check',
  title: 'Numerical vs analytic gradient',
  lecture: '000',
  scene: { ...RAVINE, steps: 40, optimizers: [{ type: 'SGD', label: 'SGD', lr: 0.035 }] },
  panel: 'gradcheck',
  openAtStart: true,
  caption: (runs) => {
    const { surface } = runs.simulation;
    const sgd = runs.run('SGD');
    const w = [coord(sgd, 0, 0), coord(sgd, 0, 1)] as const;
    const h = CHECK_STEP;
    const step = forwardDifference(surface, w, 0, h);
    const analytic = surface.gradient(w[0], w[1])[0];
    const forwardError = relativeError(analytic, step.slope);
    const centredError = relativeError(analytic, centredDifference(surface, w, 0, h));
    return [
      claim(
        `As lecture 000 does it: at (${num(w[0])}, ${num(w[1])}) raise w₁ by h = ${power(h)}; L goes from ${num(step.base, 7)} to ${num(step.perturbed, 7)}, so ∂L/∂w₁ ≈ (${num(step.perturbed, 7)} − ${num(step.base, 7)}) / ${power(h)} = ${num(step.slope, 6)}. The analytic gradient 2w₁ says ${num(analytic)}.`,
        [forwardError < 1e-3, 'the forward difference is within 0.1 % of the analytic gradient'],
      ),
      claim(
        `That is approximate (relative error ${num(forwardError)}) and costs a loss evaluation per weight; the centred difference (L(w + h) − L(w − h))/2h is far closer (${num(centredError)}). So: use the analytic gradient, and check it numerically.`,
        [centredError < forwardError / 100, 'the centred error is under 1 % of the forward one'],
      ),
    ];
  },
};
