/** Play/pause, a scrubber over the recorded samples (labelled in optimizer steps) and the speed. */
import type { CrowdPlayback } from './useCrowdPlayback';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export function CrowdPlaybackBar({
  playback,
  frames,
  stepsPerFrame,
  steps,
  speed,
  onSpeed,
}: {
  readonly playback: CrowdPlayback;
  readonly frames: number;
  readonly stepsPerFrame: number;
  readonly steps: number;
  readonly speed: number;
  readonly onSpeed: (speed: number) => void;
}) {
  const step = Math.min(steps, Math.round(playback.frame * stepsPerFrame));
  const disabled = frames < 2;
  return (
    <div
      className="crowd-playback"
      style={{ display: 'flex', gap: '0.75em', alignItems: 'center', flexWrap: 'wrap' }}
    >
      <button
        type="button"
        onClick={playback.toggle}
        disabled={disabled}
        data-testid="crowd-play"
        aria-label={playback.playing ? 'Pause' : 'Play'}
        style={{ minWidth: '5.5em' }}
      >
        {playback.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <input
        type="range"
        aria-label="step"
        data-testid="crowd-scrub"
        min={0}
        max={Math.max(0, frames - 1)}
        step="any"
        value={playback.frame}
        disabled={disabled}
        onChange={(e) => playback.seek(Number(e.target.value))}
        style={{ flex: '1 1 20em', maxWidth: '40em' }}
      />
      <span data-testid="crowd-step" style={{ fontVariantNumeric: 'tabular-nums', minWidth: '8em' }}>
        step {step} / {steps}
      </span>
      <label>
        speed{' '}
        <select aria-label="speed" value={speed} onChange={(e) => onSpeed(Number(e.target.value))}>
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
