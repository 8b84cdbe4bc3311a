/**
 * Permalinks: the scene and its view state as a readable `key=value` string (the part after `#`), and
 * back. Pure and synchronous; runs in Node. Decoding never throws and never computes without bound: a
 * damaged, truncated, hand-edited, newer or out-of-range link opens the nearest valid scene, with one
 * warning per thing that was dropped, clamped or assumed.
 */
import { LIMITS } from '../limits';
import { parseScene, resolveOptimizer, sceneToJson, type Scene } from '../scene';
import { resolveSurface } from '../resolveSurface';
import type { LinkDraft, Warn } from './draft';
import { fitToRange, parseNumber } from './numbers';
import type { OptimizerJson, OptimizerListEntry } from './optimizerList';
import { networkFromDraft } from './network';
import type { DecodedLink, LinkState } from './types';
import { decodeV1, encodeV1, FORMAT_VERSION } from './v1';
import { customOptimizerFromDraft } from './customOptimizer';

export type { DecodedLink, LinkState, LinkView, LinkTheme, OrbitCamera } from './types';
export { CAMERA_RANGES } from './camera';
export { FORMAT_VERSION } from './v1';

/** Optimizer semantics ("m"): bump when an update rule changes what a saved link would compute. */
export const MATH_VERSION = 1;
/** Longer input is cut here (a maximal scene encodes to well under this). */
export const MAX_LINK_LENGTH = 32_768;
/** Version 1's defaults for what a link leaves out; frozen with the format. */
const V1_DEFAULT_STEPS = 100;

/** Every format ever written keeps its decoder. */
const DECODERS: ReadonlyMap<
  number,
  (pairs: readonly (readonly [string, string])[], warn: Warn) => LinkDraft
> = new Map([[1, decodeV1]]);

const BUILTIN_FALLBACK: LinkState = {
  scene: {
    surface: 'quadratic',
    start: [-1, -1],
    steps: V1_DEFAULT_STEPS,
    seed: 0,
    viewBox: undefined,
    optimizers: [resolveOptimizer({ type: 'SGD', lr: 0.035 })],
  },
  view: {},
};

export interface DecodeOptions {
  /** What opens when the link says nothing usable (the app's default scene). */
  readonly fallback?: LinkState;
}

/** The hash body (no leading `#`) for a scene and its view. */
export function encodeLink(state: LinkState): string {
  const json = sceneToJson(state.scene);
  const disabled = new Set(state.disabled ?? []);
  return encodeV1({
    surface: json.surface,
    start: json.start,
    viewBox: json.viewBox,
    steps: state.scene.steps,
    seed: state.scene.seed,
    optimizers: (json.optimizers as OptimizerJson[]).map((o, i) => ({ json: o, disabled: disabled.has(i) })),
    step: state.view.step,
    panels: state.view.panels,
    theme: state.view.theme,
    zoom: state.view.zoom,
    lesson: state.view.lesson,
    activeView: state.view.activeView,
    camera: state.view.camera,
    surface3dLayout: state.view.surface3dLayout,
    network: state.network,
    mathVersion: MATH_VERSION,
    ...(json.customOptimizer ? { customOptimizer: json.customOptimizer } : {}),
  });
}

/** The `#…` part of a pasted URL, a bare hash, or the key=value text itself. */
export function linkBody(input: string): string {
  const hash = input.indexOf('#');
  if (hash >= 0) return input.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return '';
  return input.replace(/^[?]/, '');
}

function splitPairs(body: string): [string, string][] {
  return body
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    });
}

export function decodeLink(input: string, options: DecodeOptions = {}): DecodedLink {
  const warnings: string[] = [];
  const warn: Warn = (message) => {
    if (warnings.length < 50 && !warnings.includes(message)) warnings.push(message);
  };
  const fallback = options.fallback ?? BUILTIN_FALLBACK;
  try {
    let body = linkBody(input);
    if (body.length > MAX_LINK_LENGTH) {
      warn(`the link is longer than ${MAX_LINK_LENGTH} characters; only its start was read`);
      body = body.slice(0, MAX_LINK_LENGTH);
    }
    const pairs = splitPairs(body);
    const declared = pairs.find(([key]) => key === 'v')?.[1];
    const version = readVersion(declared, warn);
    const decoder = DECODERS.get(version) ?? decodeV1;
    const draft = decoder(pairs, warn);
    const mathVersion = draft.mathVersion ?? MATH_VERSION;
    if (mathVersion > MATH_VERSION) {
      warn(
        `this link was made with newer optimizer math (m=${mathVersion}); it is computed with m=${MATH_VERSION}, so trajectories may differ`,
      );
    }
    return { state: assemble(draft, fallback, warn), warnings, version, mathVersion };
  } catch (error) {
    // The error path: nothing above should throw, but a link must never leave a blank page.
    warn(
      `the link could not be read (${error instanceof Error ? error.message : String(error)}); the default scene opens`,
    );
    return { state: fallback, warnings, version: FORMAT_VERSION, mathVersion: MATH_VERSION };
  }
}

