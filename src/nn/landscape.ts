/**
 * From a trained scene to what the landscape panels draw: the slice plane (random filter-normalized or
 * PCA), the slice as a surface, each optimizer's full-space trajectory projected onto the plane, and the
 * 1-D interpolation L((1−t)·θ₀ + t·θ*) of Goodfellow, Vinyals & Saxe (2015).
 */
import type { Vec2, ViewBox } from '../core/types';
import { filterNormalizedDirection, pcaDirections, projectOntoPlane } from './directions';
import { createEvaluator } from './mlp';
import { createSliceSurface, type NetworkSliceSurface } from './slice';
import { referenceIndex, type TrainingResult } from './train';
import { DATASET_LABELS } from './datasets';

export interface Landscape {
  /** Index of the run whose θ* is the centre. */
  readonly reference: number;
  readonly surface: NetworkSliceSurface;
  /** PCA only: the fraction of the trajectory's variance each direction explains. */
  readonly explained: readonly [number, number] | null;
  /** Per optimizer: its snapshots' (α, β), interleaved. */
  readonly projected: readonly Float64Array[];
}

function boxAround(points: readonly Float64Array[], minimumHalfWidth: number): ViewBox {
  let lo1 = 0;
  let hi1 = 0;
  let lo2 = 0;
  let hi2 = 0;
  for (const path of points) {
    for (let i = 0; i + 1 < path.length; i += 2) {
      lo1 = Math.min(lo1, path[i]!);
      hi1 = Math.max(hi1, path[i]!);
      lo2 = Math.min(lo2, path[i + 1]!);
      hi2 = Math.max(hi2, path[i + 1]!);
    }
  }
  const pad = (lo: number, hi: number): [number, number] => {
    const margin = Math.max((hi - lo) * 0.2, minimumHalfWidth * 0.2);
    const low = lo - margin;
    const high = hi + margin;
    const centre = (low + high) / 2;
    const half = Math.max((high - low) / 2, minimumHalfWidth);
    return [centre - half, centre + half];
  };
  return { w1: pad(lo1, hi1), w2: pad(lo2, hi2) };
}

export function buildLandscape(result: TrainingResult): Landscape {
  const { scene, arch, data } = result;
  const referenceRun = referenceIndex(result);
  const reference = result.runs[referenceRun]!;
  const center = reference.final;
  let d1: Float64Array;
  let d2: Float64Array;
  let explained: readonly [number, number] | null = null;
  if (scene.slice.directions === 'pca') {
    const pca = pcaDirections(reference.snapshots, center);
    d1 = pca.d1;
    d2 = pca.d2;
    explained = pca.explained;
  } else {
    d1 = filterNormalizedDirection(arch, center, scene.slice.seed, 0);
    d2 = filterNormalizedDirection(arch, center, scene.slice.seed, 1);
  }
  const projected = result.runs.map((run) => {
    const path = new Float64Array(2 * run.snapshots.length);
    run.snapshots.forEach((theta, i) => {
      const [alpha, beta] = projectOntoPlane(theta, center, d1, d2);
      path[2 * i] = alpha;
      path[2 * i + 1] = beta;
    });
    return path;
  });
  const range = scene.slice.range;
  let viewBox: ViewBox;
  let start: Vec2;
  if (scene.slice.directions === 'pca') {
    const referencePath = projected[referenceRun]!;
    viewBox = boxAround([referencePath], 0.05);
    start = [referencePath[0]!, referencePath[1]!];
  } else {
    viewBox = { w1: [-range, range], w2: [-range, range] };
    start = [0.6 * range, 0.6 * range];
  }
  const plane =
    scene.slice.directions === 'pca'
      ? 'top-2 PCA directions of the trajectory'
      : 'two random filter-normalized directions';
  const surface = createSliceSurface({
    arch,
    data,
    center,
    d1,
    d2,
    viewBox,
    start,
    name: `Network loss slice (${DATASET_LABELS[scene.dataset]})`,
    description: `The trained network's loss L(θ* + α·d1 + β·d2) on ${plane}; θ* trained by ${reference.label}.`,
  });
  return { reference: referenceRun, surface, explained, projected };
}

/** L((1−t)·θ₀ + t·θ*) at `count` values of t from `from` to `to` (θ₀ at t = 0, θ* at t = 1). */
export function interpolationCurve(
  result: TrainingResult,
  target: Float64Array,
  count = 81,
  from = -0.5,
  to = 1.5,
): { t: Float64Array; loss: Float64Array } {
  const evaluator = createEvaluator(result.arch, result.data);
  const theta = new Float64Array(result.arch.paramCount);
  const t = new Float64Array(count);
  const loss = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const s = from + ((to - from) * i) / (count - 1);
    for (let k = 0; k < theta.length; k++) theta[k] = (1 - s) * result.initial[k]! + s * target[k]!;
    t[i] = s;
    loss[i] = evaluator.loss(theta);
  }
  return { t, loss };
}
