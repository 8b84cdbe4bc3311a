/**
 * Learning rates that work on a surface from a start, for when the surface changes under a scene: the
 * ravine's rates explode on Rosenbrock at step 2 and barely move on Ackley. Scaled to what the optimizer
 * responds to:
 *   gradient methods (SGD, momentum, Nesterov): the curvature near the start — lr = 0.5 / λmax, well
 *     inside the 2 / λmax stability bound — capped so the first step is at most 15 % of the view's diagonal;
 *   adaptive methods (AdaGrad, RMSProp, Adam and kin, Lion), whose steps are ≈ lr per coordinate whatever
 *     the slope: the fraction of the view's diagonal their spec gives (lrViewFraction; ravine: Adam 0.1);
 *   scale-free methods (Newton, L-BFGS, Adadelta, random search): their own defaults.
 * Rounded to two significant digits (what a person would type) and kept inside the optimizer's lr range.
 */
import { getOptimizer } from './optimizers';
import type { Surface, Vec2, ViewBox } from './types';

type Landscape = Pick<Surface, 'gradient' | 'hessian'>;

function largestCurvature(surface: Landscape, start: Vec2, box: ViewBox): number {
  // The start and a ring around it (2 % of the view): one point can sit where the curvature vanishes.
  const r = 0.02 * Math.hypot(box.w1[1] - box.w1[0], box.w2[1] - box.w2[0]);
  let largest = 0;
  for (let k = 0; k <= 8; k++) {
    const angle = (k / 8) * 2 * Math.PI;
    const radius = k === 0 ? 0 : r;
    const [a, b, c] = surface.hessian(
      start[0] + radius * Math.cos(angle),
      start[1] + radius * Math.sin(angle),
    );
    const spectral = Math.abs((a + c) / 2) + Math.hypot((a - c) / 2, b);
    if (Number.isFinite(spectral)) largest = Math.max(largest, spectral);
  }
  return largest;
}

function tidy(value: number): number {
  return Number(value.toPrecision(2));
}

/** A learning rate for `type` on this surface from `start`, or null to keep the optimizer's own. */
export function suggestLearningRate(
  surface: Landscape,
  start: Vec2,
  box: ViewBox,
  type: string,
): number | null {
  const spec = getOptimizer(type);
  const row = spec?.hyperparameters.find((h) => h.key === 'lr');
  if (!spec || !row || row.kind !== 'number') return null;
  const diagonal = Math.hypot(box.w1[1] - box.w1[0], box.w2[1] - box.w2[0]);
  let lr: number;
  if (type === 'SGD') {
    const g = surface.gradient(start[0], start[1]);
    const slope = Math.hypot(g[0], g[1]);
    const curvature = largestCurvature(surface, start, box);
    const byCurvature = curvature > 0 ? 0.5 / curvature : Infinity;
    const byStep = slope > 0 && Number.isFinite(slope) ? (0.15 * diagonal) / slope : Infinity;
    lr = Math.min(byCurvature, byStep);
    if (!Number.isFinite(lr)) return null;
  } else if (spec.lrViewFraction !== undefined) {
    lr = spec.lrViewFraction * diagonal;
  } else return null;
  return tidy(Math.max(row.min, Math.min(row.max, lr)));
}
