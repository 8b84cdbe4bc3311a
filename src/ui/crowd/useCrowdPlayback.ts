/**
 * Playback of a crowd: a fractional frame over the recorded samples, play/pause and scrub. New data
 * (a new `key`) rewinds to frame 0 and plays — unless the user prefers reduced motion, then it waits for
 * Play. The animation loop depends only on whether it plays, so re-renders never tear it down.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePrefersReducedMotion } from '../theme/useTheme';

/** A whole run plays in about this many seconds at 1×, whatever its length. */
export const PLAY_SECONDS = 8;

interface PlaybackState {
  readonly key: string;
  readonly frame: number;
  readonly playing: boolean;
}

export interface CrowdPlayback {
  readonly frame: number;
  readonly playing: boolean;
  toggle(): void;
  seek(frame: number): void;
}

export function useCrowdPlayback(key: string, frames: number, speed: number): CrowdPlayback {
  const reduced = usePrefersReducedMotion();
  const [state, setState] = useState<PlaybackState>({ key: '', frame: 0, playing: false });
  // New data rewinds (derived during render, not in an effect, so the first frame is already right).
  const current: PlaybackState =
    state.key === key ? state : { key, frame: 0, playing: !reduced && frames > 1 };
  if (current !== state) setState(current);

  const last = Math.max(0, frames - 1);
  const rate = useRef(0);
  rate.current = (last / PLAY_SECONDS) * speed;

  useEffect(() => {
    if (!current.playing) return;
    let previous = performance.now();
    let handle = requestAnimationFrame(function tick(now) {
      const dt = Math.min(0.1, (now - previous) / 1000);
      previous = now;
      setState((s) => {
        const frame = Math.min(last, s.frame + dt * rate.current);
        return { ...s, frame, playing: frame < last };
      });
      handle = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(handle);
  }, [current.playing, last]);

  const toggle = useCallback(
    () =>
      setState((s) => {
        // Play at the end starts over.
        if (!s.playing && s.frame >= last) return { ...s, frame: 0, playing: true };
        return { ...s, playing: !s.playing };
      }),
    [last],
  );
  const seek = useCallback(
    (frame: number) => setState((s) => ({ ...s, frame: Math.max(0, Math.min(last, frame)), playing: false })),
    [last],
  );
  return { frame: current.frame, playing: current.playing, toggle, seek };
}
