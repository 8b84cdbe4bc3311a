/**
 * reveal.js talks to iframes on its slides with postMessage: when a slide is shown it posts the string
 * 'slide:start' to every iframe on it, and when the slide is left it posts 'slide:stop'
 * (node_modules/reveal.js/js/controllers/slidecontent.js: startEmbeddedIframe / stopEmbeddedContent).
 */
import { useEffect, useRef } from 'react';

export function useRevealMessages(handlers: { onStart: () => void; onStop: () => void }): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      if (event.data === 'slide:start') latest.current.onStart();
      else if (event.data === 'slide:stop') latest.current.onStop();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
}
