/**
 * The optimizer list of a link, driven by the optimizer spec tables (tensorflow/playground's state-table
 * idea): `Type:key=value,key=value;Type:…`. Only non-default hyperparameters are written; a boolean is a
 * bare key when true (`nesterov`) and `key=0` when false; a pair is `a~b`. Fields every optimizer shares:
 *   label=<percent-encoded text>   sched=<type>~<field>~…   clip=<type>~<max>   noise=<σ>   off (switched off)
 * Reading is forgiving: an unknown type or key is dropped with a warning, a number out of range is
 * clamped into it, and whatever is left is checked against the scene schema before it is kept.
 */
import { getOptimizer, OPTIMIZERS } from '../optimizers';
import { LIMITS } from '../limits';
import { resolveOptimizer, sceneSchema } from '../scene';
import type { HyperparameterSpec } from '../types';
import { fitToRange, formatNumber, parseBoolean, parseNumber } from './numbers';
import {
  CLIPPING_TABLE,
  LABEL_MAX_LENGTH,
  NOISE_RANGE,
  SCHEDULE_TABLE,
  type VariantTable,
} from './schemaRanges';
import { escapeText, unescapeText } from './text';
import { CUSTOM_TYPE } from '../optimizers/custom/definition';

/**
 * A typed optimizer's hyperparameters are named by its definition, which the link carries apart (`opt`):
 * its entry is read and written without a table, every other key a number, and checked against the
 * definition once the whole link is read.
 */
const CUSTOM_ROW = (key: string): HyperparameterSpec => ({
  key,
  kind: 'number',
  label: key,
  default: Number.NaN,
  min: -1e6,
  max: 1e6,
  scale: 'linear',
});
const SHARED_KEYS = new Set(['type', 'label', 'schedule', 'clip', 'noise']);

/** One optimizer as scene JSON (sceneToJson's form: only what differs from the defaults). */
export type OptimizerJson = Record<string, unknown> & { type: string };

export interface OptimizerListEntry {
  readonly json: OptimizerJson;
  readonly disabled: boolean;
}

/** Fields every optimizer has besides its hyperparameters. */
type SharedKey = 'label' | 'sched' | 'clip' | 'noise' | 'off';
const PAIR_SEPARATOR = '~';

function encodeVariant(value: unknown, table: VariantTable): string {
  const record = value as Record<string, unknown> & { type: string };
  const fields = table.variants.get(record.type) ?? [];
  return [record.type, ...fields.map(({ key }) => formatNumber(record[key] as number))].join(PAIR_SEPARATOR);
}

function encodeHyperparameter(spec: HyperparameterSpec, value: unknown): string {
  if (spec.kind === 'boolean') return value ? spec.key : `${spec.key}=0`;
  if (spec.kind === 'pair') {
    const [a, b] = value as readonly [number, number];
    return `${spec.key}=${formatNumber(a)}${PAIR_SEPARATOR}${formatNumber(b)}`;
  }
  return `${spec.key}=${formatNumber(value as number)}`;
}

export function encodeOptimizer(json: OptimizerJson, disabled: boolean): string {
  const spec = getOptimizer(json.type);
  const fields: string[] = [];
  const rows =
    json.type === CUSTOM_TYPE
      ? Object.keys(json)
          .filter((key) => !SHARED_KEYS.has(key))
          .map(CUSTOM_ROW)
      : (spec?.hyperparameters ?? []);
  for (const hp of rows) {
    if (json[hp.key] !== undefined) fields.push(encodeHyperparameter(hp, json[hp.key]));
  }
  if (json.schedule !== undefined) fields.push(`sched=${encodeVariant(json.schedule, SCHEDULE_TABLE)}`);
  if (json.clip !== undefined) fields.push(`clip=${encodeVariant(json.clip, CLIPPING_TABLE)}`);
  if (typeof json.noise === 'number') fields.push(`noise=${formatNumber(json.noise)}`);
  if (typeof json.label === 'string') fields.push(`label=${escapeText(json.label)}`);
  if (disabled) fields.push('off');
  return fields.length > 0 ? `${json.type}:${fields.join(',')}` : json.type;
}

