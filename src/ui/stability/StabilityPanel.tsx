/**
 * Curvature along the focused run: the Hessian's eigenvalues, the (preconditioned) sharpness the step
 * responds to, and the stability threshold of the settings in force, with which rule is drawn and why.
 * For plain gradient descent, the distance to the gradient-flow path it approximates.
 */
import { format } from 'd3';
import { LineChart, type ChartSeries } from '../charts/LineChart';
import { Panel } from '../charts/Panel';
import { SeriesLegend } from '../charts/SeriesLegend';
import { useOptiscope } from '../../state';
import { useFocusRun, useSimulation } from '../simulation/SimulationContext';
import { runStyle } from '../theme/palette';
import { useIsDark } from '../theme/useTheme';
import { useStability } from './useStability';

const f3 = format('.3~g');
const THRESHOLD_COLOR = { light: '#b42318', dark: '#ff8a7a' };
const CURVATURE_COLOR = { light: '#6b7280', dark: '#9aa0aa' };

export function StabilityPanel() {
  const { surface, steps } = useSimulation();
  const run = useFocusRun();
  const dark = useIsDark();
  const step = useOptiscope((s) => s.view.step);
  const { trace, flow } = useStability(surface, run);
  if (!run || !trace)
    return (
      <Panel
        id="stability"
        title="Stability"
        subtitle="sharpness along the run against the optimizer's threshold"
      >
        <p className="empty-note" data-testid="stability-none">
          {run
            ? `${run.entry.label} (${run.entry.type}) has no linear stability threshold here: pick an SGD, momentum, AdaGrad, RMSProp or Adam run.`
            : 'No run.'}
        </p>
      </Panel>
    );
  const t = run.trajectory;
  const line = (
    id: string,
    label: string,
    values: Float64Array,
    color: string,
    dash: string,
  ): ChartSeries => ({
    id,
    label,
    slot: run.slot,
    length: values.length,
    offset: 1,
    value: (i) => values[i] ?? Number.NaN,
    color,
    dash,
  });
  const grey = dark ? CURVATURE_COLOR.dark : CURVATURE_COLOR.light;
  const series: ChartSeries[] = [
    line(
      's',
      trace.rule.preconditioned ? 'λmax(P⁻¹H)' : 'λmax(H)',
      trace.sharpness,
      runStyle(run.slot, dark).color,
      '',
    ),
    line(
      'c',
      `threshold ${f3(trace.rule.c)}/η`,
      trace.threshold,
      dark ? THRESHOLD_COLOR.dark : THRESHOLD_COLOR.light,
      '6 4',
    ),
    ...(trace.rule.preconditioned ? [line('h', 'λmax(H)', trace.lambdaMax, grey, '2 3')] : []),
    line('l', 'λmin(H)', trace.lambdaMin, grey, '1 4'),
  ];
  const k = Math.max(0, Math.min(step, t.steps) - 1);
  const ratio = (trace.sharpness[k]! * t.learningRate[k]!) / trace.rule.c;
  const distance = flow
    ? Float64Array.from({ length: t.steps + 1 }, (_, i) =>
        Math.hypot(t.path[2 * i]! - flow[2 * i]!, t.path[2 * i + 1]! - flow[2 * i + 1]!),
      )
    : null;
  return (
    <Panel
      id="stability"
      title="Stability"
      subtitle={`${run.entry.label}: ${trace.rule.why}`}
      className="panel-wide"
    >
      {t.steps === 0 ? (
        <p className="empty-note">No steps yet.</p>
      ) : (
        <>
          <LineChart
            series={series}
            steps={steps}
            yLabel="curvature"
            title="Sharpness and threshold"
            scale="log"
            testId="stability-chart"
          />
          <SeriesLegend series={series} testId="stability-legend" />
          <p className="stability-readout" data-testid="stability-readout" data-stable={ratio < 1}>
            Step {k + 1}: η·{trace.rule.preconditioned ? 'λmax(P⁻¹H)' : 'λmax(H)'} ={' '}
            {f3(ratio * trace.rule.c)} against {f3(trace.rule.c)} —{' '}
            {ratio < 1
              ? `stable (${f3(ratio * 100)} % of the threshold)`
              : `unstable (${f3(ratio)}× the threshold): the steep direction grows`}
            .
            {trace.rule.preconditioned
              ? ' P changes every step, so the surface shows no fixed unstable region for this run.'
              : ' Hatched on the surface: where this η would be unstable.'}
          </p>
          {distance && (
            <LineChart
              series={[
                line('d', '‖w_GD − w_flow‖', distance.subarray(1), runStyle(run.slot, dark).color, ''),
              ]}
              steps={steps}
              yLabel="distance"
              title="Distance between gradient descent and gradient flow"
              scale="log"
              height={140}
              testId="flow-distance-chart"
            />
          )}
          {distance && (
            <p className="muted" data-testid="flow-readout">
              Dashed on the surface: gradient flow ẇ = −∇L (RK4) at the times t = Σ η of the steps; at step{' '}
              {Math.min(step, t.steps)} GD is {f3(distance[Math.min(step, t.steps)]!)} away from it.
            </p>
          )}
        </>
      )}
    </Panel>
  );
}
