/**
 * On the surface, while the Stability panel is open: the region where the focused run's fixed-η step is
 * unstable (λmax(H) > c/η, hatched), and for plain gradient descent the gradient-flow path it approximates.
 */
import { useMemo } from 'react';
import type { ViewBox } from '../../core';
import type { Run } from '../simulation/deriveSimulation';
import { useSimulation } from '../simulation/SimulationContext';
import { clampPx, type Scales } from '../surface/geometry';
import { unstableRegionPath } from './unstableRegion';
import { useStability } from './useStability';

export function StabilityOverlay({
  run,
  scales,
  box,
  step,
}: {
  run: Run | null;
  scales: Scales;
  box: ViewBox;
  step: number;
}) {
  const { surface } = useSimulation();
  const { trace, flow } = useStability(surface, run);
  const { x, y, width, height } = scales;
  const eta = run?.trajectory.learningRate[Math.max(0, Math.min(step, (run?.trajectory.steps ?? 1) - 1))];
  const limit = trace && !trace.rule.preconditioned && eta ? trace.rule.c / eta : null;
  const boxKey = `${box.w1.join()},${box.w2.join()}`;
  const region = useMemo(
    () => (surface && limit !== null ? unstableRegionPath(surface.hessian, box, width, height, limit) : null),
    [surface, limit, boxKey, width, height], // eslint-disable-line react-hooks/exhaustive-deps
  );
  if (!run) return null;
  const k = Math.min(step, run.trajectory.steps);
  const flowPoints = flow
    ? Array.from(
        { length: k + 1 },
        (_, i) => `${clampPx(x(flow[2 * i]!), width)},${clampPx(y(flow[2 * i + 1]!), height)}`,
      ).join(' ')
    : null;
  return (
    <g className="stability-overlay" pointerEvents="none">
      <defs>
        <pattern
          id="unstable-hatch"
          width="7"
          height="7"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <line x1="0" y1="0" x2="0" y2="7" className="unstable-hatch-line" />
        </pattern>
      </defs>
      {region && region.path && (
        <path
          d={region.path}
          fill="url(#unstable-hatch)"
          className="unstable-region"
          data-testid="unstable-region"
          data-share={region.share.toFixed(3)}
        />
      )}
      {flowPoints && (
        <polyline points={flowPoints} className="gradient-flow" data-testid="gradient-flow" fill="none" />
      )}
    </g>
  );
}
