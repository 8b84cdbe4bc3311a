/**
 * Outcome map: every start point of a grid over the view runs T steps at once (one batch per optimizer)
 * and each pixel shows what became of it — the minimum it reached, its final loss, its steps to
 * tolerance, or that it diverged. Hover a pixel for that run's trajectory (CPU, float64, from the core);
 * click to use it as the scene's start.
 */
import { useEffect, useMemo, useState } from 'react';
import { resolveSurface } from '../../core/resolveSurface';
import type { OptimizerConfig, Scene } from '../../core/scene';
import { runOptimizer } from '../../core/simulate';
import type { ViewBox } from '../../core/types';
import { particleHyperparameters } from '../../engine/layout';
import type { BatchRequest } from '../../engine/types';
import { EngineStatus } from './EngineStatus';
import { HeatmapCanvas } from './HeatmapCanvas';
import { Legend } from './Legend';
import { COLOR_BY_LABELS, colorOutcomes, findBasins, type ColorBy } from './outcomes';
import { cellStart, gridStarts, minimumLoss } from './grid';
import { TrajectoryOverlay } from './TrajectoryOverlay';
import { useBatchRun } from './useBatchRun';

export interface OutcomeMapProps {
  /** The explorer's scene (core form: coreScene(store.scene)); its optimizers are the ones mapped. */
  readonly scene: Scene;
  /** The box the grid covers; default: the scene's, else the surface's. */
  readonly viewBox?: ViewBox;
  readonly onPickStart?: (start: [number, number]) => void;
}

const RESOLUTIONS = [64, 128, 256, 512] as const;
const DEFAULTS = { resolution: 128, steps: 500, tolerance: 1e-3, colorBy: 'basin' as ColorBy };

