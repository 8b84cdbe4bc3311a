/**
 * Distance to the nearest known minimum on a log scale: a straight line is linear convergence (GD,
 * momentum), a line that bends down ever faster is quadratic (Newton), one that flattens is sublinear.
 */
import { useSimulation } from '../simulation/SimulationContext';
import { LineChart, type ChartSeries } from '../charts/LineChart';
import { Panel } from '../charts/Panel';

export function ConvergencePanel() {
  const { runs, steps, surface } = useSimulation();
  const minima = surface?.criticalPoints.filter((p) => p.kind === 'minimum') ?? [];
  const series: ChartSeries[] = runs.map(({ entry, slot, trajectory }) => ({
    id: entry.id,
    label: entry.label,
    slot,
    length: trajectory.steps + 1,
    offset: 0,
    value: (i) => {
      const w1 = trajectory.path[2 * i]!;
      const w2 = trajectory.path[2 * i + 1]!;
      return minima.reduce((best, m) => Math.min(best, Math.hypot(w1 - m.at[0], w2 - m.at[1])), Infinity);
    },
  }));
  return (
    <Panel
      id="convergence"
      title="Convergence"
      subtitle="‖wₜ − w*‖ to the nearest minimum (log): straight = linear, plunging = quadratic, flattening = sublinear"
    >
      {minima.length === 0 ? (
        <p className="empty-note" data-testid="no-minimum">
          This surface has no known minimum to measure the distance to.
        </p>
      ) : (
        <LineChart
          series={series}
          steps={steps}
          yLabel="distance to w*"
          title="Distance to the minimum vs step"
          scale="log"
          testId="convergence-chart"
        />
      )}
    </Panel>
  );
}
