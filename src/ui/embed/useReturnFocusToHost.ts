/**
 * Inside a slide deck a click on the plot would leave keyboard focus in the iframe, and the presenter's
 * next arrow key would go nowhere. After a pointer interaction that did not land on one of the embed's
 * own controls, focus goes back to the host page (Window.focus is allowed across origins).
 */
import { useEffect } from 'react';

const CONTROLS = 'button, input, select, textarea, a, [tabindex]';

export function useReturnFocusToHost(): void {
  useEffect(() => {
    if (window.parent === window) return;
    const onPointerUp = (event: PointerEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(CONTROLS)) return;
      window.parent.focus();
    };
    window.addEventListener('pointerup', onPointerUp, true);
    return () => window.removeEventListener('pointerup', onPointerUp, true);
  }, []);
}
