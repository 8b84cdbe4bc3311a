/**
 * The network view's state machine: edit a network scene, load the tfjs engine on first use (a dynamic
 * import, so the analytic explorer never loads tfjs), train every optimizer in full space with live loss,
 * build the slice, evaluate its grid on the backend with progress, and run the core's optimizers on the
 * slice. Re-slicing with unchanged training settings reuses the trained networks.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { runOptimizer, type Trajectory } from '../../core/simulate';
import type { Vec2 } from '../../core/types';
import {
  buildLandscape,
  loadNetworkEngine,
  parseNetworkScene,
  type Landscape,
  type NetworkSceneInput,
  type TrainingResult,
} from '../../nn';
import type { NetworkEngine, SliceGrid, BackendChoice } from '../../nn/tf/engine';

export type Phase = 'idle' | 'loading' | 'training' | 'slicing' | 'done' | 'error';

export interface LiveLoss {
  readonly steps: number[];
  /** Per optimizer, full-data loss at each recorded step. */
  readonly losses: number[][];
}

export interface NetworkLab {
  readonly input: NetworkSceneInput;
  setInput(next: NetworkSceneInput): void;
  readonly errors: readonly string[];
  readonly phase: Phase;
  readonly progress: { readonly label: string; readonly fraction: number };
  readonly backend: BackendChoice | null;
  readonly live: LiveLoss;
  readonly liveTheta: Float64Array | null;
  readonly result: TrainingResult | null;
  readonly landscape: Landscape | null;
  readonly grid: SliceGrid | null;
  readonly sliceRuns: readonly Trajectory[];
  readonly numTensors: number | null;
  readonly message: string | null;
  readonly probe: Vec2;
  setProbe(probe: Vec2): void;
  run(): void;
  cancel(): void;
}

/** What training depends on: not the slice, nor the activation-statistics experiment, lesson or tab. */
function trainingKey(json: object & { slice?: unknown }): string {
  const rest: Record<string, unknown> = { ...json };
  delete rest.slice;
  delete rest.stats;
  delete rest.lesson;
  delete rest.tab;
  delete rest.digits;
  return JSON.stringify(rest);
}

export function useNetworkLab(
  initial: NetworkSceneInput,
  onSceneChange?: (scene: NetworkSceneInput) => void,
): NetworkLab {
  const [input, setInputState] = useState<NetworkSceneInput>(initial);
  const parsed = useMemo(() => parseNetworkScene(input), [input]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState({ label: '', fraction: 0 });
  const [backend, setBackend] = useState<BackendChoice | null>(null);
  const [live, setLive] = useState<LiveLoss>({ steps: [], losses: [] });
  const [liveTheta, setLiveTheta] = useState<Float64Array | null>(null);
  const [result, setResult] = useState<TrainingResult | null>(null);
  const [landscape, setLandscape] = useState<Landscape | null>(null);
  const [grid, setGrid] = useState<SliceGrid | null>(null);
  const [sliceRuns, setSliceRuns] = useState<readonly Trajectory[]>([]);
  const [numTensors, setNumTensors] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [probe, setProbe] = useState<Vec2>([0, 0]);
  const engineRef = useRef<Promise<NetworkEngine> | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const resultRef = useRef<TrainingResult | null>(null);
  const onChangeRef = useRef(onSceneChange);
  useEffect(() => {
    onChangeRef.current = onSceneChange;
  }, [onSceneChange]);
  useEffect(() => () => abortRef.current?.abort(), []);

  const setInput = useCallback((next: NetworkSceneInput) => {
    setInputState(next);
    onChangeRef.current?.(next);
  }, []);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  const run = useCallback(() => {
    if (!parsed.ok) return;
    const scene = parsed.value;
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const { signal } = controller;
    void (async () => {
      try {
        setMessage(null);
        if (!engineRef.current) {
          setPhase('loading');
          setProgress({ label: 'loading tfjs…', fraction: 0 });
          engineRef.current = loadNetworkEngine().then((module) => module.createNetworkEngine());
        }
        const engine = await engineRef.current;
        setBackend(engine.backend);
        let trained = resultRef.current;
        if (!trained || trainingKey(trained.scene.json) !== trainingKey(scene.json)) {
          setPhase('training');
          setGrid(null);
          setLandscape(null);
          setSliceRuns([]);
          const steps: number[] = [0];
          const losses: number[][] = scene.optimizers.map(() => []);
          setLive({ steps: [], losses: [] });
          trained = await engine.train(scene, {
            signal,
            onProgress: (p) => {
              steps.push(p.step);
              p.losses.forEach((loss, k) => losses[k]!.push(loss));
              setLive({ steps: steps.slice(1), losses: losses.map((curve) => curve.slice()) });
              setLiveTheta(p.reference);
              setProgress({ label: `training ${p.step}/${p.steps}`, fraction: p.step / p.steps });
            },
          });
        } else {
          trained = { ...trained, scene };
        }
        resultRef.current = trained;
        setResult(trained);
        const built = buildLandscape(trained);
        setLandscape(built);
        setProbe([0, 0]);
        setPhase('slicing');
        const resolution = scene.slice.resolution;
        setProgress({ label: `slice ${resolution}×${resolution}`, fraction: 0 });
        const sliced = await engine.sliceGrid(built.surface, trained, resolution, {
          signal,
          onProgress: (fraction) => setProgress({ label: `slice ${resolution}×${resolution}`, fraction }),
        });
        setGrid(sliced);
        // The core's optimizers on the slice, from the same start: a surface like any other.
        setSliceRuns(
          scene.optimizers.map((config, k) =>
            runOptimizer(built.surface, config, built.surface.defaultStart, scene.steps, scene.seed, k),
          ),
        );
        setNumTensors(engine.memory().numTensors);
        setProgress({ label: 'done', fraction: 1 });
        setPhase('done');
      } catch (error) {
        if (signal.aborted) {
          setPhase(resultRef.current ? 'done' : 'idle');
          setMessage('cancelled');
          return;
        }
        setPhase('error');
        setMessage(error instanceof Error ? error.message : String(error));
      }
    })();
  }, [parsed]);

  return {
    input,
    setInput,
    errors: parsed.ok ? [] : parsed.errors,
    phase,
    progress,
    backend,
    live,
    liveTheta,
    result,
    landscape,
    grid,
    sliceRuns,
    numTensors,
    message,
    probe,
    setProbe,
    run,
    cancel,
  };
}
