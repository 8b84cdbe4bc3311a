/** Every run's path (faint in full, bold up to the current step), its current-step marker and its end label. */
import { stopLabel } from '../expression/stopLabel';
import type { ViewBox } from '../../core';
import type { Run } from '../simulation/deriveSimulation';
import { runStyle } from '../theme/palette';
import { clampPx, clippedPathData, inside, type Scales } from './geometry';
import { placeLabels, type LabelInput } from './labels';

interface Props {
  runs: readonly Run[];
  scales: Scales;
  box: ViewBox;
  step: number;
  dark: boolean;
}

export function Trajectories({ runs, scales, box, step, dark }: Props) {
  const { x, y, width, height } = scales;
  const drawn = runs.map((run) => {
    const { trajectory: t } = run;
    const points: [number, number][] = [];
    let lastInside = 0;
    for (let k = 0; k <= t.steps; k++) {
      const w1 = t.path[2 * k]!;
      const w2 = t.path[2 * k + 1]!;
      // Raw pixels (finite: the core never records a non-finite point); paths clip them to the plot.
      points.push([x(w1), y(w2)]);
      if (inside(box, w1, w2)) lastInside = k;
    }
    const current = Math.min(step, t.steps);
    return { run, style: runStyle(run.slot, dark), points, current, lastInside };
  });
  const labels: LabelInput[] = drawn.map(({ run, style, points, lastInside }) => {
    const [rawX, rawY] = points[lastInside] ?? [0, 0];
    const [px, py] = [clampPx(rawX, width), clampPx(rawY, height)];
    const divergence = run.trajectory.divergence;
    const text = divergence ? `${run.entry.label} · ${stopLabel(divergence)}` : run.entry.label;
    return { key: run.entry.id, x: px, y: py, text, color: style.color };
  });
  const placed = placeLabels(labels, width, height);

  return (
    <g className="trajectories">
      {drawn.map(({ run, style, points, current }) => (
        <g
          key={run.entry.id}
          data-testid="trajectory"
          data-optimizer={run.entry.id}
          data-label={run.entry.label}
        >
          <path
            className="trajectory-full"
            d={clippedPathData(points, points.length, width, height)}
            stroke={style.color}
            strokeDasharray={style.dash || undefined}
          />
          <path className="trajectory-casing" d={clippedPathData(points, current + 1, width, height)} />
          <path
            className="trajectory-travelled"
            data-testid="trajectory-path"
            d={clippedPathData(points, current + 1, width, height)}
            stroke={style.color}
            strokeDasharray={style.dash || undefined}
          />
        </g>
      ))}
      {placed.map((label) => (
        <g key={label.key} className="trajectory-label" data-testid="trajectory-label">
          {Math.abs(label.ly - label.y) > 4 && (
            <line x1={label.x} y1={label.y} x2={label.lx} y2={label.ly - 4} stroke={label.color} />
          )}
          <text x={label.lx} y={label.ly} textAnchor={label.anchor} fill={label.color}>
            {label.text}
          </text>
        </g>
      ))}
      {drawn.map(({ run, style, points, current }) => {
        const [rawX, rawY] = points[current] ?? [0, 0];
        const [px, py] = [clampPx(rawX, width), clampPx(rawY, height)];
        return (
          <path
            key={run.entry.id}
            className="step-marker"
            data-testid="step-marker"
            data-optimizer={run.entry.id}
            data-step={current}
            d={style.markerPath(90)}
            transform={`translate(${px.toFixed(1)},${py.toFixed(1)})`}
            fill={style.color}
          />
        );
      })}
    </g>
  );
}
