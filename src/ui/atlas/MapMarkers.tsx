/** The surface's minima (×) and the explorer's start (ring) drawn over a map of start points. */
import * as d3 from 'd3';
import type { CriticalPoint, Vec2, ViewBox } from '../../core/types';

export function MapMarkers({
  box,
  size,
  criticalPoints,
  start,
}: {
  readonly box: ViewBox;
  readonly size: number;
  readonly criticalPoints: readonly CriticalPoint[];
  readonly start: Vec2 | null;
}) {
  const x = d3.scaleLinear(box.w1, [0, size]);
  const y = d3.scaleLinear(box.w2, [size, 0]);
  const minima = criticalPoints.filter(
    (p) =>
      p.kind === 'minimum' &&
      p.at[0] >= box.w1[0] &&
      p.at[0] <= box.w1[1] &&
      p.at[1] >= box.w2[0] &&
      p.at[1] <= box.w2[1],
  );
  return (
    <g data-testid="map-markers">
      {minima.map((p, i) => (
        <g key={i} transform={`translate(${x(p.at[0])},${y(p.at[1])})`} data-testid="map-minimum">
          <path d="M-5,-5L5,5M-5,5L5,-5" stroke="white" strokeWidth={3.5} />
          <path d="M-5,-5L5,5M-5,5L5,-5" stroke="black" strokeWidth={1.5} />
        </g>
      ))}
      {start ? (
        <g transform={`translate(${x(start[0])},${y(start[1])})`} data-testid="map-start">
          <circle r={6} fill="none" stroke="white" strokeWidth={3.5} />
          <circle r={6} fill="none" stroke="black" strokeWidth={1.5} />
        </g>
      ) : null}
    </g>
  );
}
