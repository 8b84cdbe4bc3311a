/** The main card: surface name and formula, the legend, the plot and the playback bar. */
import { useOptiscope } from '../../state';
import { Legend } from '../legend/Legend';
import { Formula } from '../math/Formula';
import { PlaybackBar } from '../playback/PlaybackBar';
import { useSimulation } from '../simulation/SimulationContext';
import { SurfaceView } from '../surface/SurfaceView';
import { Surface3DPanelLazy } from '../surface3d/lazy';

export function SurfaceCard() {
  const { surface } = useSimulation();
  const zoomed = useOptiscope((s) => s.view.viewBox !== null);
  const setViewBox = useOptiscope((s) => s.setViewBox);
  const only3d = useOptiscope((s) => s.view.panels.surface3d && s.view.surface3dInstead);
  return (
    <section className="card surface-card" aria-labelledby="surface-title" data-testid="surface-card">
      <header className="card-head">
        <div className="surface-title">
          <h2 id="surface-title">{surface?.name ?? 'Surface'}</h2>
          {surface && (
            <span className="formula-line">
              L(w) = <Formula tex={surface.formula} />
            </span>
          )}
        </div>
        <div className="card-tools">
          <button
            type="button"
            className="ghost-button"
            data-testid="reset-view"
            disabled={!zoomed}
            onClick={() => setViewBox(null)}
          >
            Reset view
          </button>
        </div>
      </header>
      <Legend />
      {only3d ? <Surface3DPanelLazy inCard /> : <SurfaceView />}
      <PlaybackBar />
    </section>
  );
}
