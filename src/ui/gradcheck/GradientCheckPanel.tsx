/**
 * Lecture 000's gradient check at the point on screen: the worked form (perturb one coordinate by h,
 * recompute the loss, divide by h), the centred difference, the analytic gradient and their relative error;
 * plus the worst error along the whole run, which flags a typed function that is not differentiable there.
 */
import { useState } from 'react';
import { checkGradient, forwardDifference, verdict, worstAlongPath } from '../../core/gradientCheck';
import { conditionNumber, eigenvalues } from '../../core/hessian';
import { CHECK_STEP } from '../../core/lessons/numerics';
import { useOptiscope } from '../../state';
import { Panel } from '../charts/Panel';
import { f3 } from '../inside/explainText';
import { useFocusRun, useSimulation } from '../simulation/SimulationContext';
import { format } from 'd3';

const STEPS_H = [1e-2, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10] as const;
const sci = format('.2~e');
/** Enough digits that L(w + h) and L(w) differ on screen. */
const fine = format('.8~g');
const VERDICT_TEXT = {
  agree: 'agree (relative error below 10⁻⁷)',
  borderline: 'borderline (10⁻⁷ to 10⁻⁴): fine for kinks, suspicious otherwise',
  disagree: 'disagree (above 10⁻⁴): the gradient is wrong here, or f is not differentiable here',
};

export function GradientCheckPanel() {
  const { surface } = useSimulation();
  const run = useFocusRun();
  const step = useOptiscope((s) => s.view.step);
  const [h, setH] = useState<number>(CHECK_STEP);
  const tools = (
    <label className="inline-field">
      h{' '}
      <select value={h} onChange={(e) => setH(Number(e.currentTarget.value))} data-testid="gradcheck-h">
        {STEPS_H.map((value) => (
          <option key={value} value={value}>
            {sci(value)}
          </option>
        ))}
      </select>
    </label>
  );
  if (!surface || !run)
    return (
      <Panel id="gradcheck" title="Gradient check" tools={tools}>
        <p className="empty-note">No run to check.</p>
      </Panel>
    );
  const k = Math.min(step, run.trajectory.steps);
  const w = [run.trajectory.path[2 * k]!, run.trajectory.path[2 * k + 1]!] as const;
  const check = checkGradient(surface, w, h);
  const worst = worstAlongPath(surface, run.trajectory.path, h);
  const here = verdict(Math.max(...check.relativeError));
  const along = verdict(worst.error);
  const [low, high] = eigenvalues(surface.hessian(w[0], w[1]));
  const coordinates = [0, 1] as const;
  return (
    <Panel
      id="gradcheck"
      title="Gradient check"
      subtitle={`numerical vs analytic gradient of ${run.entry.label} at step ${k}, w = (${f3(w[0])}, ${f3(w[1])})`}
      tools={tools}
      className="panel-wide"
    >
      <ol className="gradcheck-steps" data-testid="gradcheck-worked">
        <li>L(w) = {fine(forwardDifference(surface, w, 0, h).base)}</li>
        {coordinates.map((i) => {
          const fd = forwardDifference(surface, w, i, h);
          return (
            <li key={i}>
              w{i === 0 ? '₁' : '₂'} + h: L = {fine(fd.perturbed)} → ({fine(fd.perturbed)} − {fine(fd.base)})
              / {sci(h)} = <strong>{fine(fd.slope)}</strong>
            </li>
          );
        })}
      </ol>
      <table className="gradcheck-table" data-testid="gradcheck-table">
        <thead>
          <tr>
            <th />
            <th>forward (L(w+h)−L(w))/h</th>
            <th>centred (L(w+h)−L(w−h))/2h</th>
            <th>analytic ∇L</th>
            <th>relative error</th>
          </tr>
        </thead>
        <tbody>
          {coordinates.map((i) => (
            <tr key={i}>
              <th>∂L/∂w{i === 0 ? '₁' : '₂'}</th>
              <td>{fine(check.forward[i])}</td>
              <td>{fine(check.centred[i])}</td>
              <td>{fine(check.analytic[i])}</td>
              <td data-testid={`gradcheck-error-${i}`}>{sci(check.relativeError[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`gradcheck-verdict is-${here}`} data-testid="gradcheck-verdict" data-verdict={here}>
        Here: {VERDICT_TEXT[here]}.
      </p>
      <p className={`gradcheck-verdict is-${along}`} data-testid="gradcheck-along" data-verdict={along}>
        Along the run: worst relative error {sci(worst.error)} at step {worst.step} — {VERDICT_TEXT[along]}.
      </p>
      <p className="muted" data-testid="curvature-readout">
        Curvature here: Hessian eigenvalues λ = {f3(low)}, {f3(high)}; condition number κ ={' '}
        {f3(conditionNumber(surface.hessian(w[0], w[1])))}.
      </p>
    </Panel>
  );
}
