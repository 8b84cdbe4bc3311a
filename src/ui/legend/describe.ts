/**
 * Short descriptions of an optimizer's settings, derived from its spec table: the learning rate, then every
 * hyperparameter that differs from torch's default, then schedule, clipping and noise.
 */
import { format } from 'd3';
import { getOptimizer, type HyperparameterSpec, type HyperparameterValue } from '../../core';
import type { OptimizerEntry } from '../../state';

export const formatNumber = format('~g');

/** The symbol at the end of a label ("momentum μ" → "μ", "β₁ (first moment)" → "β₁"), else the label. */
export function symbolOf(label: string): string {
  const greek = /([α-ωΑ-Ωδε][₀-₉]?)(?:\s*\(.*\))?$/u.exec(label.trim());
  return greek?.[1] ?? label;
}

function describeValue(spec: HyperparameterSpec, value: HyperparameterValue): string {
  if (spec.kind === 'boolean') return value ? spec.label : `no ${spec.label}`;
  if (spec.kind === 'pair' && Array.isArray(value)) {
    return spec.labels
      .map((label, i) => `${symbolOf(label)}=${formatNumber(value[i] ?? Number.NaN)}`)
      .join(' ');
  }
  return `${symbolOf(spec.label)}=${formatNumber(value as number)}`;
}

export function describeSettings(entry: OptimizerEntry): string[] {
  const spec = getOptimizer(entry.type);
  if (!spec) return [];
  const parts: string[] = [];
  for (const hp of spec.hyperparameters) {
    const value = entry.hyperparameters[hp.key];
    if (value === undefined) continue;
    const isDefault = JSON.stringify(value) === JSON.stringify(hp.default);
    if (hp.key === 'lr' || !isDefault) parts.push(describeValue(hp, value));
  }
  if (entry.schedule.type !== 'constant') parts.push(`${entry.schedule.type.replace('_', ' ')} decay`);
  if (entry.clip.type !== 'none') parts.push(`clip ${entry.clip.type} ≤ ${formatNumber(entry.clip.max)}`);
  if (entry.noise > 0) parts.push(`noise σ=${formatNumber(entry.noise)}`);
  return parts;
}
