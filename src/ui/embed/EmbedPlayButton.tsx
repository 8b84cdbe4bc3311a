/** The embed's one always-visible control: play/pause (keys reach it only while it has focus). */
import { useOptiscope } from '../../state';
import { PauseIcon, PlayIcon } from '../playback/icons';

export function EmbedPlayButton() {
  const playing = useOptiscope((s) => s.view.playing);
  const step = useOptiscope((s) => s.view.step);
  const steps = useOptiscope((s) => s.scene.steps);
  return (
    <div className="embed-playback">
      <button
        type="button"
        className="icon-button play-button"
        data-testid="embed-play"
        aria-label={playing ? 'Pause' : 'Play'}
        aria-pressed={playing}
        onClick={() => useOptiscope.getState().togglePlaying()}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <output className="embed-step" data-testid="embed-step">
        step {step} / {steps}
      </output>
    </div>
  );
}
