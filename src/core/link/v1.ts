/**
 * Link format version 1: `key=value` pairs joined by `&`, one row of this table per key. The table drives
 * both directions; keys are written in table order. Frozen: no key's meaning ever changes, and a key is
 * only ever added at the end, optional, its absence meaning what links without it always meant (so every
 * link ever written opens as before). A change that cannot be made that way is a new format in its own file.
 *
 * | key | meaning                         | form                                  |
 * | v   | format version                  | 1                                     |
 * | m   | optimizer-semantics version     | 1                                     |
 * | s   | built-in surface id             | quadratic                             |
 * | e   | typed expression (tagged text)  | t:<percent-encoded> or d:<deflate b64url> |
 * | c   | expression constants            | a:1,b:100                             |
 * | w   | start point                     | -1,-1                                 |
 * | b   | scene view box                  | w1min,w1max,w2min,w2max               |
 * | n   | steps                           | 150                                   |
 * | r   | random seed (noise, random search) | 7                                  |
 * | k   | current step                    | 42                                    |
 * | p   | panels shown                    | loss,effectiveLr  (empty: none)       |
 * | t   | theme                           | system, light or dark                 |
 * | z   | zoomed view box                 | w1min,w1max,w2min,w2max               |
 * | l   | lesson id                       | ravine                                |
 * | o   | optimizers (see optimizerList)  | SGD:lr=0.035;Adam:lr=0.1              |
 *   added later (absent: the explorer, no network scene):
 * | view   | active view id                | network  (absent: explorer)           |
 * | net    | network: data, model, training | see ./network.ts                     |
 * | nopt   | network optimizers             | SGD:lr=0.1;Adam:lr=0.01               |
 * | nslice | network slice plane            | see ./network.ts                      |
 *   added later (absent: the 3-D view's default camera):
 * | cam    | 3-D camera (see ./camera.ts)   | azimuth,elevation,distance,tx,ty,tz   |
 *   added later (absent: the 3-D view is a panel beside the contour map):
 * | s3     | 3-D view layout                | instead (beside is never written)     |
 *   added later (absent: no statistics experiment, no network lesson, the training tab):
 * | nstats | network activation statistics  | see ./network.ts (absent: not set)    |
 * | nlesson | network lesson id              | init-collapse (absent: none)          |
 * | ntab   | network view tab               | stats or digits (absent: train)       |
 *   added later (absent: no digits experiment set):
 * | ndigits | network digits experiment      | see ./network.ts                      |
 * | ndopt  | network digits optimizers      | SGD:lr=0.1;Adam:lr=0.001              |
 *   added later (absent: no typed optimizer):
 * | opt    | typed optimizer definition     | tagged text (t:/d:) of its JSON (src/core/optimizers/custom) |
 *   added later (absent: no training experiment set):
 * | nexp   | network training experiments   | see ./experiments.ts                  |
 */
import { LIMITS } from '../limits';
import type { NetworkSceneJson } from '../network';
import { decodeNetworkExperiments, encodeNetworkExperiments } from './experiments';
import type { ViewBox } from '../types';
import type { LinkDraft, Warn } from './draft';
import {
  decodeNetworkFields,
  decodeNetworkLesson,
  decodeNetworkOptimizers,
  decodeNetworkSlice,
  decodeNetworkStats,
  decodeNetworkDigits,
  decodeNetworkDigitsOptimizers,
  decodeNetworkTab,
  encodeNetworkFields,
  encodeNetworkLesson,
  encodeNetworkOptimizers,
  encodeNetworkSlice,
  encodeNetworkStats,
  encodeNetworkDigits,
  encodeNetworkDigitsOptimizers,
} from './network';
import { fitToRange, formatNumber, parseNumber, type Range } from './numbers';
import { decodeOptimizerList, encodeOptimizerList, type OptimizerListEntry } from './optimizerList';
import { SEED_RANGE, STEPS_RANGE } from './schemaRanges';
import { decodeTaggedText, encodeTaggedText, escapeText } from './text';
import { decodeCamera, encodeCamera } from './camera';
import type { LinkTheme, OrbitCamera } from './types';

export const FORMAT_VERSION = 1;

