/**
 * Crowds: hundreds to thousands of particles for one optimizer of the scene (or each, as small
 * multiples), started on a ring, a seeded cloud or a line around a center, or all from one point with
 * different gradient-noise seeds (lecture 003: noisy minibatch gradients) — computed on the batch engine
 * with sampled trajectories and played back together over the explorer's contours.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { resolveSurface } from '../../core/resolveSurface';
import type { OptimizerConfig, Scene } from '../../core/scene';
import { runOptimizer } from '../../core/simulate';
import type { Vec2 } from '../../core/types';
import { SUMMARY, SUMMARY_STRIDE } from '../../engine/types';
import { EngineStatus } from '../atlas/EngineStatus';
import { minimumLoss } from '../../analysis/grid';
import { formatValue, hyperparameterSummary } from '../../analysis/hyperparameterText';
import { useBatchRun } from '../atlas/useBatchRun';
import { useDocumentTop } from '../hooks/useDocumentTop';
import { useElementSize } from '../hooks/useElementSize';
import { useWindowHeight } from '../hooks/useWindowHeight';
import { fitBox, MARGIN } from '../surface/geometry';
import { runStyle } from '../theme/palette';
import { useIsDark } from '../theme/useTheme';
import { ALL, CrowdControls, type CrowdControlsValue } from './CrowdControls';
import { crowdTally, divergedMask, meanPath, spreadAt } from '../../analysis/crowdFrames';
import { CROWD_MODES, crowdRequest, sampleEveryFor } from '../../analysis/crowdRequest';
import { CrowdLegend } from './CrowdLegend';
import { CrowdPanel } from './CrowdPanel';
import { CrowdPlaybackBar } from './CrowdPlaybackBar';
import { useCrowdPlayback } from './useCrowdPlayback';

export interface CrowdEntry {
  readonly config: OptimizerConfig;
  /** The explorer's styling slot, so an optimizer keeps its color here. */
  readonly slot: number;
}

const TOLERANCE = 1e-3;

