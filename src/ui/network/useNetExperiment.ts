/**
 * Trains the chosen deep-net experiment in a worker whenever its settings change (after a short pause);
 * a new setting or Cancel terminates the running worker. Nets arrive one by one with progress between.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { experimentTooLarge, type ExperimentConfig } from '../../core/trainingExperiments';
import type { ExperimentWorkerMessage } from '../../nn/experimentProtocol';
import type { ExperimentNetRun } from '../../nn/trainingExperiments';

export type ExperimentPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'too-large';

export interface NetExperimentRun {
  /** The settings the runs shown belong to. */
  readonly config: ExperimentConfig | null;
  readonly phase: ExperimentPhase;
  readonly runs: readonly ExperimentNetRun[];
  readonly progress: { readonly fraction: number; readonly label: string };
  readonly milliseconds: number | null;
  readonly message: string | null;
  cancel(): void;
}

const DEBOUNCE_MS = 200;

export function useNetExperiment(config: ExperimentConfig | null): NetExperimentRun {
  const [phase, setPhase] = useState<ExperimentPhase>('idle');
  const [runs, setRuns] = useState<readonly ExperimentNetRun[]>([]);
  const [progress, setProgress] = useState({ fraction: 0, label: '' });
  const [milliseconds, setMilliseconds] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [ranFor, setRanFor] = useState<ExperimentConfig | null>(null);
  const workerRef = useRef<Worker | null>(null);
  const key = config ? JSON.stringify(config) : '';

  const stop = useCallback(() => {
    workerRef.current?.terminate();
    workerRef.current = null;
  }, []);

  useEffect(() => {
    if (!config || config.kind === 'preprocessing') {
      stop();
      return;
    }
    const timer = setTimeout(() => {
      stop();
      setRanFor(config);
      setRuns([]);
      setMilliseconds(null);
      setProgress({ fraction: 0, label: 'starting' });
      const tooLarge = experimentTooLarge(config);
      if (tooLarge) {
        setPhase('too-large');
        setMessage(tooLarge);
        return;
      }
      setPhase('running');
      setMessage(null);
      const worker = new Worker(new URL('../../nn/experimentWorker.ts', import.meta.url), { type: 'module' });
      workerRef.current = worker;
      const collected: ExperimentNetRun[] = [];
      worker.onmessage = (event: MessageEvent<ExperimentWorkerMessage>) => {
        const data = event.data;
        if (data.kind === 'progress') setProgress({ fraction: data.fraction, label: data.label });
        else if (data.kind === 'run') {
          collected.push(data.run);
          setRuns(collected.slice());
        } else if (data.kind === 'done') {
          setMilliseconds(data.milliseconds);
          setProgress({ fraction: 1, label: 'done' });
          setPhase('done');
          stop();
        } else {
          setMessage(data.message);
          setPhase('error');
          stop();
        }
      };
      worker.onerror = (event) => {
        setMessage(event.message || 'the experiment worker failed');
        setPhase('error');
        stop();
      };
      worker.postMessage(config);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The key stands for the config's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, stop]);

  useEffect(() => stop, [stop]);

  const cancel = useCallback(() => {
    if (!workerRef.current) return;
    stop();
    setPhase('cancelled');
    setMessage('cancelled: the nets trained so far are shown');
  }, [stop]);

  const stale = config !== null && ranFor !== null && key !== JSON.stringify(ranFor);
  return { config: ranFor, phase: stale ? 'running' : phase, runs, progress, milliseconds, message, cancel };
}
