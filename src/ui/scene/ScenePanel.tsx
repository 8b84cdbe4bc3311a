/** The scene's surface (picker + formula), start point and number of steps. */
import { format } from 'd3';
import { LIMITS, SURFACES } from '../../core';
import { useOptiscope } from '../../state';
import { NETWORK_SLICE_SURFACE } from '../../state/sliceSurface';
import { ExpressionEditor } from '../expression';
import { Formula } from '../math/Formula';
import { SliderNumber } from '../optimizers/SliderNumber';
import { useSimulation } from '../simulation/SimulationContext';

const coordinate = format('.3~f');

export function ScenePanel() {
  const surfaceRef = useOptiscope((s) => s.scene.surface);
  const steps = useOptiscope((s) => s.scene.steps);
  const { setSurface, setSteps, setStart } = useOptiscope.getState();
  const { surface, start, error } = useSimulation();
  const surfaceId = typeof surfaceRef === 'string' ? surfaceRef : 'custom';
  return (
    <section className="card sidebar-section" aria-labelledby="scene-title">
      <header className="card-head">
        <h2 id="scene-title">Surface</h2>
      </header>
      <label className="select-field">
        <span className="visually-hidden">Loss surface</span>
        <select
          value={surfaceId}
          onChange={(event) => setSurface(event.currentTarget.value)}
          data-testid="surface-select"
        >
          {SURFACES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          {surfaceId === 'custom' && <option value="custom">Your function</option>}
          {surfaceId === NETWORK_SLICE_SURFACE && (
            <option value={NETWORK_SLICE_SURFACE}>{surface?.name ?? 'Network loss slice'}</option>
          )}
        </select>
      </label>
      <ExpressionEditor />
      {surface && (
        <>
          <p className="surface-formula" data-testid="surface-formula">
            L(w) = <Formula tex={surface.formula} />
          </p>
          <p className="muted small">{surface.description}</p>
        </>
      )}
      {error && <p className="field-error">{error}</p>}
      <div className="start-row">
        <span>
          start{' '}
          <strong data-testid="start-readout">
            ({coordinate(start[0])}, {coordinate(start[1])})
          </strong>
        </span>
        <span className="start-buttons">
          <button
            type="button"
            className="link-button"
            onClick={() => setStart(null)}
            title="The surface's default start"
          >
            default
          </button>
          {surface?.starts.map((s) => (
            <button
              key={s.join()}
              type="button"
              className="link-button"
              onClick={() => setStart(s)}
              title={`Start at (${s.join(', ')})`}
            >
              ({s.join(', ')})
            </button>
          ))}
        </span>
      </div>
      <p className="muted small">Click the surface to start there, or drag the ◎ marker.</p>
      <SliderNumber
        label="steps"
        value={steps}
        min={1}
        max={LIMITS.maxSteps}
        sliderMax={1000}
        scale="linear"
        integer
        onChange={setSteps}
        testId="steps-input"
      />
    </section>
  );
}
