/**
 * The frame and header controls every batch view (outcome map, sweep, fair comparison) shares: a titled
 * section whose header holds the view's controls, followed by the engine status strip.
 */
import type { ReactNode } from 'react';
import { EngineStatus } from './EngineStatus';
import type { BatchRunState } from './useBatchRun';

export interface BatchViewProps {
  readonly className: string;
  /** The section's accessible name, e.g. "Outcome map". */
  readonly label: string;
  readonly title: ReactNode;
  /** The header's controls, after the title. */
  readonly controls: ReactNode;
  readonly batch: BatchRunState & { cancel(): void };
  /** What the run computes, shown in the engine status strip. */
  readonly workload: string;
  readonly children?: ReactNode;
}

export function BatchView({ className, label, title, controls, batch, workload, children }: BatchViewProps) {
  return (
    <section
      className={className}
      aria-label={label}
      data-status={batch.status}
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: '0.6em', padding: '0.75em' }}
    >
      <header style={{ display: 'flex', flexWrap: 'wrap', gap: '1em', alignItems: 'center' }}>
        <strong>{title}</strong>
        {controls}
      </header>
      <EngineStatus run={batch} onCancel={batch.cancel} workload={workload} />
      {children}
    </section>
  );
}

/** A labelled select over the keys of `labels`, each shown by its label. */
export function LabelledChoice<K extends string>({
  label,
  ariaLabel,
  value,
  labels,
  onChange,
}: {
  readonly label: string;
  readonly ariaLabel: string;
  readonly value: K;
  readonly labels: Readonly<Record<K, string>>;
  readonly onChange: (value: K) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select aria-label={ariaLabel} value={value} onChange={(e) => onChange(e.target.value as K)}>
        {(Object.keys(labels) as K[]).map((key) => (
          <option key={key} value={key}>
            {labels[key]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The grid-resolution select: side×side cells. */
export function GridResolutionSelect({
  value,
  options,
  onChange,
}: {
  readonly value: number;
  readonly options: readonly number[];
  readonly onChange: (side: number) => void;
}) {
  return (
    <label>
      grid{' '}
      <select aria-label="grid" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((r) => (
          <option key={r} value={r}>
            {r}×{r}
          </option>
        ))}
      </select>
    </label>
  );
}

export const MAX_STEPS = 10000;

/** A labelled number input that only passes on whole numbers in 1…max (empty or invalid reads as 1). */
export function WholeNumberInput({
  label,
  ariaLabel,
  value,
  max,
  width,
  onChange,
}: {
  readonly label: string;
  readonly ariaLabel: string;
  readonly value: number;
  readonly max: number;
  /** CSS width of the input, e.g. "5em". */
  readonly width: string;
  readonly onChange: (value: number) => void;
}) {
  return (
    <label>
      {label}{' '}
      <input
        aria-label={ariaLabel}
        type="number"
        min={1}
        max={max}
        value={value}
        style={{ width }}
        onChange={(e) => onChange(Math.max(1, Math.min(max, Math.round(Number(e.target.value) || 1))))}
      />
    </label>
  );
}

/** The "steps T" input, clamped to whole numbers in 1…MAX_STEPS. */
export function StepsInput({
  value,
  onChange,
}: {
  readonly value: number;
  readonly onChange: (steps: number) => void;
}) {
  return (
    <WholeNumberInput
      label="steps T"
      ariaLabel="steps T"
      value={value}
      max={MAX_STEPS}
      width="5em"
      onChange={onChange}
    />
  );
}

export const TOLERANCES: readonly number[] = [1e-1, 1e-2, 1e-3, 1e-4, 1e-6];

/** The convergence-tolerance select: a run has converged once loss − min ≤ the tolerance. */
export function ToleranceSelect({
  value,
  onChange,
}: {
  readonly value: number;
  readonly onChange: (tolerance: number) => void;
}) {
  return (
    <label>
      tolerance{' '}
      <select aria-label="tolerance" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {TOLERANCES.map((t) => (
          <option key={t} value={t}>
            loss − min ≤ {t}
          </option>
        ))}
      </select>
    </label>
  );
}
