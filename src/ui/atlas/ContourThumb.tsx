/**
 * A small contour plot of the surface with trajectories on it (the sweep's hovered cell, the comparison's
 * best settings): filled contours from the explorer's contour code, minima as ×, each path in its color.
 */
import * as d3 from 'd3';
import { useMemo } from 'react';
import type { CriticalPoint, ViewBox } from '../../core/types';
import { computeContours, type ContourSurface } from '../surface/contours';

export interface ThumbPath {
  /** Interleaved (w1, w2). */
  readonly path: ArrayLike<number>;
  readonly points: number;
  readonly color: string;
  readonly label: string;
}

export function ContourThumb({
  surface,
  box,
  size,
  paths,
  testId,
}: {
  readonly surface: ContourSurface & { readonly criticalPoints: readonly CriticalPoint[] };
  readonly box: ViewBox;
  readonly size: number;
  readonly paths: readonly ThumbPath[];
  readonly testId?: string;
}) {
  const layer = useMemo(
    () => computeContours(surface, box, size, size, '#ffffff', 0.55),
    [surface, box, size],
  );
  const x = d3.scaleLinear(box.w1, [0, size]);
  const y = d3.scaleLinear(box.w2, [size, 0]);
  const clamp = (v: number) => Math.max(-size, Math.min(2 * size, v));
  return (
    <svg width={size} height={size} data-testid={testId} role="img" aria-label="contours with trajectories">
      <rect width={size} height={size} fill={layer.base} />
      {layer.bands.map((band, i) => (
        <path key={i} d={band.path} fill={band.color} stroke="rgba(0,0,0,0.12)" strokeWidth={0.5} />
      ))}
      {surface.criticalPoints
        .filter((p) => p.kind === 'minimum')
        .map((p, i) => (
          <path
            key={i}
            transform={`translate(${x(p.at[0])},${y(p.at[1])})`}
            d="M-4,-4L4,4M-4,4L4,-4"
            stroke="black"
            strokeWidth={1.5}
          />
        ))}
      {paths.map((trajectory, k) => {
        const points: [number, number][] = [];
        for (let i = 0; i < trajectory.points; i++) {
          const w1 = trajectory.path[2 * i]!;
          const w2 = trajectory.path[2 * i + 1]!;
          if (!Number.isFinite(w1) || !Number.isFinite(w2)) break;
          points.push([clamp(x(w1)), clamp(y(w2))]);
        }
        const first = points[0];
        return (
          <g key={k} data-testid="thumb-trajectory" data-label={trajectory.label}>
            <path
              d={d3.line()(points) ?? ''}
              fill="none"
              stroke="white"
              strokeWidth={3}
              strokeOpacity={0.7}
            />
            <path d={d3.line()(points) ?? ''} fill="none" stroke={trajectory.color} strokeWidth={1.5} />
            {first ? <circle cx={first[0]} cy={first[1]} r={3.5} fill="white" stroke="black" /> : null}
          </g>
        );
      })}
    </svg>
  );
}