export function CrowdLab({
  scene,
  entries,
}: {
  readonly scene: Scene;
  readonly entries: readonly CrowdEntry[];
}) {
  const resolved = useMemo(() => resolveSurface(scene.surface), [scene.surface]);
  const surface = resolved.ok ? resolved.value : null;
  const sceneBox = scene.viewBox ?? surface?.viewBox ?? { w1: [-1, 1], w2: [-1, 1] };
  const span = Math.min(sceneBox.w1[1] - sceneBox.w1[0], sceneBox.w2[1] - sceneBox.w2[0]);
  const firstNoise = entries[0]?.config.noise ?? 0;
  const [value, setValue] = useState<CrowdControlsValue>(() => ({
    mode: 'ring',
    choice: 0,
    count: 500,
    spread: Number((span * 0.15).toPrecision(2)),
    noise: firstNoise > 0 ? firstNoise : 1,
    steps: scene.steps,
  }));
  const [picked, setPicked] = useState<Vec2 | null>(null);
  const [speed, setSpeed] = useState(1);
  const dark = useIsDark();
  const wrapRef = useRef<HTMLDivElement>(null);
  const { width: available } = useElementSize(wrapRef);
  const windowHeight = useWindowHeight();
  const top = useDocumentTop(wrapRef);
  const batch = useBatchRun();

  const center: Vec2 = picked ?? scene.start ?? surface?.defaultStart ?? [0, 0];
  const choice = value.choice === ALL || value.choice < entries.length ? value.choice : 0;
  const chosen = choice === ALL ? entries : entries.slice(choice, choice + 1);
  const lossTarget = (surface ? minimumLoss(surface) : 0) + TOLERANCE;
  const every = sampleEveryFor(value.steps);
  const setting = {
    surface: scene.surface,
    mode: value.mode,
    center,
    spread: value.spread,
    count: value.count,
    steps: value.steps,
    seed: scene.seed,
    noise: value.noise,
    lossTarget,
  };
  const requestKey = JSON.stringify([setting, chosen.map((e) => e.config)]);
  const requests = useMemo(
    () => (surface ? chosen.map((entry) => crowdRequest(entry.config, setting)) : []),
    [requestKey, surface], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const { run } = batch;
  useEffect(() => {
    if (requests.length > 0) run(requests);
  }, [requests, run]);

  const results = batch.status === 'done' && batch.results?.length === requests.length ? batch.results : null;
  const crowds = useMemo(() => {
    if (!results || !surface) return null;
    return results.map((result, i) => {
      const entry = chosen[i]!;
      const samples = result.sampleCount;
      const diverged = divergedMask(result.summary, result.count);
      const stopFrame = Float32Array.from({ length: result.count }, (_, p) =>
        diverged[p]
          ? result.summary[p * SUMMARY_STRIDE + SUMMARY.divergedStep]! / every
          : Number.POSITIVE_INFINITY,
      );
      const noise = value.mode === 'noise';
      const mean = noise ? meanPath(result.trajectories, result.count, samples, diverged) : null;
      // The same optimizer without gradient noise, recorded at the same steps: where the mean "should" go.
      let reference: Float64Array | null = null;
      if (noise) {
        const clean = runOptimizer(
          surface,
          { ...entry.config, noise: 0 },
          center,
          value.steps,
          scene.seed,
          0,
        );
        reference = Float64Array.from({ length: 2 * samples }, (_, k) => {
          const step = Math.min(clean.steps, Math.floor(k / 2) * every);
          return clean.path[2 * step + (k % 2)]!;
        });
      }
      return {
        entry,
        result,
        samples,
        diverged,
        stopFrame,
        mean,
        reference,
        tally: crowdTally(result.summary, result.count),
      };
    });
  }, [results]); // eslint-disable-line react-hooks/exhaustive-deps

  const frames = crowds?.[0]?.samples ?? 0;
  const playback = useCrowdPlayback(crowds ? requestKey : '', frames, speed);

  if (!surface) return <p role="alert">The surface does not resolve: {resolved.ok ? '' : resolved.error}</p>;
  if (entries.length === 0)
    return <p role="alert">Enable an optimizer in the explorer to watch a crowd of it.</p>;

  const legendOf = (crowd: NonNullable<typeof crowds>[number], color: string, spread: number | null) => ({
    color,
    dark,
    noise: value.mode === 'noise',
    tally: crowd.tally,
    spread,
    tolerance: TOLERANCE,
    engine: crowd.result.engine,
    step: Math.min(value.steps, Math.round(playback.frame * every)),
  });
  const minima = surface.criticalPoints.filter((p) => p.kind === 'minimum').map((p) => p.at);
  const panels = Math.max(1, chosen.length);
  const columns = Math.min(panels, 3);
  const gap = 16;
  const usable =
    Math.max(240, (available || 900) - (columns - 1) * gap) / columns - MARGIN.left - MARGIN.right;
  const ratio = (sceneBox.w2[1] - sceneBox.w2[0]) / (sceneBox.w1[1] - sceneBox.w1[0]);
  const width = Math.round(Math.min(panels === 1 ? usable - 300 : usable, panels === 1 ? 820 : 460));
  // One figure fits the window below the controls (title, axes, playback and caption take ~150 px).
  const rows = Math.ceil(panels / columns);
  const fitHeight = (windowHeight - top) / rows - MARGIN.top - MARGIN.bottom - (panels === 1 ? 150 : 70);
  const height = Math.round(Math.max(200, Math.min(width * ratio, panels === 1 ? 640 : 380, fitHeight)));
  const box = fitBox(sceneBox, width, height);
  const sample = Math.min(Math.max(0, frames - 1), Math.floor(playback.frame));
  const total = value.count * chosen.length;
  const countLabel =
    chosen.length > 1
      ? `${value.count.toLocaleString()} particles × ${chosen.length} optimizers`
      : `${value.count.toLocaleString()} particles`;
  const modeText =
    value.mode === 'noise'
      ? `all from (${formatValue(center[0])}, ${formatValue(center[1])}), ${value.count.toLocaleString()} gradient-noise seeds, σ = ${value.noise}`
      : `${CROWD_MODES[value.mode]} around (${formatValue(center[0])}, ${formatValue(center[1])}), ${value.mode === 'ring' ? 'radius' : value.mode === 'cloud' ? '2σ' : 'half-width'} ${value.spread}`;

  return (
    <section
      className="crowd"
      aria-label="Crowds"
      data-status={batch.status}
      data-mode={value.mode}
      data-frame={sample}
      style={{ display: 'grid', gap: '0.6em', padding: '0.75em' }}
    >
      <header style={{ display: 'flex', flexWrap: 'wrap', gap: '1em', alignItems: 'baseline' }}>
        <strong>Crowds — {surface.name}</strong>
        <span data-testid="crowd-count" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {countLabel}
        </span>
      </header>
      <CrowdControls
        value={{ ...value, choice }}
        labels={entries.map((e) => e.config.label)}
        onChange={(patch) => setValue((v) => ({ ...v, ...patch }))}
      />
      <EngineStatus
        run={batch}
        onCancel={batch.cancel}
        workload={`${total.toLocaleString()} particles × ${value.steps} steps, every ${every === 1 ? 'step' : `${every}th step`} recorded`}
      />
      <div ref={wrapRef} style={{ display: 'flex', flexWrap: 'wrap', gap, alignItems: 'flex-start' }}>
        {chosen.map((entry, i) => {
          const crowd = crowds?.[i];
          const color = runStyle(entry.slot, dark).color;
          const spread =
            crowd?.mean && crowd.samples > 0
              ? spreadAt(
                  crowd.result.trajectories,
                  crowd.result.count,
                  crowd.samples,
                  sample,
                  crowd.mean,
                  crowd.diverged,
                )
              : null;
          return (
            <div
              key={i}
              style={
                panels === 1
                  ? { display: 'flex', gap: '1.5em', alignItems: 'flex-start' }
                  : { display: 'grid', gap: '0.2em', width: width + MARGIN.left + MARGIN.right }
              }
            >
              <CrowdPanel
                surface={surface}
                box={box}
                width={width}
                height={height}
                title={`${entry.config.label} (${hyperparameterSummary(entry.config.type, entry.config.hyperparameters)})${value.mode === 'noise' ? ` · gradient noise σ = ${value.noise}` : ''}`}
                optimizerType={`${entry.config.type}-${i}`}
                onPick={setPicked}
                frame={
                  crowd
                    ? {
                        trajectories: crowd.result.trajectories,
                        count: crowd.result.count,
                        samples: crowd.samples,
                        frame: playback.frame,
                        stopFrame: crowd.stopFrame,
                        color,
                        mean: crowd.mean,
                        reference: crowd.reference,
                        dark,
                        minima,
                      }
                    : null
                }
              />
              {crowd && panels === 1 ? (
                <div style={{ paddingTop: '2.2em' }}>
                  <CrowdLegend {...legendOf(crowd, color, spread)} compact={false} />
                </div>
              ) : null}
              {crowd && panels > 1 ? (
                <div style={{ paddingLeft: MARGIN.left }}>
                  <CrowdLegend {...legendOf(crowd, color, spread)} compact />
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
      <CrowdPlaybackBar
        playback={playback}
        frames={frames}
        stepsPerFrame={every}
        steps={value.steps}
        speed={speed}
        onSpeed={setSpeed}
      />
      <p style={{ margin: 0, fontSize: '0.85em', maxWidth: '70em' }}>
        {modeText}; {value.steps} steps each. Dots are particles with a short fading tail; hollow red dots
        diverged.
        {value.mode === 'noise'
          ? ' The black line is the ensemble’s mean path, the dashed line the same optimizer without noise (full-batch gradient).'
          : ''}{' '}
        Click the plot to move the center.
      </p>
    </section>
  );
}
