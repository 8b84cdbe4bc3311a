/**
 * Where a surface is undefined (NaN, ±∞) over a view box, as one SVG path in plot pixels, on the same
 * grid as the filled contours (src/ui/surface/contours.ts), so the gap lines up with the bands around it.
 */
import { contours, geoPath, geoTransform } from 'd3';
import type { ViewBox } from '../../core';

export function undefinedRegionPath(
  surface: { value(w1: number, w2: number): number },
  box: ViewBox,
  width: number,
  height: number,
): string {
  const nx = Math.max(16, Math.min(220, Math.round(width / 4)));
  const ny = Math.max(16, Math.min(220, Math.round((nx * height) / Math.max(width, 1))));
  const mask = new Array<number>(nx * ny);
  let any = false;
  for (let j = 0; j < ny; j++) {
    const w2 = box.w2[1] - ((j + 0.5) * (box.w2[1] - box.w2[0])) / ny;
    for (let i = 0; i < nx; i++) {
      const w1 = box.w1[0] + ((i + 0.5) * (box.w1[1] - box.w1[0])) / nx;
      let v: number;
      try {
        v = surface.value(w1, w2);
      } catch {
        v = Number.NaN;
      }
      const gap = Number.isFinite(v) ? 0 : 1;
      mask[j * nx + i] = gap;
      if (gap) any = true;
    }
  }
  if (!any) return '';
  const sx = width / nx;
  const sy = height / ny;
  const projection = geoTransform({
    point(x, y) {
      this.stream.point(x * sx, y * sy);
    },
  });
  const [region] = contours().size([nx, ny]).thresholds([0.5])(mask);
  return region ? (geoPath(projection)(region) ?? '') : '';
}
