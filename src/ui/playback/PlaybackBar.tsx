/** Play/pause, step back/forward, reset, speed, explain mode and the timeline slider (an ARIA slider). */
import { format } from 'd3';
import { PHASES, SPEEDS, useOptiscope } from '../../state';
import { useFocusRun } from '../simulation/SimulationContext';
import { BackIcon, ForwardIcon, PauseIcon, PlayIcon, ResetIcon } from './icons';

const lossFormat = format('.3~g');

export function PlaybackBar() {
  const step = useOptiscope((s) => s.view.step);
  const steps = useOptiscope((s) => s.scene.steps);
  const playing = useOptiscope((s) => s.view.playing);
  const speed = useOptiscope((s) => s.view.speed);
  const explain = useOptiscope((s) => s.view.explain);
  const phase = useOptiscope((s) => s.view.phase);
  const actions = useOptiscope.getState();
  const focus = useFocusRun();
  const loss = focus ? focus.trajectory.loss[Math.min(step, focus.trajectory.steps)] : undefined;
  const valueText = `step ${step}${loss === undefined ? '' : `, loss ${lossFormat(loss)}`}${focus ? ` (${focus.entry.label})` : ''}`;

  return (
    <div className="playback" data-testid="playback">
      <div className="playback-buttons">
        <button
          type="button"
          className="icon-button"
          onClick={actions.resetPlayback}
          aria-label="Reset to step 0"
          title="Reset (Home)"
        >
          <ResetIcon />
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => {
            actions.setPlaying(false);
            actions.stepBy(-1);
          }}
          aria-label="Step back"
          title="Step back (←)"
        >
          <BackIcon />
        </button>
        <button
          type="button"
          className="icon-button play-button"
          data-testid="play-pause"
          onClick={actions.togglePlaying}
          aria-label={playing ? 'Pause' : 'Play'}
          aria-pressed={playing}
          title="Play / pause (space)"
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => {
            actions.setPlaying(false);
            actions.stepBy(1);
          }}
          aria-label="Step forward"
          title="Step forward (→)"
        >
          <ForwardIcon />
        </button>
      </div>
      <label className="timeline">
        <span className="visually-hidden">Timeline</span>
        <input
          type="range"
          data-testid="timeline"
          min={0}
          max={steps}
          step={1}
          value={step}
          aria-valuetext={valueText}
          onChange={(event) => {
            actions.setPlaying(false);
            actions.setStep(Number(event.currentTarget.value));
          }}
        />
      </label>
      <output className="step-readout" data-testid="step-readout" aria-live="off">
        step <strong>{step}</strong> / {steps}
        {explain && <span className="phase-chip">{PHASES[phase]}</span>}
      </output>
      <label className="inline-field">
        <span>Speed</span>
        <select
          value={speed}
          onChange={(event) => actions.setSpeed(Number(event.currentTarget.value))}
          aria-label="Playback speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
