/**
 * "Inside the step" on the surface: at the current step, the direction −g, the momentum/first moment
 * (when the optimizer keeps one), the scaled direction, and the update Δw actually taken. In explain mode
 * the arrows appear one phase at a time: gradient → moment → scaling → step.
 */
import type { Run } from '../simulation/deriveSimulation';
import { runStyle } from '../theme/palette';
import { Arrow } from './Arrow';
import { clampPx, type Scales } from './geometry';
import { stepParts } from '../inside/stepParts';

interface Props {
  runs: readonly Run[];
  scales: Scales;
  step: number;
  /** Highest phase shown (3 = all). */
  phase: number;
  labelled: string | null;
  dark: boolean;
}

const DIRECTION_PX = 58;

export function StepArrows({ runs, scales, step, phase, labelled, dark }: Props) {
  const { x, y, width, height } = scales;
  const toPx = (v: readonly [number, number]): [number, number] => [
    v[0] * (x(1) - x(0)),
    v[1] * (y(1) - y(0)),
  ];
  const unit = (v: [number, number], length: number): [number, number] => {
    const n = Math.hypot(v[0], v[1]);
    return n > 0 && Number.isFinite(n) ? [(v[0] / n) * length, (v[1] / n) * length] : [0, 0];
  };
  return (
    <g className="step-arrows" data-testid="step-arrows">
      {runs.map((run) => {
        const parts = stepParts(run.trajectory, step);
        if (!parts || parts.atEnd) return null;
        const color = runStyle(run.slot, dark).color;
        const ox = clampPx(x(parts.at[0]), width);
        const oy = clampPx(y(parts.at[1]), height);
        const named = run.entry.id === labelled;
        const minusG = unit(toPx([-parts.gradient[0], -parts.gradient[1]]), DIRECTION_PX);
        const moment = parts.moment
          ? unit(toPx([-parts.moment.value[0], -parts.moment.value[1]]), DIRECTION_PX * 0.85)
          : null;
        const scaled = unit(toPx(parts.update), DIRECTION_PX * 0.7);
        const update = toPx(parts.update);
        return (
          <g key={run.entry.id} data-optimizer={run.entry.id}>
            <Arrow
              x1={ox}
              y1={oy}
              x2={ox + minusG[0]}
              y2={oy + minusG[1]}
              color={color}
              width={1.5}
              label={named ? '−g' : undefined}
              testId="arrow-gradient"
            />
            {phase >= 1 && moment && (
              <Arrow
                x1={ox}
                y1={oy}
                x2={ox + moment[0]}
                y2={oy + moment[1]}
                color={color}
                width={1.5}
                dash="4 3"
                label={named ? `−${parts.moment?.symbol ?? ''}` : undefined}
                testId="arrow-moment"
              />
            )}
            {phase === 2 && (
              <Arrow
                x1={ox}
                y1={oy}
                x2={ox + scaled[0]}
                y2={oy + scaled[1]}
                color={color}
                width={1.5}
                dash="1 3"
                label={named ? 'scaled' : undefined}
              />
            )}
            {phase >= 3 && (
              <Arrow
                x1={ox}
                y1={oy}
                x2={clampPx(ox + update[0], width)}
                y2={clampPx(oy + update[1], height)}
                color={color}
                width={3}
                label={named ? 'Δw' : undefined}
                testId="arrow-update"
              />
            )}
          </g>
        );
      })}
    </g>
  );
}
