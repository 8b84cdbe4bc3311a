/**
 * For the Nesterov run being explained: the lecture's iterate θ beside the drawn torch point φ = θ + μv,
 * as a faint path to the current step and a labelled link θ → φ (the look-ahead μv).
 */
import { nesterovLectureIterates } from '../../core/lectureForms';
import type { Run } from '../simulation/deriveSimulation';
import { runStyle } from '../theme/palette';
import { clampPx, type Scales } from './geometry';

export function LectureIterates({
  run,
  scales,
  step,
  dark,
}: {
  run: Run | null;
  scales: Scales;
  step: number;
  dark: boolean;
}) {
  const theta = run ? nesterovLectureIterates(run.trajectory) : null;
  if (!run || !theta) return null;
  const { x, y, width, height } = scales;
  const k = Math.min(step, run.trajectory.steps);
  const px = (i: number): [number, number] => [
    clampPx(x(theta[2 * i]!), width),
    clampPx(y(theta[2 * i + 1]!), height),
  ];
  const points = Array.from({ length: k + 1 }, (_, i) => px(i).join(',')).join(' ');
  const [tx, ty] = px(k);
  const fx = clampPx(x(run.trajectory.path[2 * k]!), width);
  const fy = clampPx(y(run.trajectory.path[2 * k + 1]!), height);
  const color = runStyle(run.slot, dark).color;
  // The label sits beyond θ, away from φ, where the step arrows (drawn from φ) are not.
  const away =
    Math.hypot(tx - fx, ty - fy) > 0.5
      ? [(tx - fx) / Math.hypot(tx - fx, ty - fy), (ty - fy) / Math.hypot(tx - fx, ty - fy)]
      : [0, 1];
  const [lx, ly] = [tx + away[0]! * 14, ty + away[1]! * 14];
  return (
    <g className="lecture-iterates" data-testid="lecture-iterates" pointerEvents="none">
      <polyline
        points={points}
        fill="none"
        stroke={color}
        strokeOpacity={0.55}
        strokeWidth={1.2}
        strokeDasharray="1 3"
      />
      <line x1={tx} y1={ty} x2={fx} y2={fy} stroke={color} strokeWidth={1.2} />
      <circle cx={tx} cy={ty} r={4} fill="none" stroke={color} strokeWidth={1.5} />
      <text
        x={lx}
        y={ly}
        dy="0.35em"
        textAnchor={away[0]! < -0.3 ? 'end' : away[0]! > 0.3 ? 'start' : 'middle'}
        className="lecture-iterate-label"
        fill={color}
      >
        θ (lecture)
      </text>
    </g>
  );
}
