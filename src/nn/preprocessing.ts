/**
 * Lecture 003's data preprocessing, as an experiment: a 2-feature linear regression t ≈ w₁x₁ + w₂x₂ (no
 * bias, so the loss is a function of just two parameters) on raw, zero-centred, standardized and
 * PCA-whitened inputs. The mean squared error is the quadratic wᵀAw − 2bᵀw + c with A = XᵀX/n, so its
 * ravine is A's condition number κ; gradient descent at the best constant rate for each (2/(λmin + λmax)
 * of the Hessian 2A) takes about κ·ln(1/tol)/4 steps, which the runs measure.
 */
import { NN_CHANNEL, randomStream } from './random';

export const PREPROCESSINGS = ['raw', 'centered', 'standardized', 'whitened'] as const;
export type Preprocessing = (typeof PREPROCESSINGS)[number];
export const PREPROCESSING_LABELS: Readonly<Record<Preprocessing, string>> = {
  raw: 'raw',
  centered: 'zero-centred',
  standardized: 'standardized',
  whitened: 'PCA-whitened',
};

export interface PreprocessingData {
  /** The data-generating settings: feature means (in units of each feature's std), std ratio, correlation. */
  readonly offset: number;
  readonly ratio: number;
  readonly correlation: number;
  readonly points: number;
  readonly seed: number;
}

/** Row-major n × 2 inputs and n targets. */
export interface Regression {
  readonly x: Float64Array;
  readonly t: Float64Array;
}

/** Relative excess loss (L − L*)/(L(0) − L*) a run must reach to count as trained. */
export const PREPROCESSING_TOLERANCE = 1e-3;
export const PREPROCESSING_MAX_STEPS = 5000;

/**
 * x₁ = ratio·(offset + z₁), x₂ = offset + ρz₁ + √(1−ρ²)z₂ (z standard normal): features with non-zero
 * means, spreads `ratio` apart and correlated; t = x₁/ratio − x₂/2 + 0.3·ε, a linear teacher plus noise.
 */
export function preprocessingData(settings: PreprocessingData): Regression {
  const random = randomStream(settings.seed, NN_CHANNEL.preprocessingData);
  const n = settings.points;
  const rho = settings.correlation;
  const x = new Float64Array(2 * n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z1 = random.gaussian();
    const z2 = random.gaussian();
    const noise = random.gaussian();
    const x1 = settings.ratio * (settings.offset + z1);
    const x2 = settings.offset + rho * z1 + Math.sqrt(1 - rho * rho) * z2;
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    t[i] = x1 / settings.ratio - x2 / 2 + 0.3 * noise;
  }
  return { x, t };
}

export interface Moments {
  readonly mean: readonly [number, number];
  /** Population covariance [c11, c12, c22]. */
  readonly covariance: readonly [number, number, number];
}

export function moments(x: Float64Array): Moments {
  const n = x.length / 2;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    m1 += x[2 * i]! / n;
    m2 += x[2 * i + 1]! / n;
  }
  let c11 = 0;
  let c12 = 0;
  let c22 = 0;
  for (let i = 0; i < n; i++) {
    const a = x[2 * i]! - m1;
    const b = x[2 * i + 1]! - m2;
    c11 += (a * a) / n;
    c12 += (a * b) / n;
    c22 += (b * b) / n;
  }
  return { mean: [m1, m2], covariance: [c11, c12, c22] };
}

/** Eigen-decomposition of the symmetric [[a, b], [b, c]]: values descending, unit vectors. */
export function symmetricEigen2(
  a: number,
  b: number,
  c: number,
): { values: [number, number]; vectors: [[number, number], [number, number]] } {
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  const values: [number, number] = [mean + radius, mean - radius];
  // The top eigenvector at angle θ with tan 2θ = 2b/(a − c).
  const theta = 0.5 * Math.atan2(2 * b, a - c);
  const u: [number, number] = [Math.cos(theta), Math.sin(theta)];
  return { values, vectors: [u, [-u[1], u[0]]] };
}

/**
 * The preprocessed data set (the targets centred along with the inputs: the model has no bias, so a
 * centred x needs a centred t). Whitening: x' = Λ^(−1/2)·Uᵀ(x − μ), the covariance's eigenbasis, scaled.
 */
