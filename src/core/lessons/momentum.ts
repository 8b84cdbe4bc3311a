/** Lecture 001's ravine: steepest descent zigzags, momentum rolls, Nesterov looks ahead. */
import { surfaceHessian } from './curvature';
import { claim, type LessonRuns } from './claims';
import type { Trajectory } from '../simulate';
import { nesterovLectureIterates } from '../lectureForms';
import { accumulator, coord, hp, maxOf, settlesBelow, signChanges } from './measure';
import { RAVINE, type Lesson } from './types';
import { num, power, times } from './words';

const EARLY = 20;

/**
 * The lecture's Nesterov, v ← μv − η∇L(θ + μv), θ ← θ + v from v₀ = 0, run here independently of the
 * optimizer: the largest distance between its look-ahead point θ + μv and the drawn torch-form path.
 */
function lectureNesterovGap(runs: LessonRuns, t: Trajectory): number {
  const { surface } = runs.simulation;
  const eta = hp(t, 'lr');
  const mu = hp(t, 'momentum');
  let theta: [number, number] = [coord(t, 0, 0), coord(t, 0, 1)];
  let v: [number, number] = [0, 0];
  let gap = 0;
  for (let k = 1; k <= t.steps; k++) {
    const g = surface.gradient(theta[0] + mu * v[0], theta[1] + mu * v[1]);
    v = [mu * v[0] - eta * g[0], mu * v[1] - eta * g[1]];
    theta = [theta[0] + v[0], theta[1] + v[1]];
    const dx = theta[0] + mu * v[0] - coord(t, k, 0);
    const dy = theta[1] + mu * v[1] - coord(t, k, 1);
    gap = Math.max(gap, Math.hypot(dx, dy));
  }
  return gap;
}

export const ravineZigzag: Lesson = {
  id: 'ravine-zigzag',
  short: 'SGD zigzag',
  title: 'SGD zigzags, momentum rolls along the floor',
  lecture: '001',
  scene: {
    ...RAVINE,
    steps: 80,
    optimizers: [
      { type: 'SGD', label: 'SGD', lr: 0.035 },
      { type: 'SGD', label: 'SGD + momentum', lr: 0.035, momentum: 0.5 },
    ],
  },
  panel: 'loss',
  caption: (runs) => {
    const sgd = runs.run('SGD');
    const momentum = runs.run('SGD + momentum');
    const flips = signChanges(sgd, 1, 0, EARLY);
    const sgdW1 = coord(sgd, EARLY, 0);
    const momentumW1 = coord(momentum, EARLY, 0);
    const threshold = 1e-3;
    const sgdSettles = settlesBelow(sgd, threshold);
    const momentumSettles = settlesBelow(momentum, threshold);
    return [
      claim(
        `On w₁² + 25w₂² plain SGD (η = ${num(hp(sgd, 'lr'))}) flips the sign of w₂ at every one of its first ${EARLY} steps, bouncing across the steep direction, while w₁ only creeps from ${num(coord(sgd, 0, 0))} to ${num(sgdW1)}.`,
        [flips === EARLY, `SGD's w₂ changes sign at each of the first ${EARLY} steps (got ${flips})`],
        [Math.abs(sgdW1) > 0.2, "SGD's w₁ is still far from 0 after 20 steps"],
      ),
      claim(
        `Momentum μ = ${num(hp(momentum, 'momentum'))} at the same η builds speed along w₁, whose gradient keeps its sign: after ${EARLY} steps its w₁ is ${num(momentumW1)}, and its loss stays below ${power(threshold)} from step ${momentumSettles} on instead of step ${sgdSettles}.`,
        [signChanges(momentum, 0) === 0, "momentum's w₁ never changes sign (its w₁ gradient keeps its sign)"],
        [
          Math.abs(momentumW1) < Math.abs(sgdW1) / 2,
          'momentum is less than half as far from w₁ = 0 at step 20',
        ],
        [
          momentumSettles !== null && sgdSettles !== null && momentumSettles < sgdSettles,
          'momentum settles below the threshold first',
        ],
      ),
    ];
  },
};

/** The characteristic equation r² − (1 + μ − ηh)r + μ = 0 of heavy-ball momentum along curvature h. */
const discriminant = (mu: number, eta: number, h: number) => (1 + mu - eta * h) ** 2 - 4 * mu;

