/**
 * Display options: how a page shows a scene, not what the scene is. They live in the query string
 * (`?embed&panels=surface,loss&autoplay&loop&theme=dark&dpr=2&controls`), the scene in the hash, so the
 * same scene link can be opened full or embedded. Unknown or invalid options are ignored with a warning.
 */
import { formatNumber, parseBoolean, parseNumber } from './numbers';

export const EMBED_PANELS = [
  'surface',
  'surface3d',
  'inside',
  'loss',
  'effectiveLr',
  'convergence',
  'ewa',
  'gradcheck',
  'stability',
] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];

export interface DisplayOptions {
  readonly embed: boolean;
  /** Panels an embed shows, in order. */
  readonly panels: readonly EmbedPanel[];
  readonly autoplay: boolean;
  readonly loop: boolean;
  /** Undefined: the scene's (or the system's) theme. */
  readonly theme: 'light' | 'dark' | undefined;
  /** Pixel ratio for canvases (1–4); undefined: the device's. */
  readonly dpr: number | undefined;
  /** Show the editing chrome (playback bar, scrubber) inside the embed. */
  readonly controls: boolean;
}

export const DEFAULT_DISPLAY: DisplayOptions = {
  embed: false,
  panels: ['surface'],
  autoplay: false,
  loop: false,
  theme: undefined,
  dpr: undefined,
  controls: false,
};

const FLAGS = ['embed', 'autoplay', 'loop', 'controls'] as const;

export function parseDisplayOptions(search: string): { options: DisplayOptions; warnings: string[] } {
  const warnings: string[] = [];
  const params = new URLSearchParams(search.slice(0, 2000));
  const options: { -readonly [K in keyof DisplayOptions]: DisplayOptions[K] } = { ...DEFAULT_DISPLAY };
  for (const [key, value] of params) {
    if ((FLAGS as readonly string[]).includes(key)) {
      const flag = parseBoolean(value);
      if (flag === undefined) warnings.push(`${key}=${value.slice(0, 20)} is not true/false; ignored`);
      else options[key as (typeof FLAGS)[number]] = flag;
    } else if (key === 'panels') {
      const ids = value.split(',').filter((id) => id !== '');
      const known = ids.filter((id): id is EmbedPanel => (EMBED_PANELS as readonly string[]).includes(id));
      if (known.length < ids.length)
        warnings.push(
          `panels: unknown ${ids
            .filter((id) => !known.includes(id as EmbedPanel))
            .join(', ')
            .slice(0, 80)} ignored`,
        );
      if (known.length > 0) options.panels = [...new Set(known)];
    } else if (key === 'theme') {
      if (value === 'light' || value === 'dark') options.theme = value;
      else warnings.push(`theme=${value.slice(0, 20)} is not light or dark; ignored`);
    } else if (key === 'dpr') {
      const dpr = parseNumber(value);
      if (dpr === undefined || dpr < 0.5 || dpr > 4)
        warnings.push(`dpr=${value.slice(0, 20)} is not a pixel ratio in [0.5, 4]; ignored`);
      else options.dpr = dpr;
    } else {
      warnings.push(`unknown display option '${key.slice(0, 20)}' ignored`);
    }
  }
  return { options, warnings };
}

/** The query string (with '?', or '' when everything is default) for display options. */
export function formatDisplayOptions(options: Partial<DisplayOptions>): string {
  const parts: string[] = [];
  if (options.embed) parts.push('embed');
  if (options.panels && options.panels.join() !== DEFAULT_DISPLAY.panels.join())
    parts.push(`panels=${options.panels.join(',')}`);
  if (options.autoplay) parts.push('autoplay');
  if (options.loop) parts.push('loop');
  if (options.controls) parts.push('controls');
  if (options.theme) parts.push(`theme=${options.theme}`);
  if (options.dpr !== undefined) parts.push(`dpr=${formatNumber(options.dpr)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
