/** Headless: runs the playback loop and keyboard shortcuts, and starts the opening animation once. */
import { useEffect } from 'react';
import { useOptiscope } from '../../state';
import { usePrefersReducedMotion } from '../theme/useTheme';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { usePlaybackLoop } from './usePlaybackLoop';

export function PlaybackController() {
  usePlaybackLoop();
  useKeyboardShortcuts();
  const reducedMotion = usePrefersReducedMotion();
  useEffect(() => {
    // Opening animation: unless motion is reduced, play the default scene from step 0 (paths stay visible faintly).
    if (reducedMotion) return;
    const { resetPlayback, setPlaying } = useOptiscope.getState();
    resetPlayback();
    setPlaying(true);
    // Only on first mount.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