function readVersion(declared: string | undefined, warn: Warn): number {
  if (declared === undefined) return FORMAT_VERSION;
  const version = parseNumber(declared);
  if (version === undefined || !Number.isInteger(version) || version < 1) {
    warn(`format version '${declared.slice(0, 20)}' is not valid; read as version ${FORMAT_VERSION}`);
    return FORMAT_VERSION;
  }
  if (!DECODERS.has(version)) {
    warn(
      `this link was written by a newer Optiscope (format v${version}); read as v${FORMAT_VERSION}, and what this version does not know is dropped`,
    );
    return FORMAT_VERSION;
  }
  return version;
}

const SCENE_KEYS = [
  'surfaceId',
  'expression',
  'constants',
  'start',
  'viewBox',
  'steps',
  'seed',
  'optimizers',
] as const;

function assemble(draft: LinkDraft, fallback: LinkState, warn: Warn): LinkState {
  const hasScene = SCENE_KEYS.some((key) => draft[key] !== undefined);
  const base = hasScene ? sceneFromDraft(draft, fallback.scene, warn) : fallback;
  const scene = base.scene;
  let step = draft.step ?? (hasScene ? undefined : fallback.view.step);
  if (step !== undefined) {
    step = fitToRange(step, { min: 0, max: scene.steps, integer: true }, (m) => warn(`current step: ${m}`));
  }
  const view = {
    ...(hasScene ? {} : fallback.view),
    ...definedOnly({
      panels: draft.panels,
      theme: draft.theme,
      zoom: draft.zoom,
      lesson: draft.lesson,
      activeView: draft.activeView,
      camera: draft.camera,
      surface3dLayout: draft.surface3dLayout,
    }),
    ...(step === undefined ? {} : { step }),
  };
  const network = draft.network
    ? networkFromDraft(draft.network, warn)
    : hasScene
      ? undefined
      : fallback.network;
  return {
    scene,
    ...(base.disabled ? { disabled: base.disabled } : {}),
    view,
    ...(network ? { network } : {}),
  };
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function sceneFromDraft(
  draft: LinkDraft,
  fallback: Scene,
  warn: Warn,
): { scene: Scene; disabled?: number[] } {
  const surface = surfaceFromDraft(draft, fallback, warn);
  let entries: readonly OptimizerListEntry[] | undefined = draft.optimizers;
  if (entries === undefined)
    warn('the link names no optimizers (was it cut short?); the default ones are used');
  else if (entries.length === 0) warn('no optimizer in the link could be read; the default ones are used');
  if (!entries || entries.length === 0) {
    entries = (sceneToJson(fallback).optimizers as OptimizerJson[]).map((json) => ({
      json,
      disabled: false,
    }));
  }
  const custom = customOptimizerFromDraft(draft.customOptimizer, entries, warn);
  entries = custom.entries;
  if (entries.length === 0) {
    warn('no optimizer in the link is left; the default ones are used');
    entries = (sceneToJson(fallback).optimizers as OptimizerJson[]).map((json) => ({
      json,
      disabled: false,
    }));
  }
  const json = {
    surface,
    ...(custom.definition ? { customOptimizer: custom.definition } : {}),
    ...(draft.start ? { start: draft.start } : {}),
    steps: draft.steps ?? V1_DEFAULT_STEPS,
    ...(draft.seed ? { seed: draft.seed } : {}),
    ...(draft.viewBox ? { viewBox: draft.viewBox } : {}),
    optimizers: entries.map((entry) => entry.json),
  };
  const parsed = parseScene(json);
  if (!parsed.ok) {
    for (const error of parsed.errors.slice(0, 5)) warn(`${error}; the default scene opens instead`);
    return { scene: fallback };
  }
  const disabled = entries.flatMap((entry, i) => (entry.disabled ? [i] : []));
  // Keep at least one optimizer on: an all-off scene would show nothing moving.
  if (disabled.length === entries.length) {
    warn('every optimizer was switched off; the first is switched on');
    disabled.shift();
  }
  return disabled.length > 0 ? { scene: parsed.value, disabled } : { scene: parsed.value };
}

function surfaceFromDraft(draft: LinkDraft, fallback: Scene, warn: Warn): Scene['surface'] {
  if (draft.expression !== undefined && draft.surfaceId !== undefined) {
    warn(`the link has both a surface id and an expression; the expression is used`);
  }
  if (draft.constants !== undefined && draft.expression === undefined) {
    warn('constants without an expression ignored');
  }
  let surface: Scene['surface'] | undefined;
  if (draft.expression !== undefined) {
    surface = draft.constants
      ? { expression: draft.expression, constants: draft.constants }
      : { expression: draft.expression };
  } else if (draft.surfaceId !== undefined) {
    surface = draft.surfaceId;
  }
  if (surface === undefined) return fallback.surface;
  if (typeof surface !== 'string' && surface.expression.length > LIMITS.maxExpressionLength)
    return fallback.surface;
  const resolved = resolveSurface(surface);
  if (resolved.ok) return surface;
  const what = typeof surface === 'string' ? 'surface' : 'expression';
  warn(`${what}: ${resolved.error}; the default surface is used`);
  return fallback.surface;
}
