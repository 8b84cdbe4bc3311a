/**
 * d3-zoom on the plot: during a gesture the contours are only transformed (cheap); 250 ms after it stops
 * the visible box is committed to the store and the contours are recomputed for it.
 * The wheel zooms only with Ctrl/⌘/Shift held, or once the plot has been clicked (until the pointer leaves
 * it), as map viewers do: a student scrolling the page is never caught by the plot. A plain wheel over an
 * unarmed plot scrolls the page and raises `hint` for a moment.
 */
import { select, zoom, zoomIdentity, zoomTransform, type ScaleLinear, type ZoomTransform } from 'd3';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { ViewBox } from '../../core';

interface Latest {
  baseX: ScaleLinear<number, number>;
  baseY: ScaleLinear<number, number>;
  onCommit: (box: ViewBox) => void;
}

export function useSurfaceZoom(
  targetRef: RefObject<SVGGElement | null>,
  baseX: ScaleLinear<number, number>,
  baseY: ScaleLinear<number, number>,
  onCommit: (box: ViewBox) => void,
): { transform: ZoomTransform; hint: boolean } {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [hint, setHint] = useState(false);
  const latest = useRef<Latest>({ baseX, baseY, onCommit });
  useEffect(() => {
    latest.current = { baseX, baseY, onCommit };
  });
  useEffect(() => {
    const target = targetRef.current;
    if (!target) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hintTimer: ReturnType<typeof setTimeout> | undefined;
    let resetting = false;
    let armed = false;
    const arm = () => {
      armed = true;
      setHint(false);
    };
    const disarm = () => {
      armed = false;
    };
    target.addEventListener('pointerdown', arm);
    target.addEventListener('pointerleave', disarm);
    const behavior = zoom<SVGGElement, unknown>()
      .scaleExtent([1 / 256, 1e5])
      .filter(
        (event: Event & { button?: number; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }) => {
          const element = event.target as Element | null;
          // The start marker drags itself; a wheel over it still zooms the plot.
          if (event.type !== 'wheel' && element?.closest?.('[data-no-zoom]')) return false;
          if (event.type === 'wheel' && !armed && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
            setHint(true);
            clearTimeout(hintTimer);
            hintTimer = setTimeout(() => setHint(false), 1600);
            return false;
          }
          return (!event.ctrlKey || event.type === 'wheel') && !event.button;
        },
      )
      .on('zoom', (event: { transform: ZoomTransform }) => {
        if (resetting) return;
        setTransform(event.transform);
        clearTimeout(timer);
        timer = setTimeout(commit, 250);
      });
    function commit() {
      if (!target) return;
      const t = zoomTransform(target);
      if (t.k === 1 && t.x === 0 && t.y === 0) return;
      const { baseX: bx, baseY: by, onCommit: commitBox } = latest.current;
      const x = t.rescaleX(bx).domain() as [number, number];
      const y = t.rescaleY(by).domain() as [number, number];
      resetting = true;
      behavior.transform(select(target), zoomIdentity);
      resetting = false;
      flushSync(() => {
        commitBox({ w1: [x[0], x[1]], w2: [Math.min(y[0], y[1]), Math.max(y[0], y[1])] });
        setTransform(zoomIdentity);
      });
    }
    select(target).call(behavior).on('dblclick.zoom', null);
    return () => {
      clearTimeout(timer);
      clearTimeout(hintTimer);
      target.removeEventListener('pointerdown', arm);
      target.removeEventListener('pointerleave', disarm);
      select(target).on('.zoom', null);
    };
  }, [targetRef]);
  return { transform, hint };
}
