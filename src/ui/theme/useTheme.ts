/** Resolves the theme choice against prefers-color-scheme and applies it to <html data-theme>. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useOptiscope } from '../../state';

function subscribeMedia(query: string) {
  return (callback: () => void) => {
    const media = window.matchMedia(query);
    media.addEventListener('change', callback);
    return () => media.removeEventListener('change', callback);
  };
}

export function useMediaQuery(query: string): boolean {
  const subscribe = useMemo(() => subscribeMedia(query), [query]);
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

export function usePrefersReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}

/** True when the dark theme is in effect. */
export function useIsDark(): boolean {
  const choice = useOptiscope((s) => s.view.theme);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  return choice === 'dark' || (choice === 'system' && systemDark);
}

export function useApplyTheme(): void {
  const dark = useIsDark();
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
}