export const momentumOvershoot: Lesson = {
  id: 'momentum-overshoot',
  short: 'Momentum overshoot',
  title: 'Momentum overshoots',
  lecture: '001',
  scene: {
    ...RAVINE,
    steps: 120,
    optimizers: [
      { type: 'SGD', label: 'SGD', lr: 0.01 },
      { type: 'SGD', label: 'momentum μ=0.5', lr: 0.01, momentum: 0.5 },
      { type: 'SGD', label: 'momentum μ=0.9', lr: 0.01, momentum: 0.9 },
    ],
  },
  caption: (runs) => {
    const sgd = runs.run('SGD');
    const half = runs.run('momentum μ=0.5');
    const high = runs.run('momentum μ=0.9');
    const eta = hp(high, 'lr');
    const [h1, , h2] = surfaceHessian(runs, 0, 0);
    const crossings = signChanges(high, 0);
    const farthest = maxOf(high, 0, (x) => x);
    const halfW2Flips = signChanges(half, 1);
    const [muHalf, muHigh] = [hp(half, 'momentum'), hp(high, 'momentum')];
    const swings = (mu: number, h: number) => discriminant(mu, eta, h) < 0;
    return [
      claim(
        `With μ = ${num(muHigh)} the ball rolls past the minimum: w₁ crosses 0 ${times(crossings)} and swings out to ${num(farthest)}. With μ = ${num(muHalf)}, as with plain SGD, w₁ never crosses 0.`,
        [crossings >= 2, 'the high μ crosses w₁ = 0 at least twice'],
        [farthest > 0.1, 'the high μ reaches w₁ > 0.1'],
        [signChanges(half, 0) === 0, 'the low μ never crosses w₁ = 0'],
        [signChanges(sgd, 0) === 0, 'SGD never crosses w₁ = 0'],
      ),
      claim(
        `Along a direction of curvature h the velocity follows r² − (1 + μ − ηh)r + μ = 0. For w₁ (h = ${num(h1)}) its roots are complex at μ = ${num(muHigh)} — a damped swing — but real at μ = ${num(muHalf)}; along the steep w₂ (h = ${num(h2)}) they are complex at μ = ${num(muHalf)} too, and there its sign flips ${times(halfW2Flips)}.`,
        [swings(muHigh, h1) && crossings > 0, 'complex roots for w₁ at the high μ, and the run swings'],
        [!swings(muHalf, h1) && signChanges(half, 0) === 0, 'real roots for w₁ at the low μ, and no swing'],
        [swings(muHalf, h2) && halfW2Flips > 0, 'complex roots for w₂ at the low μ, and w₂ swings'],
      ),
    ];
  },
};

export const nesterov: Lesson = {
  id: 'nesterov',
  short: 'Nesterov',
  title: 'Nesterov looks ahead',
  lecture: '001',
  scene: {
    ...RAVINE,
    steps: 120,
    optimizers: [
      { type: 'SGD', label: 'momentum', lr: 0.01, momentum: 0.9 },
      { type: 'SGD', label: 'Nesterov', lr: 0.01, momentum: 0.9, nesterov: true },
    ],
  },
  panel: 'convergence',
  caption: (runs) => {
    const momentum = runs.run('momentum');
    const ahead = runs.run('Nesterov');
    const reach = (x: number) => maxOf(momentum, 0, (w) => w) > x;
    const aheadFar = maxOf(ahead, 0, (w) => w);
    const momentumFar = maxOf(momentum, 0, (w) => w);
    const aheadCross = signChanges(ahead, 0);
    const momentumCross = signChanges(momentum, 0);
    const after = 5;
    const aheadSwing = maxOf(ahead, 1, Math.abs, after);
    const momentumSwing = maxOf(momentum, 1, Math.abs, after);
    const lookAheadGap = lectureNesterovGap(runs, ahead);
    const threshold = 1e-3;
    const aheadSettles = settlesBelow(ahead, threshold);
    const momentumSettles = settlesBelow(momentum, threshold);
    return [
      claim(
        `Same η and μ, but Nesterov takes each gradient at the look-ahead point θ + μv (torch's form draws that point itself). Along the flat w₁ that changes little: it still overshoots to w₁ = ${num(aheadFar)} (momentum: ${num(momentumFar)}) and crosses 0 ${times(aheadCross)}, as momentum does ${times(momentumCross)}.`,
        [lookAheadGap < 1e-9, `the drawn path is the lecture's θ + μv (largest gap ${lookAheadGap})`],
        [aheadFar > 0.1 && reach(0.1), 'both overshoot w₁ = 0 by more than 0.1'],
        [aheadFar < momentumFar, 'Nesterov overshoots w₁ a little less'],
        [aheadCross >= 2 && Math.abs(aheadCross - momentumCross) <= 1, 'both cross w₁ = 0 about as often'],
      ),
      claim(
        `Along the steep w₂ the look-ahead brakes the swing: after step ${after} Nesterov's |w₂| stays below ${num(aheadSwing)} while momentum's reaches ${num(momentumSwing)}, so Nesterov's loss stays below ${power(threshold)} from step ${aheadSettles} on, momentum's from step ${momentumSettles}.`,
        [aheadSwing < momentumSwing / 4, "Nesterov's w₂ swing is under a quarter of momentum's"],
        [
          aheadSettles !== null && momentumSettles !== null && aheadSettles < momentumSettles,
          'Nesterov settles first',
        ],
      ),
    ];
  },
};

