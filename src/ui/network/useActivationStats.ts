/**
 * Runs the activation-statistics experiment in a worker whenever its settings change (after a short
 * pause, so dragging a field does not start a run per keystroke). A new setting terminates the running
 * worker; so does Cancel. Layers arrive one by one, so the figure fills in with progress.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { statsTooLarge, type StatsConfig } from '../../core/network';
import type { GradientStats, LayerStats, StatsInputSummary } from '../../nn/activationStats';
import type { StatsWorkerMessage } from '../../nn/statsProtocol';

export type StatsPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'too-large';

export interface ActivationStatsRun {
  readonly config: StatsConfig | null;
  readonly phase: StatsPhase;
  readonly input: StatsInputSummary | null;
  readonly layers: readonly LayerStats[];
  /** The backward pass's per-layer ‖∂L/∂W‖, after the layers. */
  readonly gradients: GradientStats | null;
  readonly milliseconds: number | null;
  readonly message: string | null;
  cancel(): void;
}

const DEBOUNCE_MS = 150;

export function useActivationStats(config: StatsConfig | null): ActivationStatsRun {
  const [phase, setPhase] = useState<StatsPhase>('idle');
  const [input, setInput] = useState<StatsInputSummary | null>(null);
  const [layers, setLayers] = useState<readonly LayerStats[]>([]);
  const [gradients, setGradients] = useState<GradientStats | null>(null);
  const [milliseconds, setMilliseconds] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [ranFor, setRanFor] = useState<StatsConfig | null>(null);
  const workerRef = useRef<Worker | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const key = config ? JSON.stringify(config) : '';

  const stop = useCallback(() => {
    workerRef.current?.terminate();
    workerRef.current = null;
  }, []);

  useEffect(() => {
    if (!config) return;
    const tooLarge = statsTooLarge(config);
    const timer = setTimeout(() => {
      timerRef.current = null;
      stop();
      setRanFor(config);
      setInput(null);
      setLayers([]);
      setGradients(null);
      setMilliseconds(null);
      if (tooLarge) {
        setPhase('too-large');
        setMessage(tooLarge);
        return;
      }
      setPhase('running');
      setMessage(null);
      const worker = new Worker(new URL('../../nn/statsWorker.ts', import.meta.url), { type: 'module' });
      workerRef.current = worker;
      const collected: LayerStats[] = [];
      worker.onmessage = (event: MessageEvent<StatsWorkerMessage>) => {
        const data = event.data;
        if (data.kind === 'input') setInput(data.stats);
        else if (data.kind === 'layer') {
          collected.push(data.stats);
          setLayers(collected.slice());
        } else if (data.kind === 'gradients') setGradients(data.stats);
        else if (data.kind === 'done') {
          setMilliseconds(data.milliseconds);
          setPhase('done');
          stop();
        } else {
          setMessage(data.message);
          setPhase('error');
          stop();
        }
      };
      worker.onerror = (event) => {
        setMessage(event.message || 'the statistics worker failed');
        setPhase('error');
        stop();
      };
      worker.postMessage(config);
    }, DEBOUNCE_MS);
    timerRef.current = timer;
    return () => clearTimeout(timer);
    // The key stands for the config's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, stop]);

  useEffect(() => stop, [stop]);

  const cancel = useCallback(() => {
    // A run waiting out the pause is cancelled before it starts: nothing of the new settings is shown.
    if (timerRef.current !== null) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
      setRanFor(config);
      setInput(null);
      setLayers([]);
      setGradients(null);
    } else if (!workerRef.current) return;
    stop();
    setPhase('cancelled');
    setMessage('cancelled: the layers computed so far are shown');
  }, [stop, config]);

  // Between an edit and the debounced start, what is shown belongs to the old settings: say so.
  const stale = config !== null && ranFor !== null && key !== JSON.stringify(ranFor);
  return {
    config: ranFor,
    phase: stale ? 'running' : phase,
    input,
    layers,
    gradients,
    milliseconds,
    message,
    cancel,
  };
}
