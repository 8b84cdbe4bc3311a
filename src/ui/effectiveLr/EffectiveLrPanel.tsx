/**
 * The quantity the lectures plot: the effective learning rate per coordinate (η/(δ+√r) for AdaGrad and
 * RMSProp, bias-corrected for Adam, the scheduled η for SGD); a selector switches to the accumulators
 * (r, m, v, velocity…) and to the step length |Δw|. NaN (Newton at g = 0, random search) is skipped.
 */
import { useOptiscope, type RateMetric } from '../../state';
import { useSimulation } from '../simulation/SimulationContext';
import { LineChart, type ChartSeries } from '../charts/LineChart';
import { Panel } from '../charts/Panel';
import type { Run } from '../simulation/deriveSimulation';

function metricOptions(runs: readonly Run[]): { value: RateMetric; label: string }[] {
  const seen = new Map<string, string>();
  for (const run of runs)
    for (const a of run.trajectory.accumulators) if (!seen.has(a.key)) seen.set(a.key, a.label);
  return [
    { value: 'effectiveLr', label: 'effective learning rate' },
    ...[...seen].map(([key, label]) => ({
      value: `acc:${key}` as RateMetric,
      label: `accumulator ${label}`,
    })),
    { value: 'stepLength', label: 'step length |Δw|' },
  ];
}

function series(runs: readonly Run[], metric: RateMetric, coordinate: 0 | 1): ChartSeries[] {
  return runs.flatMap(({ entry, slot, trajectory: t }) => {
    const values =
      metric === 'effectiveLr'
        ? t.effectiveLr
        : metric === 'stepLength'
          ? t.update
          : t.accumulators.find((a) => `acc:${a.key}` === metric)?.values;
    if (!values) return [];
    const value =
      metric === 'stepLength'
        ? (i: number) => Math.hypot(values[2 * i] ?? Number.NaN, values[2 * i + 1] ?? Number.NaN)
        : (i: number) => values[2 * i + coordinate] ?? Number.NaN;
    return [{ id: entry.id, label: entry.label, slot, length: t.steps, offset: 1, value }];
  });
}

export function EffectiveLrPanel() {
  const { runs, steps } = useSimulation();
  const metric = useOptiscope((s) => s.view.rateMetric);
  const setRateMetric = useOptiscope((s) => s.setRateMetric);
  const options = metricOptions(runs);
  const active = options.some((o) => o.value === metric) ? metric : 'effectiveLr';
  const label = options.find((o) => o.value === active)?.label ?? '';
  const tools = (
    <label className="inline-field">
      <span className="visually-hidden">Quantity</span>
      <select
        value={active}
        onChange={(event) => setRateMetric(event.currentTarget.value as RateMetric)}
        data-testid="rate-metric"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Panel
      id="effectiveLr"
      title="Effective learning rate"
      subtitle="per coordinate: AdaGrad’s only shrinks, RMSProp’s can recover"
      tools={tools}
      className="panel-wide"
    >
      {active === 'stepLength' ? (
        <LineChart
          series={series(runs, active, 0)}
          steps={steps}
          yLabel="|Δw|"
          title="Step length"
          testId="rate-chart"
        />
      ) : (
        <div className="chart-pair">
          {([0, 1] as const).map((c) => (
            <figure key={c}>
              <figcaption>
                {label} · w<sub>{c + 1}</sub>
              </figcaption>
              <LineChart
                series={series(runs, active, c)}
                steps={steps}
                yLabel={c === 0 ? 'w₁' : 'w₂'}
                title={`${label}, w${c + 1}`}
                testId="rate-chart"
                height={170}
              />
            </figure>
          ))}
        </div>
      )}
    </Panel>
  );
}