export function OutcomeMap({ scene, viewBox, onPickStart }: OutcomeMapProps) {
  const [choice, setChoice] = useState<number | 'all'>('all');
  const [resolution, setResolution] = useState(DEFAULTS.resolution);
  const [steps, setSteps] = useState(DEFAULTS.steps);
  const [tolerance, setTolerance] = useState(DEFAULTS.tolerance);
  const [colorBy, setColorBy] = useState<ColorBy>(DEFAULTS.colorBy);
  const [hover, setHover] = useState<{ map: number; column: number; row: number } | null>(null);
  const batch = useBatchRun();

  const resolved = useMemo(() => resolveSurface(scene.surface), [scene.surface]);
  const surface = resolved.ok ? resolved.value : null;
  const box = viewBox ?? scene.viewBox ?? surface?.viewBox ?? { w1: [-1, 1], w2: [-1, 1] };
  const configs: readonly OptimizerConfig[] =
    choice === 'all' ? scene.optimizers : scene.optimizers.slice(choice, choice + 1);
  // Side by side, each small map gets a coarser grid so the whole set costs about one full map.
  const side = choice === 'all' && configs.length > 1 ? Math.min(resolution, 128) : resolution;
  const lossTarget = surface ? minimumLoss(surface) + tolerance : tolerance;

  // Scenes arrive as fresh objects on every store update: recompute only when their content changes.
  const boxKey = JSON.stringify(box);
  const configsKey = JSON.stringify(configs);
  const requests = useMemo((): BatchRequest[] => {
    if (!surface) return [];
    const starts = gridStarts(box, side);
    return configs.map((config) => ({
      surface: scene.surface,
      optimizerType: config.type,
      count: side * side,
      starts,
      hyperparameters: particleHyperparameters(config.type, config.hyperparameters, side * side),
      steps,
      seed: scene.seed,
      schedule: config.schedule,
      clip: config.clip,
      noise: config.noise,
      lossTarget,
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [surface, boxKey, side, configsKey, steps, scene.seed, lossTarget]);

  const { run } = batch;
  useEffect(() => {
    if (requests.length > 0) run(requests);
  }, [requests, run]);

  const results = batch.results && batch.results.length === requests.length ? batch.results : null;
  const colorings = useMemo(() => {
    if (!results || !surface) return null;
    return results.map((result) =>
      colorOutcomes(
        result.summary,
        result.count,
        colorBy,
        findBasins(result.summary, result.count, surface, box),
        box,
      ),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results, colorBy, surface]);

  const hovered = useMemo(() => {
    if (!hover || !surface) return null;
    const config = configs[hover.map];
    if (!config) return null;
    return runOptimizer(
      surface,
      config,
      cellStart(box, side, hover.column, hover.row),
      steps,
      scene.seed,
      hover.row * side + hover.column,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hover, surface, side, steps, scene.seed]);

  if (!surface) return <p role="alert">The surface does not resolve: {resolved.ok ? '' : resolved.error}</p>;
  const mapSize =
    configs.length > 1
      ? Math.max(160, Math.min(320, Math.floor(960 / Math.min(configs.length, 3)) - 16))
      : 512;
  const workload = `${(side * side).toLocaleString()} starts × ${configs.length} optimizer${configs.length === 1 ? '' : 's'} × ${steps} steps`;

  return (
    <section
      className="outcome-map"
      aria-label="Outcome map"
      style={{ display: 'grid', gap: '0.6em', padding: '0.75em' }}
    >
      <header style={{ display: 'flex', flexWrap: 'wrap', gap: '1em', alignItems: 'center' }}>
        <strong>Outcome map — {surface.name}</strong>
        <label>
          optimizer{' '}
          <select
            value={String(choice)}
            onChange={(e) => setChoice(e.target.value === 'all' ? 'all' : Number(e.target.value))}
          >
            <option value="all">all, side by side</option>
            {scene.optimizers.map((config, i) => (
              <option key={i} value={i}>
                {config.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          color{' '}
          <select value={colorBy} onChange={(e) => setColorBy(e.target.value as ColorBy)}>
            {(Object.keys(COLOR_BY_LABELS) as ColorBy[]).map((key) => (
              <option key={key} value={key}>
                {COLOR_BY_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
        <label>
          grid{' '}
          <select value={resolution} onChange={(e) => setResolution(Number(e.target.value))}>
            {RESOLUTIONS.map((r) => (
              <option key={r} value={r}>
                {r}×{r}
              </option>
            ))}
          </select>
        </label>
        <label>
          steps T{' '}
          <input
            type="number"
            min={1}
            max={10000}
            value={steps}
            style={{ width: '5em' }}
            onChange={(e) => setSteps(Math.max(1, Math.min(10000, Math.round(Number(e.target.value) || 1))))}
          />
        </label>
        <label>
          tolerance{' '}
          <select value={tolerance} onChange={(e) => setTolerance(Number(e.target.value))}>
            {[1e-1, 1e-2, 1e-3, 1e-4, 1e-6].map((t) => (
              <option key={t} value={t}>
                loss − min ≤ {t}
              </option>
            ))}
          </select>
        </label>
      </header>
      <EngineStatus run={batch} onCancel={batch.cancel} workload={workload} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1em' }}>
        {configs.map((config, i) => (
          <figure key={i} style={{ margin: 0 }}>
            <HeatmapCanvas
              columns={side}
              rows={side}
              rgba={colorings?.[i]?.rgba ?? null}
              size={mapSize}
              label={`${config.label}: ${COLOR_BY_LABELS[colorBy]} from each start`}
              onHover={(cell) => setHover(cell ? { map: i, ...cell } : null)}
              onPick={(cell) => onPickStart?.([...cellStart(box, side, cell.column, cell.row)])}
              overlay={
                hovered && hover?.map === i ? (
                  <TrajectoryOverlay trajectory={hovered} box={box} size={mapSize} />
                ) : null
              }
            />
            <figcaption style={{ fontSize: '0.8em' }}>
              {config.label} · {steps} steps from each of {side}×{side} starts over w1 ∈ [{box.w1[0]},{' '}
              {box.w1[1]}], w2 ∈ [{box.w2[0]}, {box.w2[1]}]
            </figcaption>
          </figure>
        ))}
      </div>
      {colorings?.[0] ? <Legend coloring={colorings[0]} /> : null}
      {hovered ? (
        <p style={{ fontSize: '0.8em', margin: 0 }}>
          From ({hovered.path[0]!.toFixed(3)}, {hovered.path[1]!.toFixed(3)}): {hovered.steps} steps, final
          loss {hovered.loss[hovered.steps]!.toPrecision(4)}
          {hovered.divergence ? ` — stopped: ${hovered.divergence.reason}` : ''}. Click to start the explorer
          here.
        </p>
      ) : null}
    </section>
  );
}
