/**
 * Which two hyperparameters a sweep varies and how each axis is spaced. The learning rate is log-spaced;
 * decay rates close to 1 (momentum aside: β₂, α, ρ) are spaced by log(1 − value), so 0.9, 0.99, 0.999 and
 * 0.9999 sit equally far apart — where those optimizers are actually tuned. Pure: no DOM, no React (src/analysis).
 */
import { getOptimizer } from '../core/optimizers';
import type { SecondHyperparameter } from '../core/optimizers/spec';
import type { Hyperparameters } from '../core/types';
import { shortName } from './hyperparameterText';

/** An axis as the map frame (src/ui/atlas/MapFrame.tsx) draws it. */
export interface MapAxis {
  readonly label: string;
  readonly domain: readonly [number, number];
  readonly scale: 'linear' | 'log';
  /** Tick text (e.g. β for an axis drawn as 1 − β); default: the value itself. */
  readonly format?: (value: number) => string;
}

export type AxisSpacing = SecondHyperparameter['spacing'];

export interface SweepAxis {
  /** Layout column: 'lr', 'momentum', 'betas[1]'… */
  readonly column: string;
  readonly label: string;
  readonly spacing: AxisSpacing;
  readonly min: number;
  readonly max: number;
}

/** The spec's second axis (the lecture's pairing: the hyperparameter one tunes after the learning rate). */
function secondAxis(type: string): Omit<SweepAxis, 'label'> | undefined {
  const second = getOptimizer(type)?.second;
  return second && { column: second.column, spacing: second.spacing, min: second.min, max: second.max };
}

export const LR_RANGE: readonly [number, number] = [1e-4, 10];

/** "learning rate η", "β₂ (second moment)", "momentum μ": from the spec, for axis names. */
export function columnLabel(type: string, column: string): string {
  const spec = getOptimizer(type);
  const match = /^(.*)\[(\d)\]$/.exec(column);
  const key = match ? match[1]! : column;
  const row = spec?.hyperparameters.find((hp) => hp.key === key);
  if (!row) return column;
  if (row.kind === 'pair') return row.labels[Number(match?.[2] ?? 0) as 0 | 1];
  return row.label;
}

/** Short symbol of a column for captions: η, μ, β₂, α. */
export function columnSymbol(type: string, column: string): string {
  const label = columnLabel(type, column);
  return shortName({ key: column, label });
}

/** The numeric columns a sweep can vary (booleans excluded). */
export function sweepableColumns(type: string): string[] {
  const spec = getOptimizer(type);
  if (!spec) return [];
  return spec.hyperparameters.flatMap((hp) =>
    hp.kind === 'pair' ? [`${hp.key}[0]`, `${hp.key}[1]`] : hp.kind === 'number' ? [hp.key] : [],
  );
}

/** The axis for a column: the spec's second axis, else the spec's range (log axes start above 0). */
export function axisFor(type: string, column: string): SweepAxis {
  const label = columnLabel(type, column);
  const spec = getOptimizer(type);
  const key = column.replace(/\[\d\]$/, '');
  const row = spec?.hyperparameters.find((hp) => hp.key === key);
  if (column === 'lr') {
    const min = row && row.kind === 'number' ? Math.max(row.min, LR_RANGE[0]) : LR_RANGE[0];
    const max = row && row.kind === 'number' ? Math.min(row.max, LR_RANGE[1]) : LR_RANGE[1];
    return { column, label, spacing: 'log', min, max };
  }
  const preset = secondAxis(type);
  if (preset && preset.column === column) return { ...preset, label };
  if (row && row.kind !== 'boolean') {
    if (row.scale === 'log')
      return { column, label, spacing: 'log', min: Math.max(row.min, row.max * 1e-4), max: row.max };
    if (row.max < 1 && row.max > 0.99)
      return { column, label, spacing: 'oneMinusLog', min: 0.5, max: row.max };
    return { column, label, spacing: 'linear', min: row.min, max: Math.min(row.max, 10) };
  }
  return { column, label, spacing: 'linear', min: 0, max: 1 };
}

export function defaultAxes(type: string): { x: SweepAxis; y: SweepAxis } {
  const columns = sweepableColumns(type).filter((c) => c !== 'lr');
  const second = secondAxis(type)?.column ?? columns[0] ?? 'lr';
  return { x: axisFor(type, 'lr'), y: axisFor(type, second) };
}

/** The value at position t ∈ [0, 1] along an axis. */
export function axisValueAt(axis: SweepAxis, t: number): number {
  switch (axis.spacing) {
    case 'linear':
      return axis.min + t * (axis.max - axis.min);
    case 'log':
      return Math.exp(Math.log(axis.min) + t * (Math.log(axis.max) - Math.log(axis.min)));
    case 'oneMinusLog':
      return 1 - Math.exp(Math.log(1 - axis.min) + t * (Math.log(1 - axis.max) - Math.log(1 - axis.min)));
  }
}

/** Cell centers: n values from min to max. */
export function axisValues(axis: SweepAxis, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => axisValueAt(axis, (i + 0.5) / n));
}

/** Per-particle values of a side×side sweep, particle = row·side + column (row 0 at the bottom). */
export function sweepGrid(x: SweepAxis, y: SweepAxis, side: number) {
  const xs = axisValues(x, side);
  const ys = axisValues(y, side);
  const xParticle = new Float64Array(side * side);
  const yParticle = new Float64Array(side * side);
  for (let row = 0; row < side; row++)
    for (let column = 0; column < side; column++) {
      xParticle[row * side + column] = xs[column]!;
      yParticle[row * side + column] = ys[row]!;
    }
  return { xs, ys, varied: { [x.column]: xParticle, [y.column]: yParticle } };
}

/** A MapFrame axis for a sweep axis: 1 − β is drawn on a log scale, labelled with β itself. */
export function frameAxis(axis: SweepAxis): MapAxis {
  if (axis.spacing === 'oneMinusLog')
    return {
      label: `${axis.label} (spaced by log(1 − value))`,
      scale: 'log',
      domain: [1 - axis.min, 1 - axis.max],
      format: (v: number) => String(Number((1 - v).toPrecision(6))),
    };
  return { label: axis.label, scale: axis.spacing, domain: [axis.min, axis.max] };
}

/** Hyperparameters with one column set: `betas[1]` replaces one half of the pair. */
export function withColumn(hp: Hyperparameters, column: string, value: number): Hyperparameters {
  const match = /^(.*)\[(\d)\]$/.exec(column);
  if (!match) return { ...hp, [column]: value };
  const key = match[1]!;
  const current = hp[key];
  const pair: [number, number] = Array.isArray(current)
    ? [(current as readonly number[])[0] ?? 0, (current as readonly number[])[1] ?? 0]
    : [0, 0];
  pair[Number(match[2]) as 0 | 1] = value;
  return { ...hp, [key]: pair };
}

/** Round a swept value for the explorer's controls (3 significant digits; 1 − β to 2 of its own). */
export function tidyValue(axis: SweepAxis, value: number): number {
  if (axis.spacing === 'oneMinusLog') return 1 - Number((1 - value).toPrecision(2));
  return Number(value.toPrecision(3));
}

/** A column's value in a set of hyperparameters (NaN when absent). */
export function columnValue(hp: Hyperparameters, column: string): number {
  const match = /^(.*)\[(\d)\]$/.exec(column);
  const value = hp[match ? match[1]! : column];
  if (match && Array.isArray(value)) return (value as readonly number[])[Number(match[2])] ?? Number.NaN;
  return typeof value === 'number' ? value : Number.NaN;
}
