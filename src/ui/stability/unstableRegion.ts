/**
 * Where a fixed-η step would be unstable on the surface: the region with λmax(H(w)) > c/η, traced with
 * d3-contour over a grid of the visible box (pixel coordinates, like the contour layer's).
 */
import { contours, geoPath, geoTransform } from 'd3';
import { eigenvalues } from '../../core/hessian';
import type { Hessian2, ViewBox } from '../../core';

export function unstableRegionPath(
  hessian: (w1: number, w2: number) => Hessian2,
  box: ViewBox,
  width: number,
  height: number,
  limit: number,
): { path: string; share: number } {
  const nx = Math.max(16, Math.min(120, Math.round(width / 6)));
  const ny = Math.max(16, Math.min(120, Math.round((nx * height) / Math.max(width, 1))));
  const values = new Array<number>(nx * ny);
  let unstable = 0;
  for (let j = 0; j < ny; j++) {
    const w2 = box.w2[1] - ((j + 0.5) * (box.w2[1] - box.w2[0])) / ny;
    for (let i = 0; i < nx; i++) {
      const w1 = box.w1[0] + ((i + 0.5) * (box.w1[1] - box.w1[0])) / nx;
      const high = eigenvalues(hessian(w1, w2))[1];
      const v = Number.isFinite(high) ? high : 0;
      values[j * nx + i] = v;
      if (v > limit) unstable++;
    }
  }
  const [sx, sy] = [width / nx, height / ny];
  const projection = geoTransform({
    point(x, y) {
      this.stream.point(x * sx, y * sy);
    },
  });
  const [region] = contours().size([nx, ny]).thresholds([limit])(values);
  return { path: (region && geoPath(projection)(region)) ?? '', share: unstable / values.length };
}
