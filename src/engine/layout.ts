/**
 * The per-particle hyperparameter layout, generated from an optimizer spec's hyperparameter table:
 * numbers and booleans take one column, pairs two. The same layout drives the WGSL `struct Hyper`, the
 * storage buffer the GPU reads and the rows the CPU engine turns back into Hyperparameters.
 */
import { getOptimizer } from '../core/optimizers';
import type { Hyperparameters, HyperparameterSpec } from '../core/types';

export interface HyperparameterColumn {
  /** Column name: the key, or `key[0]`/`key[1]` for a pair. */
  readonly name: string;
  readonly key: string;
  readonly kind: HyperparameterSpec['kind'];
  /** Which half of a pair (0 for numbers and booleans). */
  readonly component: 0 | 1;
}

export interface HyperparameterLayout {
  readonly optimizerType: string;
  readonly specs: readonly HyperparameterSpec[];
  readonly columns: readonly HyperparameterColumn[];
  readonly width: number;
}

export function hyperparameterLayout(optimizerType: string): HyperparameterLayout {
  const spec = getOptimizer(optimizerType);
  if (!spec) throw new Error(`unknown optimizer type ${optimizerType}`);
  const columns: HyperparameterColumn[] = [];
  for (const hp of spec.hyperparameters) {
    if (hp.kind === 'pair') {
      columns.push({ name: `${hp.key}[0]`, key: hp.key, kind: 'pair', component: 0 });
      columns.push({ name: `${hp.key}[1]`, key: hp.key, kind: 'pair', component: 1 });
    } else {
      columns.push({ name: hp.key, key: hp.key, kind: hp.kind, component: 0 });
    }
  }
  return { optimizerType, specs: spec.hyperparameters, columns, width: columns.length };
}

/** One particle's row from a full set of hyperparameters. */
export function encodeHyperparameters(
  layout: HyperparameterLayout,
  hp: Hyperparameters,
  out: Float64Array,
  offset: number,
): void {
  layout.columns.forEach((column, i) => {
    const value = hp[column.key];
    let encoded: number;
    if (typeof value === 'boolean') encoded = value ? 1 : 0;
    else if (typeof value === 'number') encoded = value;
    else if (Array.isArray(value)) encoded = (value as readonly number[])[column.component] ?? Number.NaN;
    else throw new Error(`hyperparameter ${column.key} of ${layout.optimizerType} is missing`);
    out[offset + i] = encoded;
  });
}

/** The inverse of encodeHyperparameters (the CPU engine hands these to the spec's step). */
export function decodeHyperparameters(
  layout: HyperparameterLayout,
  row: ArrayLike<number>,
  offset: number,
): Hyperparameters {
  const hp: Record<string, Hyperparameters[string]> = {};
  layout.specs.forEach((spec) => {
    const index = layout.columns.findIndex((column) => column.key === spec.key);
    const value = row[offset + index] ?? Number.NaN;
    if (spec.kind === 'boolean') hp[spec.key] = value !== 0;
    else if (spec.kind === 'pair') hp[spec.key] = [value, row[offset + index + 1] ?? Number.NaN];
    else hp[spec.key] = value;
  });
  return hp;
}

/**
 * The hyperparameter rows of a batch of `count` particles: every particle gets `base`, then each varied
 * column (by column name, e.g. 'lr' or 'betas[1]') overrides its own value per particle. This is how
 * sweeps and comparisons vary settings per particle. With nothing varied it is the compact form, one row
 * that every particle shares: building, checking and moving n copies of it cost a 1M-particle batch
 * about as much main-thread time as its CPU steps (read a row with `rowOffset`).
 */
export function particleHyperparameters(
  optimizerType: string,
  base: Hyperparameters,
  count: number,
  varied: Readonly<Record<string, ArrayLike<number>>> = {},
): Float64Array {
  const layout = hyperparameterLayout(optimizerType);
  const columns = Object.entries(varied);
  const rows = new Float64Array((columns.length === 0 ? 1 : count) * layout.width);
  encodeHyperparameters(layout, base, rows, 0);
  if (columns.length === 0) return rows;
  // Copy the first row into the rest by doubling: a few block copies instead of one per particle.
  for (let filled = layout.width; filled < rows.length; filled *= 2)
    rows.copyWithin(filled, 0, Math.min(filled, rows.length - filled));
  for (const [name, values] of columns) {
    const column = layout.columns.findIndex((c) => c.name === name);
    if (column < 0) throw new Error(`${optimizerType} has no hyperparameter column ${name}`);
    for (let p = 0; p < count; p++) rows[p * layout.width + column] = values[p] ?? Number.NaN;
  }
  return rows;
}

/** Where particle p's row starts in a request's hyperparameters (row 0 for the compact form). */
export function rowOffset(hyperparameters: ArrayLike<number>, p: number, width: number): number {
  return holdsOneRow(hyperparameters, width) ? 0 : p * width;
}

/** Whether a request's hyperparameters are the compact form: one row that every particle shares. */
export function holdsOneRow(hyperparameters: ArrayLike<number>, width: number): boolean {
  return hyperparameters.length === width;
}

/**
 * Whether every particle uses the same hyperparameter row: the request holds a single row, or n rows
 * that all equal the first (the usual batch: an outcome map, a crowd; a sweep differs by row 1).
 */
export function hyperparametersShared(
  hyperparameters: ArrayLike<number>,
  count: number,
  width: number,
): boolean {
  if (holdsOneRow(hyperparameters, width)) return true;
  for (let p = 1; p < count; p++)
    for (let k = 0, o = p * width; k < width; k++)
      if (hyperparameters[o + k] !== hyperparameters[k]) return false;
  return true;
}