export function encodeOptimizerList(entries: readonly OptimizerListEntry[]): string {
  return entries.map(({ json, disabled }) => encodeOptimizer(json, disabled)).join(';');
}

type Warn = (message: string) => void;

function decodeVariant(text: string, table: VariantTable, warn: Warn): unknown {
  const [type = '', ...values] = text.split(PAIR_SEPARATOR);
  const fields = table.variants.get(type);
  if (!fields) {
    warn(`unknown ${table.name} '${type}' dropped (known: ${[...table.variants.keys()].join(', ')})`);
    return undefined;
  }
  if (values.length !== fields.length) {
    warn(
      `${table.name} '${type}' needs ${fields.length} value(s) (${fields.map((f) => f.key).join(', ')}); dropped`,
    );
    return undefined;
  }
  const out: Record<string, unknown> = { type };
  for (const [i, field] of fields.entries()) {
    const value = parseNumber(values[i]!);
    if (value === undefined) {
      warn(`${table.name} ${field.key} '${values[i]}' is not a number; ${table.name} dropped`);
      return undefined;
    }
    out[field.key] = fitToRange(value, field.range, (m) => warn(`${table.name} ${field.key}: ${m}`));
  }
  const checked = table.schema.safeParse(out);
  if (!checked.success) {
    warn(`${table.name} '${text}' is invalid (${checked.error.issues[0]?.message ?? 'rejected'}); dropped`);
    return undefined;
  }
  return checked.data;
}

function decodeHyperparameter(spec: HyperparameterSpec, raw: string | undefined, warn: Warn): unknown {
  const note = (m: string) => warn(`${spec.key}: ${m}`);
  switch (spec.kind) {
    case 'boolean': {
      const value = parseBoolean(raw ?? '');
      if (value === undefined) note(`'${raw}' is not true/false; dropped`);
      return value;
    }
    case 'number': {
      const value = parseNumber(raw ?? '');
      if (value === undefined) {
        note(`'${raw ?? ''}' is not a number; dropped`);
        return undefined;
      }
      return fitToRange(value, spec, note);
    }
    case 'pair': {
      const parts = (raw ?? '').split(PAIR_SEPARATOR);
      const values = parts.map(parseNumber);
      if (values.length !== 2 || values.some((v) => v === undefined)) {
        note(`'${raw ?? ''}' is not a pair a${PAIR_SEPARATOR}b; dropped`);
        return undefined;
      }
      return values.map((v) => fitToRange(v!, spec, note));
    }
  }
}

function findType(name: string) {
  return getOptimizer(name) ?? OPTIMIZERS.find((spec) => spec.type.toLowerCase() === name.toLowerCase());
}

