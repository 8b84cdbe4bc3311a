/** SVG path of a series, broken at NaN (never drawn) and clamped to a drawable pixel range. */
import type { ChartSeries } from './LineChart';

export function linePath(series: ChartSeries, x: (v: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  // Long runs: at most ~2 points per pixel column is plenty.
  const stride = Math.max(1, Math.floor(series.length / 2000));
  for (let i = 0; i < series.length; i += stride) {
    const py = y(series.value(i));
    if (!Number.isFinite(py)) {
      pen = false;
      continue;
    }
    const px = x(i + series.offset);
    d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${Math.max(-1e4, Math.min(1e4, py)).toFixed(1)}`;
    pen = true;
  }
  return d;
}
