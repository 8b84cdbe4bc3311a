/**
 * The only code that touches the URL. The scene and its view live in the hash as a permalink
 * (src/core/link); display options (embed, theme, autoplay…) live in the query string and are read by
 * src/ui/embed. Meaningful scene changes push a history entry (one per burst: a drag is one entry), and
 * so do a switch of the active view and edits of the network view's scene; view-only changes (scrubbing,
 * zoom, panels, theme) replace the current one. Back/forward restore, the active view included.
 */
import { decodeLink, encodeLink, linkBody, type DecodedLink, type LinkState } from '../core/link';
import { parseDisplayOptions, type DisplayOptions } from '../core/link/display';
import { getOptimizer, sceneToJson } from '../core';
import { networkSceneSchema, type NetworkSceneJson } from '../core/network';
import { sceneStateFromJson } from './sceneCodec';
import type { useOptiscope } from './store';
import type { NetworkState, PanelId, SceneState, ThemeChoice, ViewState } from './types';

export const PANEL_IDS: readonly PanelId[] = [
  'inside',
  'loss',
  'effectiveLr',
  'convergence',
  'ewa',
  'gradcheck',
  'stability',
  'surface3d',
];
/** The app's view ids (src/ui/views.ts, checked by its test): a link naming another opens the explorer. */
export const VIEW_IDS: readonly string[] = ['explorer', 'atlas', 'sweep', 'compare', 'crowds', 'network'];
/** The view whose scene (the store's `network`) a link carries. */
export const NETWORK_VIEW = 'network';
/** How long a burst of changes (a drag, typing) settles before the URL is written. */
export const URL_DEBOUNCE_MS = 350;

type Store = typeof useOptiscope;

/**
 * The link state of the store. The network scene goes in while the network view is active (the default
 * network when the view has not been edited yet, written in full so the link does not depend on defaults).
 */
export function toLinkState(scene: SceneState, view: ViewState, network?: NetworkState): LinkState {
  const linksNetwork = view.activeView === NETWORK_VIEW;
  const disabled = scene.optimizers.flatMap((entry, i) => (entry.enabled ? [] : [i]));
  return {
    scene: {
      surface: scene.surface,
      start: scene.start ?? undefined,
      steps: scene.steps,
      seed: scene.seed,
      viewBox: scene.viewBox ?? undefined,
      optimizers: scene.optimizers.map((entry) => ({
        type: entry.type,
        label: entry.label || getOptimizer(entry.type)?.label || entry.type,
        hyperparameters: entry.hyperparameters,
        schedule: entry.schedule,
        clip: entry.clip,
        noise: entry.noise,
      })),
      ...(scene.customOptimizer ? { customOptimizer: scene.customOptimizer } : {}),
    },
    ...(disabled.length > 0 ? { disabled } : {}),
    view: {
      step: view.step,
      panels: PANEL_IDS.filter((id) => view.panels[id]),
      theme: view.theme,
      ...(view.viewBox ? { zoom: view.viewBox } : {}),
      ...(view.lesson ? { lesson: view.lesson } : {}),
      ...(view.activeView !== 'explorer' ? { activeView: view.activeView } : {}),
      ...(view.camera3d ? { camera: view.camera3d } : {}),
      ...(view.surface3dInstead ? { surface3dLayout: 'instead' as const } : {}),
    },
    ...(linksNetwork ? { network: network?.scene ?? networkSceneSchema.parse({}) } : {}),
  };
}

export interface StoreRestore {
  readonly scene: SceneState;
  readonly view: Partial<ViewState>;
  /** The link's network scene; absent: the store keeps the one it has. */
  readonly network?: NetworkSceneJson;
  readonly warnings: readonly string[];
}

/** Store state for a decoded link; what the store cannot hold (an unknown panel) becomes a warning. */
export function fromLinkState(link: LinkState, current: ViewState): StoreRestore {
  const warnings: string[] = [];
  const loaded = sceneStateFromJson(sceneToJson(link.scene));
  if (!loaded.ok) throw new Error(`a decoded link is always a valid scene: ${loaded.errors.join('; ')}`);
  const off = new Set(link.disabled ?? []);
  const scene: SceneState = {
    ...loaded.scene,
    optimizers: loaded.scene.optimizers.map((entry, i) =>
      off.has(i) ? { ...entry, enabled: false } : entry,
    ),
  };
  const view: { -readonly [K in keyof ViewState]?: ViewState[K] } = {
    step: link.view.step ?? scene.steps,
    viewBox: link.view.zoom ?? null,
    lesson: link.view.lesson ?? null,
    highlight: null,
    phase: 0,
    focus: null,
    activeView: link.view.activeView ?? 'explorer',
    camera3d: link.view.camera ?? null,
    surface3dInstead: link.view.surface3dLayout === 'instead',
  };
  if (!VIEW_IDS.includes(view.activeView!)) {
    warnings.push(`view '${view.activeView}' does not exist; the explorer opens`);
    view.activeView = 'explorer';
  }
  if (link.view.step !== undefined) view.playing = false;
  if (link.view.theme) view.theme = link.view.theme as ThemeChoice;
  if (link.view.panels) {
    const unknown = link.view.panels.filter((id) => !PANEL_IDS.includes(id as PanelId) && id !== 'surface');
    if (unknown.length > 0) warnings.push(`panels: unknown ${unknown.join(', ')} ignored`);
    view.panels = {
      ...current.panels,
      ...Object.fromEntries(PANEL_IDS.map((id) => [id, link.view.panels!.includes(id)])),
    };
  }
  return link.network ? { scene, view, network: link.network, warnings } : { scene, view, warnings };
}

