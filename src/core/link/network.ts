/**
 * The network view's scene in a link, as three readable keys (added to format v1 later; a link without
 * them opens as it always did):
 *
 * | key    | meaning                         | form                                                       |
 * | net    | data, model, training           | dataset:moons,size:200,noise:0.15,seed:1,layers:8-8,…      |
 * | nopt   | optimizers (see optimizerList)  | SGD:lr=0.1,label=SGD;Adam:lr=0.01                          |
 * | nslice | the slice plane                 | directions:random,seed:7,range:1,resolution:64,reference:best |
 * | nstats | activation-statistics experiment | depth:10,width:500,activation:tanh,init:small,gain:1,batch:1000,seed:1 |
 *   (then `norm:batch` or `norm:layer`, written only when not `none`: it came after the first nstats links)
 * | nlesson | the network lesson shown        | init-collapse                                              |
 * | ntab   | the view's tab                  | stats, digits or experiments (absent: train)               |
 * | nexp   | training experiments (./experiments.ts) | kind:batchnorm,offset:3,…                           |
 * | ndigits | digits experiment (real data)  | layers:32,activation:relu,init:he,steps:300,batchSize:32,seed:1 |
 *   (then `mode:batch`, `loss:hinge|mse`, `regularizer:l2|l1|elastic`, `lambda:…`, `beta:…`, each written
 *   only when not its default)
 * | ndopt  | digits optimizers (optimizerList) | SGD:lr=0.1;Adam:lr=0.001                                 |
 *
 * `nstats`, `nlesson` and `ntab` came later still: a link without them opens with no statistics experiment
 * set (the defaults), no lesson, on the training tab. `ndigits` and `ndopt` came after them: a link without
 * them has no digits experiment set (the defaults, if the digits tab is opened).
 *
 * Inside `net` and `nslice`, fields are `name:value` under the scene JSON's own names, joined by `,`;
 * `layers` is the hidden widths joined by `-` (empty: a linear model). Every field is written, defaults
 * included, so a link keeps its meaning if the defaults change. Reading is forgiving like the rest of the
 * codec: an unknown field or value is dropped with a warning, a number out of range is clamped, and the
 * result is checked against `networkSceneSchema` (src/core/network.ts) before it is kept.
 */
import type { z } from 'zod';
import {
  ACTIVATIONS,
  DATASET_IDS,
  datasetTask,
  DIGITS_LIMITS,
  DIGITS_LOSSES,
  DIGITS_MODES,
  DIGITS_REGULARIZERS,
  digitsSchema,
  DIRECTIONS,
  ELEMENTWISE_OPTIMIZERS,
  INITS,
  LOSSES,
  NETWORK_LIMITS,
  NETWORK_TABS,
  networkSceneSchema,
  sliceSchema,
  STATS_ACTIVATIONS,
  STATS_INITS,
  STATS_NORMS,
  statsSchema,
  type NetworkSceneJson,
} from '../network';
import type { Warn } from './draft';
import { fitToRange, formatNumber, parseNumber, type Range } from './numbers';
import {
  decodeOptimizerList,
  encodeOptimizerList,
  type OptimizerJson,
  type OptimizerListEntry,
} from './optimizerList';
import { rangeOf, unwrap } from './schemaRanges';

/** What the decoder read, field by field, before the whole is checked against the schema. */
export interface NetworkDraft {
  fields?: Record<string, unknown>;
  /** undefined: no `nopt`; []: it had one, and nothing in it was usable. */
  optimizers?: OptimizerListEntry[];
  slice?: Record<string, unknown>;
  stats?: Record<string, unknown>;
  digits?: Record<string, unknown>;
  /** The training experiments (`nexp`, ./experiments.ts). */
  experiments?: Record<string, unknown>;
  /** undefined: no `ndopt`. */
  digitsOptimizers?: OptimizerListEntry[];
  lesson?: string;
  tab?: string;
}

type Kind =
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'number'; readonly range: Range }
  | { readonly kind: 'widths'; readonly range: Range; readonly max: number }
  | { readonly kind: 'reference'; readonly range: Range };

interface SubField {
  readonly name: string;
  readonly type: Kind;
  /**
   * A field added after links were written: omitted when it holds this value (what its absence means),
   * so every older link still re-encodes to the very same text.
   */
  readonly omitWhen?: unknown;
}

const sceneShape = networkSceneSchema.shape;
const sliceShape = sliceSchema.shape;
const number = (schema: z.ZodType): Kind => ({ kind: 'number', range: rangeOf(schema) });
const choice = (values: readonly string[]): Kind => ({ kind: 'enum', values });
const widthElement = (unwrap(sceneShape.layers) as unknown as { element: z.ZodType }).element;

