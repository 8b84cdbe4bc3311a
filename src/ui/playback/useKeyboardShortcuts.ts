/** Space = play/pause, ←/→ = step, Home/End = first/last step — never while typing in a field. */
import { useEffect } from 'react';
import { useOptiscope } from '../../state';

const NON_TEXT_INPUTS = ['range', 'checkbox', 'radio', 'button', 'submit', 'reset'];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.includes(target.type);
  return ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Elements that handle these keys themselves: a focused slider moves with the arrows, a checkbox toggles on space. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (key === ' ')
    return (
      ['BUTTON', 'SUMMARY', 'A'].includes(target.tagName) ||
      (target instanceof HTMLInputElement && target.type !== 'range')
    );
  return target instanceof HTMLInputElement && target.type === 'range';
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      if (ownsKey(event.target, event.key)) return;
      const store = useOptiscope.getState();
      switch (event.key) {
        case ' ':
          event.preventDefault();
          store.togglePlaying();
          break;
        case 'ArrowRight':
          event.preventDefault();
          store.setPlaying(false);
          store.stepBy(event.shiftKey ? 10 : 1);
          break;
        case 'ArrowLeft':
          event.preventDefault();
          store.setPlaying(false);
          store.stepBy(event.shiftKey ? -10 : -1);
          break;
        case 'Home':
          event.preventDefault();
          store.setStep(0);
          break;
        case 'End':
          event.preventDefault();
          store.setStep(store.scene.steps);
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
