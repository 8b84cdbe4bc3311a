/**
 * Runs a list of batches on the shared engine with progress and cancel; a new run cancels the previous.
 * Results arrive together when every batch is done (maps are drawn from complete data). Unmounting cancels
 * the run and, when no other batch view is mounted, lets the engine free its workers and GPU buffers.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchRequest, BatchResult } from '../../engine/types';
import { retainEngine, useEngineStore } from './engineStore';

export interface BatchRunState {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /** 0..1 over all batches of the run. */
  readonly progress: number;
  readonly results: readonly BatchResult[] | null;
  readonly error: string | null;
  readonly ms: number;
}

const IDLE: BatchRunState = { status: 'idle', progress: 0, results: null, error: null, ms: 0 };

export function useBatchRun(): BatchRunState & {
  run(requests: readonly BatchRequest[]): void;
  cancel(): void;
} {
  const [state, setState] = useState<BatchRunState>(IDLE);
  const controller = useRef<AbortController | null>(null);
  const start = useEngineStore((s) => s.start);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const run = useCallback(
    (requests: readonly BatchRequest[]) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const total = requests.reduce((sum, r) => sum + r.count * Math.max(1, r.steps), 0);
      setState((s) => ({ ...s, status: 'running', progress: 0, error: null }));
      void (async () => {
        const started = performance.now();
        const engine = await start();
        const results: BatchResult[] = [];
        let before = 0;
        try {
          for (const request of requests) {
            const result = await engine.run(request, {
              signal: abort.signal,
              onProgress: (done) => {
                if (!abort.signal.aborted)
                  setState((s) => ({ ...s, progress: (before + done) / Math.max(1, total) }));
              },
            });
            before += request.count * Math.max(1, request.steps);
            results.push(result);
          }
          if (!abort.signal.aborted)
            setState({ status: 'done', progress: 1, results, error: null, ms: performance.now() - started });
        } catch (error) {
          // A run superseded by a newer one stays silent: only the current run may report.
          if (controller.current !== abort) return;
          if (abort.signal.aborted) setState((s) => ({ ...s, status: 'cancelled' }));
          else
            setState((s) => ({
              ...s,
              status: 'error',
              error: error instanceof Error ? error.message : String(error),
            }));
        }
      })();
    },
    [start],
  );

  useEffect(() => {
    const release = retainEngine();
    return () => {
      controller.current?.abort();
      release();
    };
  }, []);
  return { ...state, run, cancel };
}
