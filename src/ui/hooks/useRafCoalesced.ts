/** Calls `fn` with the latest value at most once per animation frame. */
import { useCallback, useEffect, useRef } from 'react';

export function useRafCoalesced<T>(fn: (value: T) => void): (value: T) => void {
  const frame = useRef<number | null>(null);
  const pending = useRef<{ value: T } | null>(null);
  const latestFn = useRef(fn);
  useEffect(() => {
    latestFn.current = fn;
  });
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  return useCallback((value: T) => {
    pending.current = { value };
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const next = pending.current;
      pending.current = null;
      if (next) latestFn.current(next.value);
    });
  }, []);
}
