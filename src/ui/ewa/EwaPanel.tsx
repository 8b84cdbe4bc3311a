/**
 * Lecture 004's exponentially weighted average, applied to a run's own gradients: V_t = βV_{t−1} + (1−β)θ_t
 * from V₀ = 0 for β = 0.5, 0.9, 0.98 (dashed), and the bias-corrected V_t/(1−βᵗ) (solid), over the noisy
 * gradient the focused run saw. The readout spells out the first two averages, where the bias lives.
 */
import { useState } from 'react';
import { EWA_BETAS, exponentialAverage } from '../../core/ewa';
import { LineChart, type ChartSeries } from '../charts/LineChart';
import { Panel } from '../charts/Panel';
import { SeriesLegend } from '../charts/SeriesLegend';
import { Formula } from '../math/Formula';
import { useFocusRun, useSimulation } from '../simulation/SimulationContext';
import { useIsDark } from '../theme/useTheme';
import { f3 } from '../inside/explainText';

const BETA_COLORS = { light: ['#D55E00', '#009E73', '#0072B2'], dark: ['#FF7A2F', '#2CC295', '#4BA3E3'] };
const DATA_COLOR = { light: '#8a8f98', dark: '#9aa0aa' };

export function EwaPanel() {
  const { steps } = useSimulation();
  const run = useFocusRun();
  const dark = useIsDark();
  const [coordinate, setCoordinate] = useState<0 | 1>(0);
  const [showRaw, setShowRaw] = useState(true);
  const theta = run
    ? Array.from({ length: run.trajectory.steps }, (_, k) => run.trajectory.gradient[2 * k + coordinate]!)
    : [];
  const colors = dark ? BETA_COLORS.dark : BETA_COLORS.light;
  const name = `g${coordinate === 0 ? '₁' : '₂'}`;
  const series: ChartSeries[] = [
    {
      id: 'theta',
      label: `θₜ = ${name}`,
      slot: 0,
      length: theta.length,
      offset: 1,
      value: (i) => theta[i] ?? Number.NaN,
      color: dark ? DATA_COLOR.dark : DATA_COLOR.light,
      dash: '1 3',
    },
    ...EWA_BETAS.flatMap((beta, b) => {
      const corrected = exponentialAverage(theta, beta, true);
      const raw = exponentialAverage(theta, beta, false);
      const line = (id: string, label: string, values: Float64Array, dash: string): ChartSeries => ({
        id,
        label,
        slot: b,
        length: values.length,
        offset: 1,
        value: (i) => values[i] ?? Number.NaN,
        color: colors[b],
        dash,
      });
      return [
        line(`c${beta}`, `β = ${beta}, corrected`, corrected, ''),
        ...(showRaw ? [line(`r${beta}`, `β = ${beta}, from V₀ = 0`, raw, '6 4')] : []),
      ];
    }),
  ];
  const beta = EWA_BETAS[2];
  const tools = (
    <>
      <label className="inline-field">
        <span className="visually-hidden">Coordinate</span>
        <select
          value={coordinate}
          onChange={(e) => setCoordinate(Number(e.currentTarget.value) as 0 | 1)}
          data-testid="ewa-coordinate"
        >
          <option value={0}>gradient g₁</option>
          <option value={1}>gradient g₂</option>
        </select>
      </label>
      <label className="inline-field">
        <input type="checkbox" checked={showRaw} onChange={() => setShowRaw((v) => !v)} />
        uncorrected
      </label>
    </>
  );
  return (
    <Panel
      id="ewa"
      title="Exponentially weighted average"
      subtitle={
        <>
          <Formula tex="V_t = \beta V_{t-1} + (1-\beta)\theta_t" /> from V₀ = 0 (lecture 004), dashed;
          bias-corrected <Formula tex="V_t/(1-\beta^t)" />, solid — over{' '}
          {run ? `${run.entry.label}’s` : 'a run’s'} {name}
        </>
      }
      tools={tools}
      className="panel-wide"
    >
      {!run || theta.length < 2 ? (
        <p className="empty-note">No run with at least two steps to average.</p>
      ) : (
        <>
          <LineChart
            series={series}
            steps={steps}
            yLabel={name}
            title="Weighted averages of the gradient"
            scale="linear"
            testId="ewa-chart"
          />
          <SeriesLegend series={series} testId="ewa-legend" />
          <p className="ewa-readout" data-testid="ewa-readout">
            β = {beta}: V₁ = {f3(1 - beta)}·θ₁ = {f3(exponentialAverage(theta, beta, false)[0]!)} while θ₁ ={' '}
            {f3(theta[0]!)}; V₂ = {f3(beta * (1 - beta))}·θ₁ + {f3(1 - beta)}·θ₂; corrected V₂ / (1 − β²) = V₂
            / {f3(1 - beta * beta)} = {f3(exponentialAverage(theta, beta, true)[1]!)}.
          </p>
        </>
      )}
    </Panel>
  );
}
