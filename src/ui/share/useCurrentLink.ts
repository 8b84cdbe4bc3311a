/** The permalink of the current scene, kept up to date while a dialog shows it. */
import { useMemo } from 'react';
import { encodeLink } from '../../core/link';
import { useOptiscope } from '../../state';
import { toLinkState } from '../../state/urlSync';

/** The app's address without query or hash: where "Open in Optiscope" and shared links point. */
export function appBaseUrl(): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  return url.toString();
}

export function useCurrentLinkBody(): string {
  const scene = useOptiscope((s) => s.scene);
  const view = useOptiscope((s) => s.view);
  const network = useOptiscope((s) => s.network);
  return useMemo(
    () => encodeLink(toLinkState(scene, { ...view, playing: false }, network)),
    [scene, view, network],
  );
}

export function useCurrentLink(search = ''): string {
  const body = useCurrentLinkBody();
  return `${appBaseUrl()}${search}#${body}`;
}