/** The permalink body (no '#') of the store's current state. */
export function currentLinkBody(store: Store): string {
  const { scene, view, network } = store.getState();
  return encodeLink(toLinkState(scene, view, network));
}

/** A full URL for the current scene: this page's address (query kept or replaced), the scene in the hash. */
export function permalink(store: Store, base: string, search = ''): string {
  const url = new URL(base);
  url.search = search;
  url.hash = currentLinkBody(store);
  return url.toString();
}

/** A permalink has key=value pairs; a bare fragment (`#main` from a skip link) is an anchor, not a link. */
export function isPermalinkHash(hash: string): boolean {
  return linkBody(hash).includes('=');
}

/** The parts of a link that are the scene itself (a change there is worth a history entry). */
function sceneKey(body: string): string {
  return body
    .split('&')
    .filter((pair) => !/^(?:[kptzl]|cam|s3)=/.test(pair))
    .join('&');
}

export interface UrlTarget {
  readonly location: { readonly hash: string; readonly href: string };
  readonly history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
}

export interface UrlSync {
  /** The link the page opened with (null when it had none). */
  readonly opened: DecodedLink | null;
  stop(): void;
}

export interface UrlSyncOptions {
  /** Called with what was dropped each time a link is opened (at start, on back/forward, on a hand edit). */
  readonly onOpen?: (decoded: DecodedLink, restore: StoreRestore) => void;
  readonly debounceMs?: number;
  /** Open the link but never write the URL (an embed must not add entries to its host page's history). */
  readonly readOnly?: boolean;
}

export function startUrlSync(store: Store, target: UrlTarget, options: UrlSyncOptions = {}): UrlSync {
  const debounceMs = options.debounceMs ?? URL_DEBOUNCE_MS;
  const initial = store.getState();
  // The fallback is the explorer's opening scene: a link without a view key opens the explorer.
  const fallback = toLinkState(initial.scene, { ...initial.view, activeView: 'explorer' });
  let applying = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pushPending = false;

  const open = (hash: string): DecodedLink | null => {
    const body = linkBody(hash);
    const decoded = body === '' ? null : decodeLink(body, { fallback });
    const restore = fromLinkState(decoded?.state ?? fallback, store.getState().view);
    applying = true;
    try {
      store.getState().restore(restore.scene, restore.view, restore.network);
    } finally {
      applying = false;
    }
    lastWritten = currentLinkBody(store);
    if (decoded) options.onOpen?.(decoded, restore);
    return decoded;
  };

  let lastWritten = currentLinkBody(store);
  const opened = isPermalinkHash(target.location.hash) ? open(target.location.hash) : null;

  const write = () => {
    timer = undefined;
    const body = currentLinkBody(store);
    if (body === lastWritten) return;
    const url = `#${body}`;
    if (pushPending) target.history.pushState(null, '', url);
    else target.history.replaceState(null, '', url);
    pushPending = false;
    lastWritten = body;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (applying || options.readOnly) return;
    // While the explorer plays, the step changes every frame; the URL catches up when playback stops.
    // (Another view does not play: a flag left on when the explorer was left must not block its URL.)
    if (state.view.playing && state.view.activeView === 'explorer') return;
    if (state.scene === previous.scene && state.view === previous.view && state.network === previous.network)
      return;
    const body = currentLinkBody(store);
    if (body === lastWritten && timer === undefined) return;
    if (sceneKey(body) !== sceneKey(lastWritten)) pushPending = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, debounceMs);
  });

  const onNavigate = () => {
    const hash = target.location.hash;
    if (linkBody(hash) === lastWritten) return;
    // An in-page anchor (#main) leaves the scene as it is.
    if (linkBody(hash) !== '' && !isPermalinkHash(hash)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pushPending = false;
    open(target.location.hash);
  };
  target.addEventListener('popstate', onNavigate);
  target.addEventListener('hashchange', onNavigate);

  return {
    opened,
    stop() {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      target.removeEventListener('popstate', onNavigate);
      target.removeEventListener('hashchange', onNavigate);
    },
  };
}

/** Display options of this page (`?embed&panels=…`); they never change while the page is open. */
export function readDisplayOptions(search: string = window.location.search): {
  options: DisplayOptions;
  warnings: string[];
} {
  return parseDisplayOptions(search);
}

/** True when the page was opened as an embed (`?embed`): main.tsx renders the embed instead of the app. */
export function isEmbedMode(search: string = window.location.search): boolean {
  return readDisplayOptions(search).options.embed;
}
