/** Advances the current step (or explain phase) on animation frames while playing. */
import { useEffect } from 'react';
import { BASE_PHASES_PER_SECOND, BASE_STEPS_PER_SECOND, PHASES, useOptiscope } from '../../state';

export function usePlaybackLoop(): void {
  const playing = useOptiscope((s) => s.view.playing);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      const { view, scene, stepBy, setPlaying } = useOptiscope.getState();
      const rate = (view.explain ? BASE_PHASES_PER_SECOND : BASE_STEPS_PER_SECOND) * view.speed;
      carry += (Math.min(now - last, 250) / 1000) * rate;
      last = now;
      const whole = Math.floor(carry);
      carry -= whole;
      if (view.explain) {
        for (let i = 0; i < whole; i++) useOptiscope.getState().stepBy(1);
      } else if (whole > 0) {
        stepBy(whole);
      }
      const after = useOptiscope.getState().view;
      const atEnd = after.step >= scene.steps && (!after.explain || after.phase >= PHASES.length - 1);
      if (atEnd) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