/** Everything version 1 writes, already reduced to scene JSON (defaults left out). */
export interface LinkContent {
  readonly surface:
    string | { readonly expression: string; readonly constants?: Readonly<Record<string, number>> };
  readonly start?: readonly [number, number];
  readonly viewBox?: ViewBox;
  readonly steps: number;
  readonly seed?: number;
  readonly optimizers: readonly OptimizerListEntry[];
  readonly step?: number;
  readonly panels?: readonly string[];
  readonly theme?: LinkTheme;
  readonly zoom?: ViewBox;
  readonly lesson?: string;
  /** Omitted for the explorer. */
  readonly activeView?: string;
  readonly network?: NetworkSceneJson;
  readonly camera?: OrbitCamera;
  readonly surface3dLayout?: 'instead';
  readonly mathVersion: number;
  /** The typed optimizer's definition (JSON), when the scene has one. */
  readonly customOptimizer?: unknown;
}

interface Field {
  readonly key: string;
  readonly name: string;
  encode(content: LinkContent): string | undefined;
  decode(value: string, draft: LinkDraft, warn: Warn): void;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const CONSTANT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COORDINATE: Range = { min: -LIMITS.maxCoordinate, max: LIMITS.maxCoordinate };
const MAX_PANELS = 16;
const THEMES: readonly LinkTheme[] = ['system', 'light', 'dark'];

const numbers = (values: readonly number[]) => values.map(formatNumber).join(',');

function readNumbers(value: string, count: number, name: string, warn: Warn): number[] | undefined {
  const parts = value.split(',');
  const parsed = parts.map(parseNumber);
  if (parts.length !== count || parsed.some((x) => x === undefined)) {
    warn(`${name} '${value.slice(0, 60)}' is not ${count} numbers; dropped`);
    return undefined;
  }
  return parsed.map((x) => fitToRange(x!, COORDINATE, (m) => warn(`${name}: ${m}`)));
}

function readInteger(value: string, range: Range, name: string, warn: Warn): number | undefined {
  const parsed = parseNumber(value);
  if (parsed === undefined) {
    warn(`${name} '${value.slice(0, 40)}' is not a number; dropped`);
    return undefined;
  }
  return fitToRange(parsed, { ...range, integer: true }, (m) => warn(`${name}: ${m}`));
}

function readBox(value: string, name: string, warn: Warn): ViewBox | undefined {
  const box = readNumbers(value, 4, name, warn);
  if (!box) return undefined;
  const [a, b, c, d] = box as [number, number, number, number];
  if (!(a < b && c < d)) {
    warn(`${name} '${value}' must be increasing (min < max on each axis); dropped`);
    return undefined;
  }
  return { w1: [a, b], w2: [c, d] };
}

const boxText = (box: ViewBox) => numbers([box.w1[0], box.w1[1], box.w2[0], box.w2[1]]);

export const FIELDS_V1: readonly Field[] = [
  {
    key: 'v',
    name: 'format version',
    encode: () => String(FORMAT_VERSION),
    decode: () => {}, // read before the table runs (it picks the decoder)
  },
  {
    key: 'm',
    name: 'optimizer-semantics version',
    encode: (c) => String(c.mathVersion),
    decode: (value, draft, warn) => {
      const m = parseNumber(value);
      if (m === undefined || !Number.isInteger(m) || m < 1)
        warn(`optimizer-semantics version '${value}' is not valid; ignored`);
      else draft.mathVersion = m;
    },
  },
  {
    key: 's',
    name: 'surface',
    encode: (c) => (typeof c.surface === 'string' ? escapeText(c.surface) : undefined),
    decode: (value, draft, warn) => {
      if (IDENTIFIER.test(value)) draft.surfaceId = value;
      else warn(`surface '${value.slice(0, 40)}' is not a surface id; dropped`);
    },
  },
  {
    key: 'e',
    name: 'expression',
    encode: (c) => (typeof c.surface === 'string' ? undefined : encodeTaggedText(c.surface.expression)),
    decode: (value, draft, warn) => {
      const text = decodeTaggedText(value, LIMITS.maxExpressionLength);
      if (!text.ok) warn(`expression: ${text.error}; dropped`);
      else if (text.text.trim() === '') warn('expression is empty; dropped');
      else draft.expression = text.text;
    },
  },
  {
    key: 'c',
    name: 'constants',
    encode: (c) => {
      if (typeof c.surface === 'string' || !c.surface.constants) return undefined;
      return Object.entries(c.surface.constants)
        .map(([name, value]) => `${name}:${formatNumber(value)}`)
        .join(',');
    },
    decode: (value, draft, warn) => {
      const constants: Record<string, number> = {};
      for (const entry of value === '' ? [] : value.split(',')) {
        const [name = '', raw = ''] = entry.split(':');
        const parsed = parseNumber(raw);
        if (!CONSTANT_NAME.test(name) || parsed === undefined)
          warn(`constant '${entry.slice(0, 40)}' is not name:number; dropped`);
        else if (name in constants) warn(`constant ${name} given twice; the first is kept`);
        else constants[name] = parsed;
      }
      draft.constants = constants;
    },
  },
  {
    key: 'w',
    name: 'start point',
    encode: (c) => (c.start ? numbers(c.start) : undefined),
    decode: (value, draft, warn) => {
      const start = readNumbers(value, 2, 'start point', warn);
      if (start) draft.start = [start[0]!, start[1]!];
    },
  },
  {
    key: 'b',
    name: 'view box',
    encode: (c) => (c.viewBox ? boxText(c.viewBox) : undefined),
    decode: (value, draft, warn) => {
      const box = readBox(value, 'view box', warn);
      if (box) draft.viewBox = box;
    },
  },
  {
    key: 'n',
    name: 'steps',
    encode: (c) => String(c.steps),
    decode: (value, draft, warn) => {
      const steps = readInteger(value, STEPS_RANGE, 'steps', warn);
      if (steps !== undefined) draft.steps = steps;
    },
  },
  {
    key: 'r',
    name: 'seed',
    encode: (c) => (c.seed ? String(c.seed) : undefined),
    decode: (value, draft, warn) => {
      const seed = readInteger(value, SEED_RANGE, 'seed', warn);
      if (seed !== undefined) draft.seed = seed;
    },
  },
  {
    key: 'k',
    name: 'current step',
    encode: (c) => (c.step === undefined ? undefined : String(c.step)),
    decode: (value, draft, warn) => {
      // Checked against the scene's steps once the whole link is read.
      const step = readInteger(value, STEPS_RANGE, 'current step', warn);
      if (step !== undefined) draft.step = step;
    },
  },
  {
    key: 'p',
    name: 'panels',
    encode: (c) => c.panels?.join(','),
    decode: (value, draft, warn) => {
      const ids = value === '' ? [] : value.split(',');
      const panels = [...new Set(ids.filter((id) => IDENTIFIER.test(id)))];
      if (panels.length < ids.length) warn('panels: some names were not panel ids; dropped');
      if (panels.length > MAX_PANELS) warn(`panels: more than ${MAX_PANELS}; the rest dropped`);
      draft.panels = panels.slice(0, MAX_PANELS);
    },
  },
  {
    key: 't',
    name: 'theme',
    encode: (c) => c.theme,
    decode: (value, draft, warn) => {
      const theme = THEMES.find((t) => t === value.toLowerCase());
      if (theme) draft.theme = theme;
      else warn(`theme '${value.slice(0, 20)}' is not one of ${THEMES.join(', ')}; ignored`);
    },
  },
  {
    key: 'z',
    name: 'zoom',
    encode: (c) => (c.zoom ? boxText(c.zoom) : undefined),
    decode: (value, draft, warn) => {
      const box = readBox(value, 'zoom', warn);
      if (box) draft.zoom = box;
    },
  },
  {
    key: 'l',
    name: 'lesson',
    encode: (c) => c.lesson,
    decode: (value, draft, warn) => {
      if (IDENTIFIER.test(value)) draft.lesson = value;
      else warn(`lesson '${value.slice(0, 40)}' is not a lesson id; ignored`);
    },
  },
  {
    key: 'o',
    name: 'optimizers',
    encode: (c) => encodeOptimizerList(c.optimizers),
    decode: (value, draft, warn) => {
      draft.optimizers = decodeOptimizerList(value, warn);
    },
  },
  {
    key: 'view',
    name: 'view',
    encode: (c) => (c.activeView === undefined || c.activeView === 'explorer' ? undefined : c.activeView),
    decode: (value, draft, warn) => {
      if (IDENTIFIER.test(value)) draft.activeView = value;
      else warn(`view '${value.slice(0, 40)}' is not a view id; the explorer opens`);
    },
  },
  {
    key: 'net',
    name: 'network',
    encode: (c) => (c.network ? encodeNetworkFields(c.network) : undefined),
    decode: (value, draft, warn) => {
      draft.network = { ...draft.network, fields: decodeNetworkFields(value, warn) };
    },
  },
  {
    key: 'nopt',
    name: 'network optimizers',
    encode: (c) => (c.network ? encodeNetworkOptimizers(c.network) : undefined),
    decode: (value, draft, warn) => {
      draft.network = { ...draft.network, optimizers: decodeNetworkOptimizers(value, warn) };
    },
  },
  {
    key: 'nslice',
    name: 'network slice',
    encode: (c) => (c.network ? encodeNetworkSlice(c.network) : undefined),
    decode: (value, draft, warn) => {
      draft.network = { ...draft.network, slice: decodeNetworkSlice(value, warn) };
    },
  },
  {
    key: 'cam',
    name: '3-D camera',
    encode: (c) => (c.camera ? encodeCamera(c.camera) : undefined),
    decode: (value, draft, warn) => {
      const camera = decodeCamera(value, warn);
      if (camera) draft.camera = camera;
    },
  },
  {
    key: 's3',
    name: '3-D layout',
    encode: (c) => c.surface3dLayout,
    decode: (value, draft, warn) => {
      if (value === 'instead') draft.surface3dLayout = 'instead';
      else if (value !== 'beside')
        warn(
          `3-D layout '${value.slice(0, 20)}' is not beside or instead; the 3-D view opens beside the map`,
        );
    },
  },
  {
    key: 'nstats',
    name: 'network statistics',
    encode: (c) => (c.network ? encodeNetworkStats(c.network) : undefined),
    decode: (value, draft, warn) => {
      draft.network = { ...draft.network, stats: decodeNetworkStats(value, warn) };
    },
  },
  {
    key: 'nlesson',
    name: 'network lesson',
    encode: (c) => (c.network ? encodeNetworkLesson(c.network) : undefined),
    decode: (value, draft, warn) => {
      const lesson = decodeNetworkLesson(value, warn);
      if (lesson !== undefined) draft.network = { ...draft.network, lesson };
    },
  },
  {
    key: 'ndigits',
    name: 'network digits',
    encode: (c) => (c.network ? encodeNetworkDigits(c.network) : undefined),
    decode: (value, draft, warn) => {
      draft.network = { ...draft.network, digits: decodeNetworkDigits(value, warn) };
    },
  },
  {
    key: 'ndopt',
    name: 'network digits optimizers',
    encode: (c) => (c.network ? encodeNetworkDigitsOptimizers(c.network) : undefined),
    decode: (value, draft, warn) => {
      draft.network = { ...draft.network, digitsOptimizers: decodeNetworkDigitsOptimizers(value, warn) };
    },
  },
  {
    key: 'nexp',
    name: 'network training experiments',
    encode: (c) => (c.network ? encodeNetworkExperiments(c.network) : undefined),
    decode: (value, draft, warn) => {
      draft.network = { ...draft.network, experiments: decodeNetworkExperiments(value, warn) };
    },
  },
  {
    key: 'ntab',
    name: 'network tab',
    encode: (c) => c.network?.tab,
    decode: (value, draft, warn) => {
      const tab = decodeNetworkTab(value, warn);
      if (tab !== undefined) draft.network = { ...draft.network, tab };
    },
  },
  {
    key: 'opt',
    name: 'typed optimizer',
    encode: (c) =>
      c.customOptimizer === undefined ? undefined : encodeTaggedText(JSON.stringify(c.customOptimizer)),
    decode: (value, draft, warn) => {
      const text = decodeTaggedText(value, MAX_CUSTOM_OPTIMIZER_TEXT);
      if (!text.ok) return warn(`typed optimizer: ${text.error}; dropped`);
      try {
        draft.customOptimizer = JSON.parse(text.text) as unknown;
      } catch {
        warn('typed optimizer: not a definition (damaged JSON); dropped');
      }
    },
  },
];

/** The longest typed-optimizer definition a link may carry, as JSON text. */
const MAX_CUSTOM_OPTIMIZER_TEXT = 8000;

export function encodeV1(content: LinkContent): string {
  const pairs: string[] = [];
  for (const field of FIELDS_V1) {
    const value = field.encode(content);
    if (value !== undefined) pairs.push(`${field.key}=${value}`);
  }
  return pairs.join('&');
}

/** Reads `key=value` pairs; an unknown or repeated key is reported and skipped, never fatal. */
export function decodeV1(pairs: readonly (readonly [string, string])[], warn: Warn): LinkDraft {
  const draft: LinkDraft = {};
  const seen = new Set<string>();
  for (const [key, value] of pairs) {
    const field = FIELDS_V1.find((f) => f.key === key);
    if (!field) {
      warn(key === '' ? 'a field without a name ignored' : `unknown field '${key.slice(0, 20)}' ignored`);
      continue;
    }
    if (seen.has(key)) {
      warn(`${field.name} given twice; the first is kept`);
      continue;
    }
    seen.add(key);
    field.decode(value, draft, warn);
  }
  return draft;
}
