/**
 * On the contour map, for each SAM, Prodigy and Schedule-Free run, what the method looks at at the current
 * step (methodGeometry.ts): SAM's ρ-ball and the perturbed point where its gradient is taken, Prodigy's
 * distance estimate d as a circle around the start, Schedule-Free's base iterate z and gradient point y
 * beside the average x its path (and the loss panel) shows.
 */
import type { Vec2 } from '../../core';
import type { Run } from '../simulation/deriveSimulation';
import { runStyle } from '../theme/palette';
import { clampPx, type Scales } from './geometry';
import { methodGeometry } from './methodGeometry';

const LABEL_GAP = 12;

function label(text: string, at: [number, number], away: [number, number], color: string, testId: string) {
  const length = Math.hypot(away[0], away[1]);
  const [ux, uy] = length > 0.5 ? [away[0] / length, away[1] / length] : [0, -1];
  return (
    <text
      x={at[0] + ux * LABEL_GAP}
      y={at[1] + uy * LABEL_GAP}
      dy="0.35em"
      textAnchor={ux < -0.3 ? 'end' : ux > 0.3 ? 'start' : 'middle'}
      className="method-geometry-label"
      fill={color}
      data-testid={testId}
    >
      {text}
    </text>
  );
}

function format(value: number): string {
  return value >= 0.01 && value < 1000 ? value.toPrecision(3) : value.toExponential(1);
}

export function MethodGeometry({
  runs,
  scales,
  step,
  dark,
}: {
  runs: readonly Run[];
  scales: Scales;
  step: number;
  dark: boolean;
}) {
  const { x, y, width, height } = scales;
  const px = (w: Vec2): [number, number] => [clampPx(x(w[0]), width), clampPx(y(w[1]), height)];
  // Pixels per unit along each axis (the plot keeps them equal, a zoom may not).
  const rx = (r: number) => Math.abs(x(r) - x(0));
  const ry = (r: number) => Math.abs(y(r) - y(0));
  return (
    <g className="method-geometry" pointerEvents="none">
      {runs.map((run) => {
        const geometry = methodGeometry(run.trajectory, step);
        if (!geometry) return null;
        const color = runStyle(run.slot, dark).color;
        const id = run.entry.id;
        if (geometry.kind === 'sam') {
          const c = px(geometry.center);
          const p = px(geometry.perturbed);
          return (
            <g key={id} data-testid="sam-ball" data-radius={geometry.radius}>
              <ellipse
                cx={c[0]}
                cy={c[1]}
                rx={rx(geometry.radius)}
                ry={ry(geometry.radius)}
                fill={color}
                fillOpacity={0.08}
                stroke={color}
                strokeWidth={1.2}
                strokeDasharray="4 3"
              />
              <line x1={c[0]} y1={c[1]} x2={p[0]} y2={p[1]} stroke={color} strokeWidth={1.2} />
              <circle
                cx={p[0]}
                cy={p[1]}
                r={3.5}
                fill={color}
                data-testid="sam-perturbed"
                data-w1={geometry.perturbed[0]}
                data-w2={geometry.perturbed[1]}
              />
              {label('w + ε̂', p, [p[0] - c[0], p[1] - c[1]], color, 'sam-label')}
            </g>
          );
        }
        if (geometry.kind === 'prodigy') {
          const c = px(geometry.center);
          const [r1, r2] = [rx(geometry.radius), ry(geometry.radius)];
          return (
            <g key={id} data-testid="prodigy-circle" data-radius={geometry.radius}>
              <ellipse
                cx={c[0]}
                cy={c[1]}
                rx={r1}
                ry={r2}
                fill="none"
                stroke={color}
                strokeWidth={1.4}
                strokeDasharray="6 3"
              />
              {label(`d = ${format(geometry.radius)}`, [c[0], c[1] - r2], [0, -1], color, 'prodigy-label')}
            </g>
          );
        }
        const points = (seq: readonly Vec2[]) => seq.map((w) => px(w).join(',')).join(' ');
        const xk = px(geometry.x.at(-1)!);
        const zk = px(geometry.z.at(-1)!);
        const yk = px(geometry.y.at(-1)!);
        const apart = Math.hypot(zk[0] - xk[0], zk[1] - xk[1]) > 2 * LABEL_GAP;
        return (
          <g key={id} data-testid="schedule-free-sequences">
            <polyline
              points={points(geometry.z)}
              fill="none"
              stroke={color}
              strokeOpacity={0.7}
              strokeWidth={1.2}
              strokeDasharray="5 3"
              data-testid="schedule-free-z"
            />
            <polyline
              points={points(geometry.y)}
              fill="none"
              stroke={color}
              strokeOpacity={0.7}
              strokeWidth={1.2}
              strokeDasharray="1 3"
              data-testid="schedule-free-y"
            />
            <rect x={zk[0] - 3.5} y={zk[1] - 3.5} width={7} height={7} fill="none" stroke={color} />
            <circle cx={yk[0]} cy={yk[1]} r={3} fill="none" stroke={color} strokeWidth={1.5} />
            {apart ? (
              <>
                {label('z', zk, [zk[0] - xk[0], zk[1] - xk[1]], color, 'schedule-free-label')}
                {label('x (loss)', xk, [xk[0] - zk[0], xk[1] - zk[1]], color, 'schedule-free-label')}
                {label('y', yk, [zk[1] - xk[1], xk[0] - zk[0]], color, 'schedule-free-label')}
              </>
            ) : (
              label('x ≈ y ≈ z', xk, [0, -1], color, 'schedule-free-label')
            )}
          </g>
        );
      })}
    </g>
  );
}
