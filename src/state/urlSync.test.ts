import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeLink } from '../core/link';
import { networkSceneSchema } from '../core/network';
import { useOptiscope } from './store';
import { defaultSceneState, defaultViewState } from './initialState';
import {
  currentLinkBody,
  fromLinkState,
  startUrlSync,
  toLinkState,
  URL_DEBOUNCE_MS,
  type UrlTarget,
  VIEW_IDS,
} from './urlSync';

/** A browser's location + history, enough for the sync: entries, an index, popstate on back/forward. */
class FakeBrowser implements UrlTarget {
  entries: string[];
  index = 0;
  listeners = new Map<string, Set<() => void>>();
  constructor(hash = '') {
    this.entries = [hash];
  }
  get location() {
    const hash = this.entries[this.index]!;
    return { hash, href: `https://example.org/app/${hash}` };
  }
  history = {
    pushState: (_: unknown, __: string, url?: string | URL | null) => {
      this.entries = [...this.entries.slice(0, this.index + 1), String(url)];
      this.index++;
    },
    replaceState: (_: unknown, __: string, url?: string | URL | null) => {
      this.entries[this.index] = String(url);
    },
  };
  addEventListener(type: string, listener: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }
  go(delta: number) {
    this.index += delta;
    for (const listener of this.listeners.get('popstate') ?? []) listener();
  }
}

function resetStore() {
  const scene = defaultSceneState();
  useOptiscope.setState({ scene, view: defaultViewState(scene), network: { scene: null, revision: 0 } });
}

