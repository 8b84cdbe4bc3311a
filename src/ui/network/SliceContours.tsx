/**
 * Contours of the loss slice L(θ* + α·d1 + β·d2) from the backend-evaluated grid (d3-contour, log-spaced
 * levels above the lowest value), with the core optimizers' trajectories on the slice (solid) and the
 * full-space trajectories projected onto the plane (dashed). Hovering picks the parameters the data panel
 * shows.
 */
import { contours, geoPath, geoTransform, interpolateViridis, quantileSorted, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { Trajectory } from '../../core/simulate';
import type { Vec2, ViewBox } from '../../core/types';
import { runStyle } from '../theme/palette';

interface Props {
  values: Float64Array;
  resolution: number;
  viewBox: ViewBox;
  sliceRuns: readonly Trajectory[];
  projected: readonly Float64Array[];
  showSlice: boolean;
  showProjected: boolean;
  probe: Vec2;
  onProbe(probe: Vec2): void;
  dark: boolean;
}

const SIZE = 440;
const M = { top: 8, right: 8, bottom: 34, left: 44 };
const LEVELS = 18;

export function sliceLevels(values: Float64Array): number[] {
  const sorted = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const floor = sorted[0]!;
  const span = Math.max((quantileSorted(sorted, 0.98) ?? sorted[sorted.length - 1]!) - floor, 1e-12);
  const low = Math.max((quantileSorted(sorted, 0.005) ?? floor) - floor, span * 1e-4);
  return Array.from({ length: LEVELS }, (_, k) => floor + low * Math.pow(span / low, k / (LEVELS - 1)));
}

function pathOf(points: Float64Array, x: (v: number) => number, y: (v: number) => number): string {
  let d = '';
  for (let i = 0; i + 1 < points.length; i += 2)
    d += `${i === 0 ? 'M' : 'L'}${x(points[i]!).toFixed(1)},${y(points[i + 1]!).toFixed(1)}`;
  return d;
}

export function SliceContours({
  values,
  resolution,
  viewBox,
  sliceRuns,
  projected,
  showSlice,
  showProjected,
  probe,
  onProbe,
  dark,
}: Props) {
  const width = SIZE - M.left - M.right;
  const height = SIZE - M.top - M.bottom;
  const x = scaleLinear().domain(viewBox.w1).range([0, width]);
  const y = scaleLinear().domain(viewBox.w2).range([height, 0]);
  const bands = useMemo(() => {
    const levels = sliceLevels(values);
    const cell = (v: number, axis: 'x' | 'y') => {
      // d3-contour puts grid value i at [i, i+1]; node i is at α_i = w1[0] + i·Δ.
      const [lo, hi] = axis === 'x' ? viewBox.w1 : viewBox.w2;
      return lo + ((v - 0.5) * (hi - lo)) / (resolution - 1);
    };
    const sx = scaleLinear().domain(viewBox.w1).range([0, width]);
    const sy = scaleLinear().domain(viewBox.w2).range([height, 0]);
    const projection = geoTransform({
      point(px, py) {
        this.stream.point(sx(cell(px, 'x')), sy(cell(py, 'y')));
      },
    });
    const path = geoPath(projection);
    const generator = contours().size([resolution, resolution]).thresholds(levels);
    return generator(Array.from(values, (v) => (Number.isFinite(v) ? v : levels.at(-1)! * 10))).map(
      (band, k) => ({
        level: band.value,
        path: path(band) ?? '',
        color: interpolateViridis(0.08 + (0.9 * k) / Math.max(1, levels.length - 1)),
      }),
    );
  }, [values, resolution, viewBox, width, height]);

  return (
    <svg
      width={SIZE}
      height={SIZE}
      className="nn-slice"
      data-testid="network-slice"
      data-levels={bands.length}
      role="img"
      aria-label={`Loss slice with ${bands.length} contour levels and ${sliceRuns.length} trajectories`}
      onMouseMove={(event) => {
        const rect = event.currentTarget.getBoundingClientRect();
        const alpha = x.invert(event.clientX - rect.left - M.left);
        const beta = y.invert(event.clientY - rect.top - M.top);
        if (
          alpha >= viewBox.w1[0] &&
          alpha <= viewBox.w1[1] &&
          beta >= viewBox.w2[0] &&
          beta <= viewBox.w2[1]
        )
          onProbe([alpha, beta]);
      }}
      onMouseLeave={() => onProbe([0, 0])}
    >
      <defs>
        <clipPath id="nn-slice-clip">
          <rect width={width} height={height} />
        </clipPath>
      </defs>
      <g transform={`translate(${M.left},${M.top})`}>
        <rect width={width} height={height} fill={interpolateViridis(0.02)} />
        <g clipPath="url(#nn-slice-clip)">
          {bands.map((band) => (
            <path
              key={band.level}
              d={band.path}
              fill={band.color}
              stroke={dark ? '#0006' : '#fff5'}
              strokeWidth={0.5}
              data-testid="slice-contour"
            />
          ))}
          {showProjected &&
            projected.map((path, k) => {
              const style = runStyle(k, dark);
              return (
                <path
                  key={`p${k}`}
                  d={pathOf(path, x, y)}
                  fill="none"
                  stroke={style.color}
                  strokeWidth={1.6}
                  strokeDasharray="5 3"
                  opacity={0.95}
                  data-testid="projected-trajectory"
                />
              );
            })}
          {showSlice &&
            sliceRuns.map((run, k) => {
              const style = runStyle(k, dark);
              const last = run.path.length - 2;
              return (
                <g key={`s${k}`} data-testid="slice-trajectory">
                  <path
                    d={pathOf(run.path, x, y)}
                    fill="none"
                    stroke="white"
                    strokeWidth={3.2}
                    opacity={0.7}
                  />
                  <path d={pathOf(run.path, x, y)} fill="none" stroke={style.color} strokeWidth={1.8} />
                  <path
                    d={style.markerPath(46)}
                    transform={`translate(${x(run.path[last]!)},${y(run.path[last + 1]!)})`}
                    fill={style.color}
                    stroke="white"
                  />
                </g>
              );
            })}
          <circle cx={x(0)} cy={y(0)} r={4} fill="white" stroke="black" data-testid="theta-star" />
          <circle cx={x(probe[0])} cy={y(probe[1])} r={3} fill="none" stroke="white" strokeWidth={1.5} />
        </g>
        <g transform={`translate(0,${height})`} className="nn-axis">
          {x.ticks(5).map((t) => (
            <text key={t} x={x(t)} y={14} textAnchor="middle">
              {t}
            </text>
          ))}
          <text x={width / 2} y={28} textAnchor="middle">
            α (along d1)
          </text>
        </g>
        <g className="nn-axis">
          {y.ticks(5).map((t) => (
            <text key={t} x={-6} y={y(t)} dy="0.32em" textAnchor="end">
              {t}
            </text>
          ))}
          <text transform={`translate(-34,${height / 2}) rotate(-90)`} textAnchor="middle">
            β (along d2)
          </text>
        </g>
      </g>
    </svg>
  );
}
