/**
 * Chooses a view for a typed function by sampling it: the default box [-2,2]², a contour scale that suits
 * its values (symmetric when it goes negative, log when it is positive with a wide range) and a start
 * point in the upper-left of the box.
 */
import type { ContourScale, Vec2, ViewBox } from './types';

export interface FittedView {
  readonly viewBox: ViewBox;
  readonly defaultStart: Vec2;
  readonly contourScale: ContourScale;
}

const DEFAULT_BOX: ViewBox = { w1: [-2, 2], w2: [-2, 2] };

export function fitExpressionView(surface: { value(w1: number, w2: number): number }, box = DEFAULT_BOX): FittedView {
  const samples = 41;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      const w1 = box.w1[0] + ((box.w1[1] - box.w1[0]) * i) / (samples - 1);
      const w2 = box.w2[0] + ((box.w2[1] - box.w2[0]) * j) / (samples - 1);
      const value = surface.value(w1, w2);
      if (!Number.isFinite(value)) continue;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  const contourScale: ContourScale =
    low < 0 && high > 0 ? 'symmetric' : low >= 0 && high > 100 * Math.max(low, 1e-3) ? 'log' : 'linear';
  const defaultStart: Vec2 = [
    box.w1[0] + 0.125 * (box.w1[1] - box.w1[0]),
    box.w2[0] + 0.875 * (box.w2[1] - box.w2[0]),
  ];
  return { viewBox: box, defaultStart, contourScale };
}
