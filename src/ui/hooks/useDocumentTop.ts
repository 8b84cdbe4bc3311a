/** The element's distance from the top of the document, re-measured after every render (cheap, guarded). */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  // No dependency list on purpose: layout above may change on any render; the guard stops the loop.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measured = Math.round(element.getBoundingClientRect().top + window.scrollY);
    if (Math.abs(measured - top) > 2) setTop(measured);
  });
  return top;
}
