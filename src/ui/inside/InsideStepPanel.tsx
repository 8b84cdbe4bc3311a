/**
 * "Inside the step": how the focused optimizer's update at the current step is composed — gradient →
 * moment → scaling → step — with the numbers and the optimizer's own equations.
 */
import { getOptimizer } from '../../core';
import { UpdateRule } from './UpdateRule';
import { PHASES, useOptiscope } from '../../state';
import { useFocusRun, useSimulation } from '../simulation/SimulationContext';
import { RunSwatch } from '../legend/RunSwatch';
import { useIsDark } from '../theme/useTheme';
import { f3, vec, whyItTurns } from './explainText';
import { stepParts } from './stepParts';
import { gradientPoint } from '../surface/methodGeometry';

export function InsideStepPanel() {
  const { runs } = useSimulation();
  const run = useFocusRun();
  const step = useOptiscope((s) => s.view.step);
  const explain = useOptiscope((s) => s.view.explain);
  const phase = useOptiscope((s) => s.view.phase);
  const showArrows = useOptiscope((s) => s.view.showArrows);
  const arrowsForAll = useOptiscope((s) => s.view.arrowsForAll);
  const { setFocus, setShowArrows, setArrowsForAll } = useOptiscope.getState();
  const dark = useIsDark();
  if (!run) return <p className="muted">Enable an optimizer to look inside its step.</p>;
  const spec = getOptimizer(run.entry.type);
  const parts = stepParts(run.trajectory, step);
  const elsewhere = gradientPoint(run.trajectory, step);
  const shown = explain ? phase : PHASES.length - 1;
  const row = (index: number) =>
    `step-row${index <= shown ? '' : ' is-pending'}${explain && index === phase ? ' is-current' : ''}`;
  const entry = run.entry;

  return (
    <div className="inside-step" data-testid="inside-step">
      <div className="inside-head">
        <RunSwatch slot={run.slot} dark={dark} />
        <label className="inline-field">
          <span className="visually-hidden">Optimizer to explain</span>
          <select
            value={entry.id}
            onChange={(event) => setFocus(event.currentTarget.value)}
            data-testid="focus-select"
          >
            {runs.map((r) => (
              <option key={r.entry.id} value={r.entry.id}>
                {r.entry.label}
              </option>
            ))}
          </select>
        </label>
        {parts && (
          <span className="muted">
            update {parts.index + 1}: w<sub>{parts.index}</sub> → w<sub>{parts.index + 1}</sub>
            {parts.atEnd ? ' (last)' : ''}
          </span>
        )}
      </div>
      {spec && <UpdateRule spec={spec} hp={entry.hyperparameters} />}
      {!parts ? (
        <p className="muted">
          {run.trajectory.divergence ? `Stopped: ${run.trajectory.divergence.reason}.` : 'No updates yet.'}
        </p>
      ) : (
        <>
          <ol className="step-rows">
            <li className={row(0)} data-phase="gradient">
              <span className="step-label">1 · gradient</span>
              <span>
                g = {vec(parts.gradient)}
                {entry.clip.type !== 'none' && (
                  <span className="muted"> (after {entry.clip.type} clipping)</span>
                )}
                {entry.noise > 0 && <span className="muted"> (with noise σ={f3(entry.noise)})</span>}
                {elsewhere && (
                  <span className="muted" data-testid="gradient-elsewhere">
                    {' '}
                    · the step uses ∇L at {elsewhere.symbol} = {vec(elsewhere.at)}
                  </span>
                )}
              </span>
            </li>
            <li className={row(1)} data-phase="moment">
              <span className="step-label">2 · moment</span>
              <span>
                {parts.moment ? (
                  `${parts.moment.symbol} = ${vec(parts.moment.value)}`
                ) : (
                  <span className="muted">none — the step uses g directly</span>
                )}
              </span>
            </li>
            <li className={row(2)} data-phase="scaling">
              <span className="step-label">3 · scaling</span>
              <span>
                η = {f3(parts.learningRate)} → effective ({f3(parts.effectiveLr[0])},{' '}
                {f3(parts.effectiveLr[1])})
                {parts.accumulators
                  .filter((a) => a.key !== parts.moment?.key && (a.value[0] !== 0 || a.value[1] !== 0))
                  .map((a) => (
                    <span key={a.key} className="muted">
                      {' '}
                      · {a.key} = {vec(a.value)}
                    </span>
                  ))}
              </span>
            </li>
            <li className={row(3)} data-phase="step">
              <span className="step-label">4 · step</span>
              <span>
                Δw = {vec(parts.update)} · |Δw| = {f3(Math.hypot(parts.update[0], parts.update[1]))} · L{' '}
                {f3(parts.loss)} → {f3(parts.nextLoss)}
              </span>
            </li>
          </ol>
          {shown >= 3 && (
            <p className="why" data-testid="why">
              {whyItTurns(parts, spec?.family ?? '')}
            </p>
          )}
        </>
      )}
      <div className="inside-options">
        <label>
          <input
            type="checkbox"
            checked={showArrows}
            onChange={(event) => setShowArrows(event.currentTarget.checked)}
          />{' '}
          arrows on the surface
        </label>
        <label>
          <input
            type="checkbox"
            checked={arrowsForAll}
            onChange={(event) => setArrowsForAll(event.currentTarget.checked)}
          />{' '}
          for every optimizer
        </label>
      </div>
    </div>
  );
}
