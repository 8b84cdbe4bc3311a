/**
 * The plane of a loss slice L(θ* + α·d1 + β·d2).
 *  - Random directions, normalized filter-wise (Li et al. 2018, "Visualizing the Loss Landscape of Neural
 *    Nets", §4): a Gaussian direction whose every filter — for a dense layer, the incoming weights of one
 *    unit — is rescaled to the norm of the same filter of θ*, so scale-invariant networks are compared
 *    fairly. Bias directions are zero, as the paper does (its "ignore biasbn").
 *  - PCA directions (Li et al. §7): the top two principal directions of [θ_0 − θ*, …, θ_n − θ*] of the
 *    training trajectory, which the trajectory then lies close to.
 */
import type { Architecture } from './mlp';
import { NN_CHANNEL, randomStream } from './random';

export function filterNormalizedDirection(
  arch: Architecture,
  center: ArrayLike<number>,
  seed: number,
  stream: number,
): Float64Array {
  const random = randomStream(seed, NN_CHANNEL.directions, stream);
  const direction = new Float64Array(arch.paramCount);
  for (const { fanIn, fanOut, weightOffset } of arch.layers) {
    for (let k = 0; k < fanIn * fanOut; k++) direction[weightOffset + k] = random.gaussian();
    for (let j = 0; j < fanOut; j++) {
      let directionNorm = 0;
      let weightNorm = 0;
      for (let i = 0; i < fanIn; i++) {
        const k = weightOffset + i * fanOut + j;
        directionNorm += direction[k]! * direction[k]!;
        weightNorm += center[k]! * center[k]!;
      }
      const scale = Math.sqrt(weightNorm) / (Math.sqrt(directionNorm) || 1);
      for (let i = 0; i < fanIn; i++) direction[weightOffset + i * fanOut + j]! *= scale;
    }
  }
  return direction;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k]! * b[k]!;
  return sum;
}

export interface PcaPlane {
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  /** Fraction of the trajectory's variance along d1 and d2. */
  readonly explained: readonly [number, number];
}

/**
 * Top-2 PCA of the snapshots minus the centre, through the small Gram matrix (snapshots × snapshots):
 * power iteration with deflation, then directions = Mᵀu normalized. Unit, orthogonal directions.
 */
export function pcaDirections(snapshots: readonly Float64Array[], center: Float64Array): PcaPlane {
  const rows = snapshots.map((theta) => theta.map((v, k) => v - center[k]!));
  const n = rows.length;
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const value = dot(rows[i]!, rows[j]!);
      gram[i * n + j] = value;
      gram[j * n + i] = value;
    }
  }
  let trace = 0;
  for (let i = 0; i < n; i++) trace += gram[i * n + i]!;
  const eigen: { vector: Float64Array; value: number }[] = [];
  for (let component = 0; component < 2; component++) {
    let u = new Float64Array(n).map((_, i) => 1 + ((i * 7919) % 13) / 13);
    let value = 0;
    for (let iteration = 0; iteration < 500; iteration++) {
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += gram[i * n + j]! * u[j]!;
        next[i] = sum;
      }
      for (const previous of eigen) {
        const overlap = dot(next, previous.vector);
        for (let i = 0; i < n; i++) next[i]! -= overlap * previous.vector[i]!;
      }
      const norm = Math.sqrt(dot(next, next));
      if (norm === 0) break;
      for (let i = 0; i < n; i++) next[i]! /= norm;
      const change = Math.abs(norm - value);
      value = norm;
      u = next;
      if (change <= 1e-12 * Math.max(1, norm)) break;
    }
    eigen.push({ vector: u, value });
  }
  const paramCount = center.length;
  const directions = eigen.map(({ vector }, c) => {
    const d = new Float64Array(paramCount);
    for (let i = 0; i < n; i++) for (let k = 0; k < paramCount; k++) d[k]! += vector[i]! * rows[i]![k]!;
    const norm = Math.sqrt(dot(d, d));
    if (norm > 0) for (let k = 0; k < paramCount; k++) d[k]! /= norm;
    else d[c % paramCount] = 1;
    return d;
  });
  // Gram–Schmidt once more, for the degenerate case of a trajectory on a line.
  const d1 = directions[0]!;
  const d2 = directions[1]!;
  const overlap = dot(d1, d2);
  for (let k = 0; k < paramCount; k++) d2[k]! -= overlap * d1[k]!;
  const norm2 = Math.sqrt(dot(d2, d2));
  if (norm2 > 1e-12) for (let k = 0; k < paramCount; k++) d2[k]! /= norm2;
  return {
    d1,
    d2,
    explained: [trace > 0 ? eigen[0]!.value / trace : 0, trace > 0 ? eigen[1]!.value / trace : 0],
  };
}

/** (α, β) of θ's least-squares projection onto the plane through `center` spanned by d1, d2. */
export function projectOntoPlane(
  theta: ArrayLike<number>,
  center: ArrayLike<number>,
  d1: Float64Array,
  d2: Float64Array,
): [number, number] {
  let b1 = 0;
  let b2 = 0;
  for (let k = 0; k < d1.length; k++) {
    const offset = theta[k]! - center[k]!;
    b1 += offset * d1[k]!;
    b2 += offset * d2[k]!;
  }
  const g11 = dot(d1, d1);
  const g12 = dot(d1, d2);
  const g22 = dot(d2, d2);
  const det = g11 * g22 - g12 * g12;
  if (Math.abs(det) < 1e-300) return [g11 > 0 ? b1 / g11 : 0, 0];
  return [(g22 * b1 - g12 * b2) / det, (g11 * b2 - g12 * b1) / det];
}
