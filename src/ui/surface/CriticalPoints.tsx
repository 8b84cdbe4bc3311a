/** Known critical points: minima ★, saddles ✕, maxima ▲, each with a tooltip. */
import { symbol, symbolStar, symbolTimes, symbolTriangle2 } from 'd3';
import type { CriticalPoint } from '../../core';
import { clampPx, type Scales } from './geometry';

const SHAPES = { minimum: symbolStar, saddle: symbolTimes, maximum: symbolTriangle2 } as const;

export function CriticalPoints({ points, scales }: { points: readonly CriticalPoint[]; scales: Scales }) {
  const { x, y, width, height } = scales;
  return (
    <g className="critical-points">
      {points.map((point, i) => (
        <path
          key={i}
          className={`critical-point critical-${point.kind}`}
          data-testid={`critical-${point.kind}`}
          d={symbol(SHAPES[point.kind], point.kind === 'minimum' ? 190 : 150)() ?? ''}
          transform={`translate(${clampPx(x(point.at[0]), width)},${clampPx(y(point.at[1]), height)})`}
        >
          <title>{`${point.label ?? point.kind} at (${point.at[0]}, ${point.at[1]})`}</title>
        </path>
      ))}
    </g>
  );
}