export const momentumAtOptimum: Lesson = {
  id: 'momentum-at-optimum',
  short: 'At the optimum, moving',
  title: 'At the optimum with a velocity: momentum leaves, Nesterov stays',
  lecture: '001',
  scene: {
    surface: 'quadratic',
    start: [-1, 0],
    steps: 30,
    optimizers: [
      { type: 'SGD', label: 'momentum', lr: 0.5, momentum: 0.9 },
      { type: 'SGD', label: 'Nesterov', lr: 0.5, momentum: 0.9, nesterov: true },
    ],
  },
  panel: 'inside',
  explainOptimizer: 1,
  caption: (runs) => {
    const momentum = runs.run('momentum');
    const ahead = runs.run('Nesterov');
    const eta = hp(momentum, 'lr');
    const mu = hp(momentum, 'momentum');
    // Lecture velocity v = −ηb from torch's buffer b.
    const velocity = -eta * accumulator(momentum, 'velocity', 1, 0);
    const theta = nesterovLectureIterates(ahead);
    const thetaStays =
      theta !== null &&
      Array.from({ length: ahead.steps }, (_, k) => theta[2 * (k + 1)]!).every((x) => Math.abs(x) < 1e-12);
    const farthest = maxOf(momentum, 0, Math.abs, 2);
    return [
      claim(
        `Start at w₁ = ${num(coord(momentum, 0, 0))} with η = ${num(eta)}: on w₁² one step lands exactly on the minimum, so after step 1 momentum sits at w₁ = ${num(coord(momentum, 1, 0))} with velocity v = ${num(velocity)} — the lecture's case "w is already optimal, but v ≠ 0".`,
        [
          coord(momentum, 1, 0) === 0 && velocity !== 0,
          'momentum is at the optimum after step 1, still moving',
        ],
      ),
      claim(
        `Momentum keeps rolling: the gradient at the optimum is 0, so step 2 adds μv and carries it to w₁ = ${num(coord(momentum, 2, 0))}, and it keeps swinging (|w₁| up to ${num(farthest)} after step 2).`,
        [Math.abs(coord(momentum, 2, 0) - mu * velocity) < 1e-12, 'step 2 moves by exactly μv'],
        [farthest > 0.5, 'it swings far from the optimum'],
      ),
      claim(
        `Nesterov looks ahead: its gradient is taken at θ + μv, which points back and cancels the velocity, so the lecture's θ stays at 0 from step 1 on. torch draws the look-ahead point φ = θ + μv instead: ${num(coord(ahead, 1, 0))} at step 1, back at 0 from step 2.`,
        [thetaStays, "the lecture's θ stays at the optimum"],
        [
          Math.abs(coord(ahead, 1, 0) - mu * velocity) < 1e-12 && Math.abs(coord(ahead, 2, 0)) < 1e-12,
          'φ visits μv, then 0',
        ],
      ),
    ];
  },
};
