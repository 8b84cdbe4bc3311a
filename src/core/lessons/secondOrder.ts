/** Curvature (lectures 000, 002): Newton's one step on a quadratic, gradient descent's linear rate, clipping on a cliff. */
import { eigenvalues, surfaceHessian } from './curvature';
import { claim } from './claims';
import { coord, gradient, hp, settlesBelow, stepLength } from './measure';
import { RAVINE, type Lesson } from './types';
import { num, power } from './words';

export const newtonQuadratic: Lesson = {
  id: 'newton-quadratic',
  short: 'Newton: one step',
  title: 'Newton solves a quadratic in one step',
  lecture: '000',
  scene: {
    ...RAVINE,
    steps: 60,
    optimizers: [
      { type: 'SGD', label: 'SGD', lr: 0.035 },
      { type: 'Newton', label: 'Newton' },
    ],
  },
  panel: 'convergence',
  caption: (runs) => {
    const sgd = runs.run('SGD');
    const newton = runs.run('Newton');
    const afterOne = Math.hypot(coord(newton, 1, 0), coord(newton, 1, 1));
    const eta = hp(sgd, 'lr');
    const [hMin, hMax] = eigenvalues(surfaceHessian(runs, 0, 0));
    const slowest = Math.max(Math.abs(1 - eta * hMin), Math.abs(1 - eta * hMax));
    // Per-step shrink of the distance to the minimum, measured late in the run where the slowest mode rules.
    const distance = (k: number) => Math.hypot(coord(sgd, k, 0), coord(sgd, k, 1));
    const factors = Array.from(
      { length: 10 },
      (_, i) => distance(sgd.steps - i) / distance(sgd.steps - i - 1),
    );
    const spread = Math.max(...factors) - Math.min(...factors);
    const measured = factors[0]!;
    return [
      claim(
        `Newton jumps to the minimum of the local quadratic model — on a quadratic that is the minimum itself: after one step it ${afterOne === 0 ? 'sits exactly on (0, 0)' : `is ${num(afterOne)} from (0, 0)`}, with no learning rate to tune.`,
        [afterOne < 1e-12, 'Newton is at the minimum after one step'],
      ),
      claim(
        `Gradient descent converges linearly: late in the run its distance to the minimum shrinks by the same factor ${num(measured, 3)} every step — a straight line on the log plot — which is its slowest mode's |1 − ηλ| = ${num(slowest, 3)} (λ = ${num(hMin)}, ${num(hMax)}).`,
        [spread < 1e-3, 'the per-step factor is constant over the last 10 steps'],
        [Math.abs(measured - slowest) < 1e-3, 'and equals max |1 − ηλ|'],
      ),
    ];
  },
};

export const clippingCliff: Lesson = {
  id: 'clipping-cliff',
  short: 'Clipping on a cliff',
  title: 'Gradient clipping on a cliff',
  lecture: '002',
  scene: {
    surface: 'cliff',
    start: [-2.5, 1.5],
    steps: 100,
    optimizers: [
      { type: 'SGD', label: 'SGD', lr: 0.1 },
      { type: 'SGD', label: 'SGD, norm clipped to 1', lr: 0.1, clip: { type: 'norm', max: 1 } },
    ],
  },
  panel: 'effectiveLr',
  quantity: 'stepLength',
  caption: (runs) => {
    const sgd = runs.run('SGD');
    const clipped = runs.run('SGD, norm clipped to 1');
    let steepest = 0;
    let jump = 0;
    for (let k = 1; k <= sgd.steps; k++) {
      steepest = Math.max(steepest, Math.hypot(gradient(sgd, k, 0), gradient(sgd, k, 1)));
      jump = Math.max(jump, stepLength(sgd, k));
    }
    let longest = 0;
    for (let k = 1; k <= clipped.steps; k++) longest = Math.max(longest, stepLength(clipped, k));
    const eta = hp(clipped, 'lr');
    const clip = clipped.config.clip;
    const max = clip.type === 'none' ? Number.NaN : clip.max;
    return [
      claim(
        `A step that lands on the cliff face meets a gradient of norm ${num(steepest)}: unclipped SGD is thrown a distance of ${num(jump)} across the bowl in one step.`,
        [steepest > 50, 'a gradient norm above 50 on the face'],
        [jump > 5, 'a single unclipped step longer than 5'],
      ),
      claim(
        `Clipping the gradient norm to ${num(max)} caps every step at η·${num(max)} = ${num(eta * max)} (its longest: ${num(longest)}), so the clipped run walks down the face.`,
        [longest <= eta * max + 1e-12, 'no clipped step is longer than η·max'],
      ),
    ];
  },
};

/** A network's weight count, for what the second-order methods' memory would be at scale. */
const NETWORK_WEIGHTS = 1e6;

export const secondOrderCost: Lesson = {
  id: 'second-order-cost',
  short: 'Newton vs L-BFGS',
  title: 'Second-order methods: fast, and what they cost',
  lecture: '000',
  scene: {
    surface: 'rosenbrock',
    start: [-1.2, 1],
    steps: 300,
    optimizers: [
      { type: 'Newton', label: 'Newton' },
      { type: 'LBFGS', label: 'L-BFGS', lr: 1 },
      { type: 'SGD', label: 'GD', lr: 0.001 },
    ],
  },
  panel: 'convergence',
  caption: (runs) => {
    const newton = runs.run('Newton');
    const lbfgs = runs.run('L-BFGS');
    const gd = runs.run('GD');
    const m = hp(lbfgs, 'history_size');
    const weights = newton.path.length / (newton.steps + 1);
    const newtonAt = settlesBelow(newton, 1e-6);
    const lbfgsAt = settlesBelow(lbfgs, 1e-6);
    return [
      claim(
        `On Rosenbrock's curved valley Newton gets below L = ${power(1e-6)} at step ${newtonAt}: it stores the M × M Hessian — M² = ${num(weights ** 2)} numbers for these M = ${weights} weights, ${num(NETWORK_WEIGHTS ** 2)} for a network of ${num(NETWORK_WEIGHTS)} — and solves it, O(M³) work per step.`,
        [newtonAt !== null && newtonAt <= 10, 'Newton is below 10⁻⁶ within 10 steps'],
      ),
      claim(
        `L-BFGS keeps only its last m = ${m} steps and gradient changes (2mM numbers, O(mM) work) and still gets there at step ${lbfgsAt}; gradient descent at η = ${num(hp(gd, 'lr'))} is at L = ${num(gd.loss[gd.steps]!)} after ${gd.steps} steps.`,
        [
          lbfgsAt !== null && newtonAt !== null && lbfgsAt > newtonAt && lbfgsAt < gd.steps / 2,
          'L-BFGS arrives after Newton, well within the run',
        ],
        [gd.loss[gd.steps]! > 1e-2, 'GD is still far from the minimum'],
      ),
    ];
  },
};
