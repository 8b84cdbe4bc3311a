/**
 * The element's distance from the top of the document in layout pixels, re-measured after every render
 * (cheap, guarded). Summed from offsetTop, which ignores CSS transforms: inside an embed's scaled stage a
 * transformed measure would feed the scale back into the plot's height, and the two would chase each other.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

function layoutTop(element: HTMLElement): number {
  let top = 0;
  for (let node: HTMLElement | null = element; node; node = node.offsetParent as HTMLElement | null)
    top += node.offsetTop;
  return top;
}

export function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  // No dependency list on purpose: layout above may change on any render; the guard stops the loop.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measured = Math.round(layoutTop(element));
    if (Math.abs(measured - top) > 2) setTop(measured);
  });
  return top;
}