export const NETWORK_FIELDS: readonly SubField[] = [
  { name: 'dataset', type: choice(DATASET_IDS) },
  { name: 'size', type: number(sceneShape.size) },
  { name: 'noise', type: number(sceneShape.noise) },
  { name: 'seed', type: number(sceneShape.seed) },
  {
    name: 'layers',
    type: { kind: 'widths', range: rangeOf(widthElement), max: NETWORK_LIMITS.maxLayers },
  },
  { name: 'activation', type: choice(ACTIVATIONS) },
  { name: 'init', type: choice(INITS) },
  { name: 'loss', type: choice(LOSSES) },
  { name: 'l2', type: number(sceneShape.l2) },
  // Came after the first network links: written only when set.
  { name: 'l1', type: number(sceneShape.l1), omitWhen: undefined },
  { name: 'steps', type: number(sceneShape.steps) },
  { name: 'batchSize', type: number(sceneShape.batchSize) },
];

export const SLICE_FIELDS: readonly SubField[] = [
  { name: 'directions', type: choice(DIRECTIONS) },
  { name: 'seed', type: number(sliceShape.seed) },
  { name: 'range', type: number(sliceShape.range) },
  { name: 'resolution', type: number(sliceShape.resolution) },
  {
    name: 'reference',
    type: { kind: 'reference', range: { min: 0, max: NETWORK_LIMITS.maxOptimizers - 1, integer: true } },
  },
];

const statsShape = statsSchema.shape;

export const STATS_FIELDS: readonly SubField[] = [
  { name: 'depth', type: number(statsShape.depth) },
  { name: 'width', type: number(statsShape.width) },
  { name: 'activation', type: choice(STATS_ACTIVATIONS) },
  { name: 'init', type: choice(STATS_INITS) },
  { name: 'gain', type: number(statsShape.gain) },
  { name: 'batch', type: number(statsShape.batch) },
  { name: 'seed', type: number(statsShape.seed) },
  { name: 'norm', type: choice(STATS_NORMS), omitWhen: 'none' },
];

const digitsShape = digitsSchema.shape;
const digitsWidth = (unwrap(digitsShape.layers) as unknown as { element: z.ZodType }).element;

export const DIGITS_FIELDS: readonly SubField[] = [
  { name: 'layers', type: { kind: 'widths', range: rangeOf(digitsWidth), max: DIGITS_LIMITS.maxLayers } },
  { name: 'activation', type: choice(ACTIVATIONS) },
  { name: 'init', type: choice(INITS) },
  { name: 'steps', type: number(digitsShape.steps) },
  { name: 'batchSize', type: number(digitsShape.batchSize) },
  { name: 'seed', type: number(digitsShape.seed) },
  { name: 'mode', type: choice(DIGITS_MODES), omitWhen: 'optimizers' },
  { name: 'loss', type: choice(DIGITS_LOSSES), omitWhen: 'cross-entropy' },
  { name: 'regularizer', type: choice(DIGITS_REGULARIZERS), omitWhen: 'none' },
  { name: 'lambda', type: number(digitsShape.lambda), omitWhen: 0.0001 },
  { name: 'beta', type: number(digitsShape.beta), omitWhen: 1 },
];

function encodeValue(type: Kind, value: unknown): string {
  switch (type.kind) {
    case 'enum':
      return String(value);
    case 'number':
      return formatNumber(value as number);
    case 'widths':
      return (value as readonly number[]).map(formatNumber).join('-');
    case 'reference':
      return value === 'best' ? 'best' : formatNumber(value as number);
  }
}

export function encodeFields(table: readonly SubField[], record: Readonly<Record<string, unknown>>): string {
  return table
    .filter((field) => !('omitWhen' in field) || record[field.name] !== field.omitWhen)
    .map(({ name, type }) => `${name}:${encodeValue(type, record[name])}`)
    .join(',');
}

export function encodeNetworkFields(scene: NetworkSceneJson): string {
  return encodeFields(NETWORK_FIELDS, scene);
}

export function encodeNetworkSlice(scene: NetworkSceneJson): string {
  return encodeFields(SLICE_FIELDS, scene.slice);
}

export function encodeNetworkStats(scene: NetworkSceneJson): string | undefined {
  return scene.stats ? encodeFields(STATS_FIELDS, scene.stats) : undefined;
}

export function encodeNetworkDigits(scene: NetworkSceneJson): string | undefined {
  return scene.digits ? encodeFields(DIGITS_FIELDS, scene.digits) : undefined;
}