export function preprocess(data: Regression, kind: Preprocessing): Regression {
  if (kind === 'raw') return data;
  const n = data.t.length;
  const { mean, covariance } = moments(data.x);
  let tMean = 0;
  for (let i = 0; i < n; i++) tMean += data.t[i]! / n;
  const t = data.t.map((v) => v - tMean);
  const x = new Float64Array(2 * n);
  const [c11, c12, c22] = covariance;
  const eigen = symmetricEigen2(c11, c12, c22);
  for (let i = 0; i < n; i++) {
    const a = data.x[2 * i]! - mean[0];
    const b = data.x[2 * i + 1]! - mean[1];
    if (kind === 'centered') {
      x[2 * i] = a;
      x[2 * i + 1] = b;
    } else if (kind === 'standardized') {
      x[2 * i] = a / Math.sqrt(c11);
      x[2 * i + 1] = b / Math.sqrt(c22);
    } else {
      const [u, v] = eigen.vectors;
      x[2 * i] = (u[0] * a + u[1] * b) / Math.sqrt(eigen.values[0]);
      x[2 * i + 1] = (v[0] * a + v[1] * b) / Math.sqrt(eigen.values[1]);
    }
  }
  return { x, t };
}

/** L(w) = (1/n)Σ(tᵢ − w·xᵢ)² = wᵀAw − 2bᵀw + c. */
export interface QuadraticLoss {
  /** A = XᵀX/n as [a11, a12, a22]. */
  readonly a: readonly [number, number, number];
  readonly b: readonly [number, number];
  readonly c: number;
  /** The least-squares solution A⁻¹b and its loss. */
  readonly minimizer: readonly [number, number];
  readonly minimum: number;
  /** Eigenvalues of the Hessian 2A, descending, and κ = λmax/λmin. */
  readonly curvatures: readonly [number, number];
  readonly condition: number;
}

export function quadraticLoss(data: Regression): QuadraticLoss {
  const n = data.t.length;
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let b1 = 0;
  let b2 = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const x1 = data.x[2 * i]!;
    const x2 = data.x[2 * i + 1]!;
    const t = data.t[i]!;
    a11 += (x1 * x1) / n;
    a12 += (x1 * x2) / n;
    a22 += (x2 * x2) / n;
    b1 += (x1 * t) / n;
    b2 += (x2 * t) / n;
    c += (t * t) / n;
  }
  const det = a11 * a22 - a12 * a12;
  const minimizer: [number, number] = [(a22 * b1 - a12 * b2) / det, (a11 * b2 - a12 * b1) / det];
  const minimum = c - b1 * minimizer[0] - b2 * minimizer[1];
  const { values } = symmetricEigen2(a11, a12, a22);
  return {
    a: [a11, a12, a22],
    b: [b1, b2],
    c,
    minimizer,
    minimum,
    curvatures: [2 * values[0], 2 * values[1]],
    condition: values[0] / values[1],
  };
}

export function lossAt(q: QuadraticLoss, w1: number, w2: number): number {
  const [a11, a12, a22] = q.a;
  return a11 * w1 * w1 + 2 * a12 * w1 * w2 + a22 * w2 * w2 - 2 * (q.b[0] * w1 + q.b[1] * w2) + q.c;
}

export interface PreprocessingRun {
  readonly kind: Preprocessing;
  readonly data: Regression;
  readonly loss: QuadraticLoss;
  /** The constant rate used, 2/(λmin + λmax) of the Hessian (the fastest for a quadratic). */
  readonly lr: number;
  /** w after each step, from w₀ = 0: [w1, w2, w1, w2, …]. */
  readonly path: Float64Array;
  /** Relative excess loss after each step (index 0: w₀, so 1). */
  readonly excess: Float64Array;
  /** The first step at which the relative excess loss fell below the tolerance, or null within the cap. */
  readonly stepsToTolerance: number | null;
}

/** Full-batch gradient descent on one preprocessing, from w = 0, until the tolerance (or the cap). */
export function runPreprocessing(raw: Regression, kind: Preprocessing): PreprocessingRun {
  const data = preprocess(raw, kind);
  const q = quadraticLoss(data);
  const lr = 2 / (q.curvatures[0] + q.curvatures[1]);
  const start = lossAt(q, 0, 0) - q.minimum;
  const path = [0, 0];
  const excess = [1];
  let [w1, w2] = [0, 0];
  let stepsToTolerance: number | null = null;
  for (let step = 1; step <= PREPROCESSING_MAX_STEPS; step++) {
    const g1 = 2 * (q.a[0] * w1 + q.a[1] * w2 - q.b[0]);
    const g2 = 2 * (q.a[1] * w1 + q.a[2] * w2 - q.b[1]);
    w1 -= lr * g1;
    w2 -= lr * g2;
    path.push(w1, w2);
    const relative = Math.max(0, lossAt(q, w1, w2) - q.minimum) / start;
    excess.push(relative);
    if (relative <= PREPROCESSING_TOLERANCE) {
      stepsToTolerance = step;
      break;
    }
  }
  return {
    kind,
    data,
    loss: q,
    lr,
    path: Float64Array.from(path),
    excess: Float64Array.from(excess),
    stepsToTolerance,
  };
}

export function preprocessingExperiment(settings: PreprocessingData): PreprocessingRun[] {
  const raw = preprocessingData(settings);
  return PREPROCESSINGS.map((kind) => runPreprocessing(raw, kind));
}
