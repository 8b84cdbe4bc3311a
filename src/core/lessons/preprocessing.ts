/**
 * Lecture 003's "where ravines come from": linear regression on the lecture's three rows of data, whose two
 * features differ in scale by 10⁵. The loss surface drawn is that of the standardized features.
 */
import { conditionNumber } from '../hessian';
import { resolveSurface } from '../resolveSurface';
import { claim } from './claims';
import { hp, settlesBelow } from './measure';
import type { Lesson } from './types';
import { num, power } from './words';

/** Lecture 003, "Example of linear regression": x₁, x₂ and the target t. */
const ROWS: readonly (readonly [number, number, number])[] = [
  [114.8, 0.00323, 5.1],
  [338.1, 0.00183, 3.2],
  [98.8, 0.00279, 4.1],
];

const mean = (i: number) => ROWS.reduce((sum, row) => sum + row[i]!, 0) / ROWS.length;
const spread = (i: number) =>
  Math.sqrt(ROWS.reduce((sum, row) => sum + (row[i]! - mean(i)) ** 2, 0) / ROWS.length);

/** Features centred and scaled to unit variance, target centred (so no bias weight is needed). */
const STANDARDIZED = ROWS.map(
  ([x1, x2, t]) => [(x1 - mean(0)) / spread(0), (x2 - mean(1)) / spread(1), t - mean(2)] as const,
);

/** ½·mean squared error of w₁x₁ + w₂x₂ against t, as a typed expression. */
const mseExpression = (rows: readonly (readonly [number, number, number])[]) =>
  `(${rows.map(([a, b, t]) => `(${a.toPrecision(6)}*w1 + ${b.toPrecision(6)}*w2 - ${t.toPrecision(6)})^2`).join(' + ')})/${2 * rows.length}`
    .replace(/\+ -/g, '- ')
    .replace(/- -/g, '+ ');

const STANDARDIZED_LOSS = mseExpression(STANDARDIZED);
const RAW_LOSS = mseExpression(ROWS);
const correlation = STANDARDIZED.reduce((sum, [a, b]) => sum + a * b, 0) / STANDARDIZED.length;

/**
 * κ after PCA whitening: z = C^(−1/2)x with C = [[1, ρ], [ρ, 1]] the standardized features' covariance
 * (eigenvectors (1, ±1)/√2, eigenvalues 1 ± ρ); the loss's Hessian is then the mean of z zᵀ.
 */
function whitenedKappa(): number {
  const scale = [1 / Math.sqrt(1 + correlation), 1 / Math.sqrt(1 - correlation)];
  const z = STANDARDIZED.map(([a, b]) => {
    const [u, v] = [((a + b) / Math.SQRT2) * scale[0]!, ((a - b) / Math.SQRT2) * scale[1]!];
    return [(u + v) / Math.SQRT2, (u - v) / Math.SQRT2] as const;
  });
  const n = z.length;
  const h = [
    z.reduce((s, [a]) => s + a * a, 0) / n,
    z.reduce((s, [a, b]) => s + a * b, 0) / n,
    z.reduce((s, [, b]) => s + b * b, 0) / n,
  ] as const;
  return conditionNumber(h);
}

export const preprocessing: Lesson = {
  id: 'preprocessing',
  short: 'Preprocessing',
  title: 'Where ravines come from: unscaled features',
  lecture: '003',
  scene: {
    surface: { expression: STANDARDIZED_LOSS },
    start: [0, 0],
    steps: 150,
    optimizers: [{ type: 'SGD', label: 'GD', lr: 0.9 }],
  },
  panel: 'loss',
  caption: (runs) => {
    const raw = resolveSurface({ expression: RAW_LOSS });
    if (!raw.ok) throw new Error(raw.error);
    const rawKappa = conditionNumber(raw.value.hessian(0, 0));
    const { surface } = runs.simulation;
    const kappa = conditionNumber(surface.hessian(0, 0));
    const gd = runs.run('GD');
    // Every example's gradient (w₁x₁ + w₂x₂ − t)·(x₁, x₂) at w = 0: with x > 0 both parts share a sign.
    const sameSign = ROWS.every(([x1, x2, t]) => Math.sign(-t * x1) === Math.sign(-t * x2));
    const settles = settlesBelow(gd, 1e-6);
    return [
      claim(
        `The lecture's features differ in scale by a factor of ${num(mean(0) / mean(1), 1)} (x₁ ≈ ${num(mean(0), 3)}, x₂ ≈ ${num(mean(1), 2)}): the raw regression loss has a Hessian with κ = ${num(rawKappa)}, a ravine no fixed learning rate can cross — at the largest stable rate the flat direction shrinks by only 1 − 2/κ per step.`,
        [rawKappa > 1e9, 'the raw κ exceeds 10⁹'],
      ),
      claim(
        `And every input is positive, so each example's gradient has the same sign in w₁ and w₂: a step can only raise both weights or lower both — zigzagging toward a target that needs one up and one down.`,
        [
          ROWS.every((row) => row[0] > 0 && row[1] > 0) && sameSign,
          'all inputs positive, gradients of one sign per example',
        ],
      ),
      claim(
        `Centred to zero mean and scaled to unit variance (the surface drawn), κ falls to ${num(kappa)}, and GD at η = ${num(hp(gd, 'lr'))} gets below L = ${power(1e-6)} at step ${settles}. What is left is the features' correlation ${num(correlation)}; PCA whitening would remove it too (κ = 1).`,
        [kappa < 100, 'κ is below 100 after standardizing'],
        [settles !== null && settles < gd.steps, 'GD converges within the run'],
        [Math.abs(correlation) > 0.5, 'the standardized features stay correlated'],
        [Math.abs(whitenedKappa() - 1) < 1e-9, 'whitened features give κ = 1'],
      ),
    ];
  },
};