export function encodeNetworkDigitsOptimizers(scene: NetworkSceneJson): string | undefined {
  if (!scene.digits) return undefined;
  return encodeOptimizerList(
    scene.digits.optimizers.map((json) => ({ json: json as OptimizerJson, disabled: false })),
  );
}

export function encodeNetworkLesson(scene: NetworkSceneJson): string | undefined {
  return scene.lesson;
}

export function encodeNetworkOptimizers(scene: NetworkSceneJson): string {
  return encodeOptimizerList(
    scene.optimizers.map((json) => ({ json: json as OptimizerJson, disabled: false })),
  );
}

function decodeValue(type: Kind, raw: string, note: Warn): unknown {
  switch (type.kind) {
    case 'enum': {
      const value = type.values.find((v) => v === raw || v === raw.toLowerCase());
      if (value === undefined) note(`'${raw.slice(0, 30)}' is not one of ${type.values.join(', ')}; dropped`);
      return value;
    }
    case 'number': {
      const value = parseNumber(raw);
      if (value === undefined) {
        note(`'${raw.slice(0, 30)}' is not a number; dropped`);
        return undefined;
      }
      return fitToRange(value, type.range, note);
    }
    case 'widths': {
      const parts = raw === '' ? [] : raw.split('-');
      const widths = parts.map(parseNumber);
      if (widths.some((w) => w === undefined)) {
        note(`'${raw.slice(0, 30)}' is not widths joined by '-'; dropped`);
        return undefined;
      }
      if (widths.length > type.max) note(`more than ${type.max} hidden layers; the rest dropped`);
      return widths.slice(0, type.max).map((w) => fitToRange(w!, { ...type.range, integer: true }, note));
    }
    case 'reference': {
      if (raw.toLowerCase() === 'best') return 'best';
      const value = parseNumber(raw);
      if (value === undefined) {
        note(`'${raw.slice(0, 30)}' is neither 'best' nor an optimizer index; dropped`);
        return undefined;
      }
      return fitToRange(value, type.range, note);
    }
  }
}

export function decodeFields(
  value: string,
  table: readonly SubField[],
  what: string,
  warn: Warn,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of value.split(',')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    const name = colon < 0 ? part : part.slice(0, colon);
    const raw = colon < 0 ? '' : part.slice(colon + 1);
    const field =
      table.find((f) => f.name === name) ?? table.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field) {
      warn(`${what}: unknown field '${name.slice(0, 30)}' ignored`);
      continue;
    }
    if (field.name in out) {
      warn(`${what}: ${field.name} given twice; the first is kept`);
      continue;
    }
    const decoded = decodeValue(field.type, raw, (m) => warn(`${what} ${field.name}: ${m}`));
    if (decoded !== undefined) out[field.name] = decoded;
  }
  return out;
}

export function decodeNetworkFields(value: string, warn: Warn): Record<string, unknown> {
  return decodeFields(value, NETWORK_FIELDS, 'network', warn);
}

export function decodeNetworkSlice(value: string, warn: Warn): Record<string, unknown> {
  return decodeFields(value, SLICE_FIELDS, 'network slice', warn);
}

export function decodeNetworkStats(value: string, warn: Warn): Record<string, unknown> {
  return decodeFields(value, STATS_FIELDS, 'network statistics', warn);
}

export function decodeNetworkDigits(value: string, warn: Warn): Record<string, unknown> {
  return decodeFields(value, DIGITS_FIELDS, 'network digits', warn);
}

/** The digits' optimizers: the same rules as the network's, up to DIGITS_LIMITS.maxOptimizers. */
export function decodeNetworkDigitsOptimizers(value: string, warn: Warn): OptimizerListEntry[] {
  return decodeElementwiseOptimizers(value, DIGITS_LIMITS.maxOptimizers, 'digits', warn);
}

/** A lesson id is checked against the schema's pattern here; whether it names a lesson, by the view. */
export function decodeNetworkLesson(value: string, warn: Warn): string | undefined {
  if (/^[a-z0-9-]{1,40}$/.test(value)) return value;
  warn(`network lesson '${value.slice(0, 40)}' is not a lesson id; ignored`);
  return undefined;
}

export function decodeNetworkTab(value: string, warn: Warn): string | undefined {
  const tab = NETWORK_TABS.find((t) => t === value);
  if (tab === undefined)
    warn(`network tab '${value.slice(0, 40)}' is not one of ${NETWORK_TABS.join(', ')}; ignored`);
  return tab;
}

