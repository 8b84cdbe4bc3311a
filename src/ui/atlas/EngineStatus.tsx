/** Which engine runs, progress, a cancel button and the CPU-fallback notice: the same strip on every GPU view. */
import type { BatchRunState } from './useBatchRun';
import { useEngineStore } from './engineStore';

export interface EngineStatusProps {
  readonly run: BatchRunState;
  readonly onCancel: () => void;
  /** What the run computes, e.g. "65,536 starts × 3 optimizers × 500 steps". */
  readonly workload: string;
}

export function EngineStatus({ run, onCancel, workload }: EngineStatusProps) {
  const name = useEngineStore((s) => s.name);
  const notice = useEngineStore((s) => s.notice);
  return (
    <div
      className="engine-status"
      role="status"
      aria-live="polite"
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75em', alignItems: 'center', fontSize: '0.85em' }}
    >
      <span data-testid="engine-name">Engine: {name}</span>
      <span>{workload}</span>
      {run.status === 'running' ? (
        <>
          <progress max={1} value={run.progress} aria-label="progress" />
          <span>{Math.round(run.progress * 100)}%</span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      ) : null}
      {run.status === 'done' ? <span>done in {(run.ms / 1000).toFixed(2)} s</span> : null}
      {run.status === 'cancelled' ? <span>cancelled</span> : null}
      {run.status === 'error' ? <span role="alert">error: {run.error}</span> : null}
      {notice ? (
        <span
          role="note"
          data-testid="engine-notice"
          style={{ padding: '0.1em 0.5em', border: '1px solid #d97706', borderRadius: 4, color: '#b45309' }}
        >
          {notice}
        </span>
      ) : null}
    </div>
  );
}
