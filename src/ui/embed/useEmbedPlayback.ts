/**
 * Playback in an embed: autoplay (never under prefers-reduced-motion), loop with a short pause at the end,
 * and reveal.js's slide:start / slide:stop. Keys are never taken globally: only the embed's own focused
 * controls react to them, so a slide deck's arrows and space keep driving the deck.
 */
import { useEffect, useState } from 'react';
import { useOptiscope } from '../../state';
import { usePlaybackLoop } from '../playback/usePlaybackLoop';
import { usePrefersReducedMotion } from '../theme/useTheme';
import { useRevealMessages } from './useRevealMessages';

export const LOOP_PAUSE_MS = 900;

/** Returns whether the embed is active (false after slide:stop: its panels are unmounted, freeing their memory). */
export function useEmbedPlayback(autoplay: boolean, loop: boolean): boolean {
  const reducedMotion = usePrefersReducedMotion();
  const [active, setActive] = useState(true);
  usePlaybackLoop();

  const start = () => {
    if (!autoplay || reducedMotion) return;
    const store = useOptiscope.getState();
    store.resetPlayback();
    store.setPlaying(true);
  };

  useEffect(() => {
    start();
    // Only when the embed first shows; slide:start restarts it later.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!loop) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useOptiscope.subscribe((state, previous) => {
      const stoppedAtEnd =
        previous.view.playing && !state.view.playing && state.view.step >= state.scene.steps;
      if (!stoppedAtEnd || reducedMotion) return;
      clearTimeout(timer);
      timer = setTimeout(() => useOptiscope.getState().setPlaying(true), LOOP_PAUSE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [loop, reducedMotion]);

  useRevealMessages({
    onStart: () => {
      setActive(true);
      start();
    },
    onStop: () => {
      useOptiscope.getState().setPlaying(false);
      setActive(false);
    },
  });
  return active;
}
