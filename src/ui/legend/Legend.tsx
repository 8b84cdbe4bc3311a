/** The trajectory legend: marker + dash swatch, name, key settings and outcome; a click focuses a run. */
import { stopLabel } from '../expression/stopLabel';
import { format } from 'd3';
import { useOptiscope } from '../../state';
import { useFocusRun, useSimulation } from '../simulation/SimulationContext';
import { useIsDark } from '../theme/useTheme';
import { describeSettings } from './describe';
import { RunSwatch } from './RunSwatch';

const lossFormat = format('.2~g');

export function Legend() {
  const { runs } = useSimulation();
  const step = useOptiscope((s) => s.view.step);
  const setFocus = useOptiscope((s) => s.setFocus);
  const focus = useFocusRun();
  const dark = useIsDark();
  return (
    <ul className="legend" data-testid="legend" aria-label="Optimizers">
      {runs.map((run) => {
        const t = run.trajectory;
        const k = Math.min(step, t.steps);
        const focused = focus?.entry.id === run.entry.id;
        return (
          <li key={run.entry.id} data-testid="legend-entry" data-optimizer={run.entry.id}>
            <button
              type="button"
              className={`legend-item${focused ? ' is-focused' : ''}`}
              aria-pressed={focused}
              title="Explain this optimizer's step"
              onClick={() => setFocus(run.entry.id)}
            >
              <RunSwatch slot={run.slot} dark={dark} />
              <span className="legend-line">
                <span className="legend-name" data-testid="legend-name">
                  {run.entry.label}
                </span>
                <span className="legend-value">L={lossFormat(t.loss[k] ?? Number.NaN)}</span>
              </span>
              {/* A stopped run's outcome is a badge at the start of the settings line, so it never squeezes
                  the optimizer's name and the chip keeps two lines; the settings follow, cut if they must. */}
              <span className="legend-detail">
                {t.divergence && (
                  <span
                    className={`legend-status is-${t.divergence.kind}`}
                    data-testid="legend-status"
                    title={t.divergence.reason}
                  >
                    {stopLabel(t.divergence)}
                  </span>
                )}
                <span className="legend-settings">{describeSettings(run.entry).join(' · ')}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