/** One `Type:fields` entry; undefined (with a warning) when its type is unknown. */
export function decodeOptimizer(text: string, position: number, warn: Warn): OptimizerListEntry | undefined {
  const at = (m: string) => warn(`optimizer ${position}: ${m}`);
  const colon = text.indexOf(':');
  const typeName = (colon < 0 ? text : text.slice(0, colon)).trim();
  const custom = typeName === CUSTOM_TYPE;
  const spec = custom
    ? { type: CUSTOM_TYPE, hyperparameters: [] as HyperparameterSpec[] }
    : findType(typeName);
  if (!spec) {
    at(
      `unknown type '${typeName.slice(0, 40)}' dropped (known: ${OPTIMIZERS.map((s) => s.type).join(', ')})`,
    );
    return undefined;
  }
  const json: OptimizerJson = { type: spec.type };
  let disabled = false;
  const seen = new Set<string>();
  for (const field of colon < 0 ? [] : text.slice(colon + 1).split(',')) {
    if (field === '') continue;
    const eq = field.indexOf('=');
    const rawKey = eq < 0 ? field : field.slice(0, eq);
    const raw = eq < 0 ? undefined : field.slice(eq + 1);
    const hp = custom
      ? /^[A-Za-z][A-Za-z0-9_]{0,23}$/.test(rawKey) &&
        !SHARED_KEYS.has(rawKey) &&
        rawKey !== 'sched' &&
        rawKey !== 'off'
        ? CUSTOM_ROW(rawKey)
        : undefined
      : (spec.hyperparameters.find((h) => h.key === rawKey) ??
        spec.hyperparameters.find((h) => h.key.toLowerCase() === rawKey.toLowerCase()));
    const key = hp?.key ?? rawKey;
    if (seen.has(key)) {
      at(`${key} given twice; the first is kept`);
      continue;
    }
    seen.add(key);
    if (hp) {
      const value = decodeHyperparameter(hp, raw, at);
      if (value !== undefined) json[hp.key] = value;
      continue;
    }
    switch (key as SharedKey) {
      case 'label': {
        const label = unescapeText(raw ?? '');
        if (!label.ok) at(`label: ${label.error}; dropped`);
        else if (label.text.length > LABEL_MAX_LENGTH) {
          at(`label longer than ${LABEL_MAX_LENGTH} characters; shortened`);
          json.label = label.text.slice(0, LABEL_MAX_LENGTH);
        } else if (label.text.length > 0) json.label = label.text;
        break;
      }
      case 'sched': {
        const schedule = decodeVariant(raw ?? '', SCHEDULE_TABLE, at);
        if (schedule !== undefined) json.schedule = schedule;
        break;
      }
      case 'clip': {
        const clip = decodeVariant(raw ?? '', CLIPPING_TABLE, at);
        if (clip !== undefined) json.clip = clip;
        break;
      }
      case 'noise': {
        const noise = parseNumber(raw ?? '');
        if (noise === undefined) at(`noise '${raw ?? ''}' is not a number; dropped`);
        else json.noise = fitToRange(noise, NOISE_RANGE, (m) => at(`noise: ${m}`));
        break;
      }
      case 'off': {
        const off = parseBoolean(raw ?? '');
        if (off === undefined) at(`off '${raw}' is not true/false; ignored`);
        else disabled = off;
        break;
      }
      default:
        at(`${spec.type} has no hyperparameter '${key.slice(0, 40)}'; ignored`);
    }
  }
  return { json: checkedOptimizer(json, at), disabled };
}

const optimizerSchema = (
  sceneSchema.shape.optimizers as unknown as { element: typeof sceneSchema.shape.optimizers.element }
).element;

/**
 * A last check against the scene schema and the spec's own combination rule (SGD: Nesterov needs
 * momentum): a field still rejected is removed, never the whole optimizer.
 */
function checkedOptimizer(json: OptimizerJson, warn: Warn): OptimizerJson {
  const out = { ...json };
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = optimizerSchema.safeParse(out);
    let key: PropertyKey | undefined;
    let message: string;
    if (!result.success) {
      const issue = result.error.issues[0]!;
      key = issue.path[0];
      message = issue.message;
    } else {
      const problem = getOptimizer(json.type)?.validate?.(resolveOptimizer(out).hyperparameters);
      if (!problem) return out;
      key = problem.field;
      message = problem.message;
    }
    if (typeof key !== 'string' || key === 'type' || !(key in out)) break;
    warn(`${key}: ${message}; dropped`);
    delete out[key];
  }
  return { type: json.type };
}

export function decodeOptimizerList(text: string, warn: Warn): OptimizerListEntry[] {
  const parts = text.split(';').filter((part) => part.trim() !== '');
  const entries: OptimizerListEntry[] = [];
  for (const [i, part] of parts.entries()) {
    if (entries.length === LIMITS.maxOptimizers) {
      warn(`more than ${LIMITS.maxOptimizers} optimizers; the last ${parts.length - i} dropped`);
      break;
    }
    const entry = decodeOptimizer(part, i + 1, warn);
    if (entry) entries.push(entry);
  }
  return entries;
}
