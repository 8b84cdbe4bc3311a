/** The trajectory from one start, computed on the CPU by the core (float64), drawn over a map. */
import * as d3 from 'd3';
import type { Trajectory } from '../../core/simulate';
import type { ViewBox } from '../../core/types';

export function TrajectoryOverlay({
  trajectory,
  box,
  size,
}: {
  readonly trajectory: Trajectory;
  readonly box: ViewBox;
  readonly size: number;
}) {
  const x = d3.scaleLinear(box.w1, [0, size]);
  const y = d3.scaleLinear(box.w2, [size, 0]);
  const points: [number, number][] = [];
  for (let k = 0; k <= trajectory.steps; k++)
    points.push([x(trajectory.path[2 * k]!), y(trajectory.path[2 * k + 1]!)]);
  const line = d3.line()(points) ?? '';
  const start = points[0];
  const end = points[points.length - 1];
  return (
    <g>
      <path d={line} fill="none" stroke="white" strokeWidth={3} strokeOpacity={0.8} />
      <path d={line} fill="none" stroke="black" strokeWidth={1.2} />
      {start ? <circle cx={start[0]} cy={start[1]} r={4} fill="white" stroke="black" /> : null}
      {end ? <circle cx={end[0]} cy={end[1]} r={3} fill="black" /> : null}
    </g>
  );
}
