/** Loss vs step, one line per optimizer: log scale while the loss stays positive, symlog when it goes negative. */
import { useSimulation } from '../simulation/SimulationContext';
import { LineChart, type ChartSeries } from '../charts/LineChart';
import { Panel } from '../charts/Panel';
import { stopLabel } from '../expression/stopLabel';

export function LossPanel() {
  const { runs, steps } = useSimulation();
  const series: ChartSeries[] = runs.map(({ entry, slot, trajectory }) => ({
    id: entry.id,
    label: entry.label,
    slot,
    length: trajectory.loss.length,
    offset: 0,
    value: (i) => trajectory.loss[i] ?? Number.NaN,
    // Out of the box (diverged or ran off to −∞): drawn, but the axis follows the other runs.
    ...(trajectory.divergence &&
    (trajectory.divergence.kind === 'diverged' || trajectory.divergence.kind === 'unbounded')
      ? { left: { label: stopLabel(trajectory.divergence) } }
      : {}),
  }));
  return (
    <Panel id="loss" title="Loss" subtitle="L(wₜ) at every step">
      <LineChart series={series} steps={steps} yLabel="loss" title="Loss vs step" testId="loss-chart" />
    </Panel>
  );
}
