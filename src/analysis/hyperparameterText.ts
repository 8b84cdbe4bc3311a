/** Short names and values of hyperparameters for captions ("η=0.035, μ=0.9"), derived from the specs. */
import { getOptimizer } from '../core/optimizers';
import type { Hyperparameters, HyperparameterSpec } from '../core/types';

/** The symbol a spec's label ends or starts with (η, μ, α, ε), else the torch.optim key. */
export function shortName(spec: Pick<HyperparameterSpec, 'key' | 'label'>): string {
  if (spec.key === 'lr') return 'η';
  const symbol = spec.label.split(/[\s()]+/).find((token) => /^[\u0080-\uffff]{1,2}$/.test(token));
  return symbol ?? spec.key;
}

export function formatValue(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude < 1e-3 || magnitude >= 1e4 ? value.toExponential(1) : String(Number(value.toPrecision(4)));
}

/** The hyperparameters that differ from torch.optim's defaults (the learning rate always). */
export function hyperparameterSummary(type: string, hp: Hyperparameters): string {
  const spec = getOptimizer(type);
  if (!spec) return '';
  return spec.hyperparameters
    .filter((row) => row.key === 'lr' || JSON.stringify(hp[row.key]) !== JSON.stringify(row.default))
    .map((row) => {
      const value = hp[row.key];
      const shown = Array.isArray(value)
        ? `(${(value as readonly number[]).map(formatValue).join(', ')})`
        : typeof value === 'boolean'
          ? value
            ? 'on'
            : 'off'
          : typeof value === 'number'
            ? formatValue(value)
            : '?';
      return `${shortName(row)}=${shown}`;
    })
    .join(', ');
}