/** Network training takes the coordinate-wise optimizers only, at most NETWORK_LIMITS.maxOptimizers. */
export function decodeNetworkOptimizers(value: string, warn: Warn): OptimizerListEntry[] {
  return decodeElementwiseOptimizers(value, NETWORK_LIMITS.maxOptimizers, 'network', warn);
}

function decodeElementwiseOptimizers(
  value: string,
  max: number,
  what: string,
  warn: Warn,
): OptimizerListEntry[] {
  const entries: OptimizerListEntry[] = [];
  const read = decodeOptimizerList(value, (m) => warn(`${what} ${m}`));
  for (const entry of read) {
    if (!ELEMENTWISE_OPTIMIZERS.includes(entry.json.type)) {
      warn(
        `${what} optimizer ${entry.json.type} dropped: network training supports ${ELEMENTWISE_OPTIMIZERS.join(', ')}`,
      );
    } else if (entries.length === max) {
      warn(`more than ${max} ${what} optimizers; the rest dropped`);
      break;
    } else {
      if (entry.disabled) warn(`${what} optimizer ${entry.json.type}: 'off' is not supported; ignored`);
      entries.push({ json: entry.json, disabled: false });
    }
  }
  return entries;
}

/**
 * The nearest valid network scene to what the link held: schema defaults for what it left out, and each
 * field the schema still rejects replaced (a loss that does not fit the task, a slice reference past the
 * optimizers) or dropped, one warning each.
 */
export function networkFromDraft(draft: NetworkDraft, warn: Warn): NetworkSceneJson {
  const input: Record<string, unknown> = { ...draft.fields };
  if (draft.fields === undefined) warn('the link has no network data and model (net); the defaults are used');
  if (draft.optimizers === undefined)
    warn('the link names no network optimizers (was it cut short?); the default ones are used');
  else if (draft.optimizers.length === 0)
    warn('no network optimizer in the link could be read; the default ones are used');
  else input.optimizers = draft.optimizers.map((entry) => entry.json);
  const slice: Record<string, unknown> = { ...draft.slice };
  input.slice = slice;
  const stats: Record<string, unknown> | undefined = draft.stats ? { ...draft.stats } : undefined;
  if (stats) input.stats = stats;
  const digits: Record<string, unknown> | undefined =
    draft.digits || draft.digitsOptimizers ? { ...draft.digits } : undefined;
  if (digits) {
    if (draft.digitsOptimizers?.length === 0)
      warn('no digits optimizer in the link could be read; the default ones are used');
    else if (draft.digitsOptimizers) digits.optimizers = draft.digitsOptimizers.map((entry) => entry.json);
    input.digits = digits;
  }
  const experiments: Record<string, unknown> | undefined = draft.experiments
    ? { ...draft.experiments }
    : undefined;
  if (experiments) input.experiments = experiments;
  if (draft.lesson !== undefined) input.lesson = draft.lesson;
  if (draft.tab !== undefined) input.tab = draft.tab;
  // A hand-written regression link that names no loss means mean squared error, not the default cross-entropy.
  if (input.loss === undefined && datasetTask((input.dataset as never) ?? 'moons') === 'regression')
    input.loss = 'mse';
  for (let attempt = 0; attempt < 16; attempt++) {
    const result = networkSceneSchema.safeParse(input);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const [head, sub] = issue.path;
    const where = issue.path.map(String).join('.');
    if (head === 'loss' && input.loss !== 'mse') {
      warn(`network ${where}: ${issue.message}; mse is used`);
      input.loss = 'mse';
    } else if (head === 'slice' && sub === 'reference' && slice.reference !== 'best') {
      warn(`network ${where}: ${issue.message}; 'best' is used`);
      slice.reference = 'best';
    } else if (head === 'slice' && typeof sub === 'string' && sub in slice) {
      warn(`network ${where}: ${issue.message}; the default is used`);
      delete slice[sub];
    } else if (head === 'stats' && stats && typeof sub === 'string' && sub in stats) {
      warn(`network ${where}: ${issue.message}; the default is used`);
      delete stats[sub];
    } else if (head === 'experiments' && experiments && typeof sub === 'string' && sub in experiments) {
      warn(`network ${where}: ${issue.message}; the default is used`);
      delete experiments[sub];
    } else if (head === 'digits' && digits && typeof sub === 'string' && sub in digits) {
      warn(`network ${where}: ${issue.message}; the default is used`);
      delete digits[sub];
    } else if (typeof head === 'string' && head in input && head !== 'slice') {
      warn(`network ${where}: ${issue.message}; the default is used`);
      delete input[head];
    } else break;
  }
  warn('the network scene could not be read; the default network opens');
  return networkSceneSchema.parse({});
}