describe('urlSync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    resetStore();
  });
  afterEach(() => vi.useRealTimers());

  it('store → link → store is the identity, disabled optimizers and panels included', () => {
    const store = useOptiscope.getState();
    const first = store.scene.optimizers[1]!.id;
    store.updateOptimizer(first, { enabled: false });
    store.togglePanel('convergence');
    store.setStep(42);
    const { scene, view } = useOptiscope.getState();
    const decoded = decodeLink(currentLinkBody(useOptiscope));
    expect(decoded.warnings).toEqual([]);
    const restored = fromLinkState(decoded.state, view);
    expect(restored.scene).toEqual(scene);
    expect({ ...view, ...restored.view }).toEqual({ ...view, playing: false });
    expect(toLinkState(restored.scene, { ...view, ...restored.view })).toEqual(toLinkState(scene, view));
  });

  it("the app's default scene has a link under 300 characters", () => {
    const body = currentLinkBody(useOptiscope);
    expect(body).toMatch(/^v=1&m=1&s=quadratic&/);
    expect(`#${body}`.length).toBeLessThan(300);
  });

  it('an in-page anchor (#main) is not a link', () => {
    const browser = new FakeBrowser('#main');
    const sync = startUrlSync(useOptiscope, browser);
    expect(sync.opened).toBeNull();
    sync.stop();
  });

  it('opens the link in the hash, with warnings for what was dropped', () => {
    const browser = new FakeBrowser('#v=1&s=rosenbrock&n=40&k=10&o=Adam:lr=0.05;Teapot');
    const onOpen = vi.fn();
    const sync = startUrlSync(useOptiscope, browser, { onOpen });
    const { scene, view } = useOptiscope.getState();
    expect(scene.surface).toBe('rosenbrock');
    expect(scene.optimizers).toHaveLength(1);
    expect(view.step).toBe(10);
    expect(sync.opened?.warnings).toHaveLength(1);
    expect(onOpen).toHaveBeenCalledOnce();
    sync.stop();
  });

  it('pushes one history entry per burst of scene changes and replaces on scrubs', () => {
    const browser = new FakeBrowser();
    const sync = startUrlSync(useOptiscope, browser);
    const store = useOptiscope.getState();
    // A drag: many start points in quick succession → one entry.
    for (let i = 0; i < 10; i++) store.setStart([-1 + i * 0.01, -1]);
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.entries).toHaveLength(2);
    expect(browser.location.hash).toContain('w=-0.91,-1');
    // A scrub: the step changes → same entry, replaced.
    store.setStep(5);
    store.setStep(6);
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.entries).toHaveLength(2);
    expect(browser.location.hash).toContain('k=6');
    // Another scene change → a second entry.
    store.setSteps(50);
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.entries).toHaveLength(3);
    sync.stop();
  });

  it('does not write while playing, and catches up when playback stops', () => {
    const browser = new FakeBrowser();
    const sync = startUrlSync(useOptiscope, browser);
    const store = useOptiscope.getState();
    store.setPlaying(true);
    store.stepBy(3);
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.entries).toEqual(['']);
    store.setPlaying(false);
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.location.hash).toContain('k=3');
    sync.stop();
  });

  it('back and forward restore the scenes', () => {
    const browser = new FakeBrowser();
    const sync = startUrlSync(useOptiscope, browser);
    const original = useOptiscope.getState().scene;
    useOptiscope.getState().setSurface('himmelblau');
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.entries).toHaveLength(2);
    browser.go(-1);
    expect(useOptiscope.getState().scene.surface).toBe('quadratic');
    expect(useOptiscope.getState().scene.optimizers).toEqual(original.optimizers);
    browser.go(1);
    expect(useOptiscope.getState().scene.surface).toBe('himmelblau');
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.entries).toHaveLength(2); // restoring does not write a new entry
    sync.stop();
  });

  it('knows every view of src/ui/views.ts', () => {
    const source = readFileSync(new URL('../ui/views.ts', import.meta.url), 'utf8');
    const ids = [...source.matchAll(/\{ id: '([a-z-]+)'/g)].map((m) => m[1]);
    expect(ids).toEqual(VIEW_IDS);
  });

  it('the explorer writes no view key; another view is named, and the network view carries its scene', () => {
    const store = useOptiscope.getState();
    expect(currentLinkBody(useOptiscope)).not.toContain('view=');
    store.setActiveView('atlas');
    expect(currentLinkBody(useOptiscope)).toMatch(/&view=atlas$/);
    store.setActiveView('network');
    // Not edited yet: the default network, written in full.
    const body = currentLinkBody(useOptiscope);
    expect(body).toContain('&view=network&net=dataset:moons,');
    expect(decodeLink(body).state.network).toEqual(networkSceneSchema.parse({}));
    expect(store.setNetworkScene({ dataset: 'circles', layers: [4] })).toBeNull();
    expect(store.setNetworkScene({ dataset: 'sine', loss: 'cross-entropy' })).not.toBeNull(); // kept out
    const decoded = decodeLink(currentLinkBody(useOptiscope));
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.network).toEqual(networkSceneSchema.parse({ dataset: 'circles', layers: [4] }));
  });

  it('opens a network link: the view, and the network scene with a new revision', () => {
    const network = networkSceneSchema.parse({ dataset: 'spirals', layers: [16, 16], seed: 9 });
    useOptiscope.getState().setActiveView('network');
    useOptiscope.getState().setNetworkScene(network);
    const body = currentLinkBody(useOptiscope);
    resetStore();
    const onOpen = vi.fn();
    const sync = startUrlSync(useOptiscope, new FakeBrowser(`#${body}`), { onOpen });
    const state = useOptiscope.getState();
    expect(state.view.activeView).toBe('network');
    expect(state.network).toEqual({ scene: network, revision: 1 });
    expect(sync.opened?.warnings).toEqual([]);
    expect(currentLinkBody(useOptiscope)).toBe(body);
    sync.stop();
  });

  it('an unknown view in a link opens the explorer, with a warning', () => {
    useOptiscope.getState().setActiveView('atlas');
    const onOpen = vi.fn();
    const sync = startUrlSync(useOptiscope, new FakeBrowser('#v=1&s=booth&o=SGD&view=holodeck'), { onOpen });
    expect(useOptiscope.getState().view.activeView).toBe('explorer');
    expect(onOpen.mock.calls[0]![1].warnings).toEqual(["view 'holodeck' does not exist; the explorer opens"]);
    sync.stop();
  });

  it('view switches and network edits push entries; back and forward restore them', () => {
    const browser = new FakeBrowser();
    const sync = startUrlSync(useOptiscope, browser);
    const store = useOptiscope.getState();
    store.setPlaying(true); // the explorer's opening animation, still on when the view is left
    store.setActiveView('network');
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.entries).toHaveLength(2);
    expect(browser.location.hash).toContain('view=network&net=dataset:moons');
    store.setNetworkScene({ dataset: 'xor' });
    store.setNetworkScene({ dataset: 'xor', layers: [3] });
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.entries).toHaveLength(3);
    expect(browser.location.hash).toContain('net=dataset:xor,');
    expect(browser.location.hash).toContain(',layers:3,');
    const revision = useOptiscope.getState().network.revision;

    browser.go(-1);
    expect(useOptiscope.getState().view.activeView).toBe('network');
    expect(useOptiscope.getState().network.scene).toEqual(networkSceneSchema.parse({}));
    expect(useOptiscope.getState().network.revision).toBe(revision + 1); // the view remounts with it
    browser.go(-1);
    expect(useOptiscope.getState().view.activeView).toBe('explorer');
    // The explorer's link has no network: the store keeps the one it has (no remount).
    expect(useOptiscope.getState().network.revision).toBe(revision + 1);
    browser.go(2);
    expect(useOptiscope.getState().view.activeView).toBe('network');
    expect(useOptiscope.getState().network.scene).toMatchObject({ dataset: 'xor', layers: [3] });
    vi.advanceTimersByTime(URL_DEBOUNCE_MS + 10);
    expect(browser.entries).toHaveLength(3);
    sync.stop();
  });
});
