/** Start points on a regular grid over a view box, cell centers, row 0 at the bottom (lowest w2). */
import type { Vec2, ViewBox } from '../core/types';

export function gridStarts(box: ViewBox, side: number): Float64Array {
  const starts = new Float64Array(2 * side * side);
  for (let row = 0; row < side; row++) {
    for (let column = 0; column < side; column++) {
      const p = row * side + column;
      starts[2 * p] = gridCoordinate(box.w1, column, side);
      starts[2 * p + 1] = gridCoordinate(box.w2, row, side);
    }
  }
  return starts;
}

export function gridCoordinate(range: readonly [number, number], index: number, side: number): number {
  return range[0] + ((index + 0.5) / side) * (range[1] - range[0]);
}

export function cellStart(box: ViewBox, side: number, column: number, row: number): Vec2 {
  return [gridCoordinate(box.w1, column, side), gridCoordinate(box.w2, row, side)];
}

/** The lowest listed minimum's loss (0 when the surface lists none): the target of "steps to tolerance". */
export function minimumLoss(surface: {
  value(w1: number, w2: number): number;
  criticalPoints: readonly { kind: string; at: Vec2 }[];
}): number {
  const values = surface.criticalPoints
    .filter((p) => p.kind === 'minimum')
    .map((p) => surface.value(p.at[0], p.at[1]));
  return values.length > 0 ? Math.min(...values) : 0;
}
