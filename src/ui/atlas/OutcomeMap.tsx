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
import { BatchView, GridResolutionSelect, LabelledChoice, StepsInput, ToleranceSelect } from './BatchView';
import { HeatmapCanvas } from './HeatmapCanvas';
import { hyperparameterSummary } from '../../analysis/hyperparameterText';
import { Legend } from './Legend';
import { MapFrame } from './MapFrame';
import { MapMarkers } from './MapMarkers';
import {
  basinRadius,
  COLOR_BY_LABELS,
  colorOutcomes,
  defaultColorBy,
  findBasins,
  outcomeShares,
  sharedDomain,
  type ColorBy,
  type Coloring,
} from './outcomes';

/** The union of several maps' categorical legends (first color per label); a ramp from the first map. */
function mergeLegends(colorings: readonly Coloring[] | null): Coloring | null {
  const first = colorings?.[0];
  if (!colorings || !first) return null;
  const seen = new Map<string, string>();
  for (const coloring of colorings)
    for (const entry of coloring.legend) if (!seen.has(entry.label)) seen.set(entry.label, entry.color);
  return { ...first, legend: [...seen].map(([label, color]) => ({ label, color })) };
}
import { cellStart, gridStarts, minimumLoss } from '../../analysis/grid';
import { TrajectoryOverlay } from './TrajectoryOverlay';
import { useBatchRun } from './useBatchRun';
import { useMapLayout } from '../hooks/useMapLayout';
import {
  classifySummary,
  classShares,
  colorOutcomeClasses,
  describeShares,
} from '../../analysis/outcomeClasses';
import { LIMITS } from '../../core/limits';
import { SUMMARY, SUMMARY_STRIDE } from '../../engine/types';

export interface OutcomeMapProps {
  /** The explorer's scene (core form: coreScene(store.scene)); its optimizers are the ones mapped. */
  readonly scene: Scene;
  /** The box the grid covers; default: the scene's, else the surface's. */
  readonly viewBox?: ViewBox;
  readonly onPickStart?: (start: [number, number]) => void;
}

const RESOLUTIONS = [64, 128, 256, 512] as const;
const DEFAULTS = { resolution: 128, steps: 500, tolerance: 1e-3 };
const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;

export function OutcomeMap({ scene, viewBox, onPickStart }: OutcomeMapProps) {
  const [choice, setChoice] = useState<number | 'all'>('all');
  const [resolution, setResolution] = useState(DEFAULTS.resolution);
  const [steps, setSteps] = useState(DEFAULTS.steps);
  const [tolerance, setTolerance] = useState(DEFAULTS.tolerance);
  // null: the surface's default coloring (defaultColorBy), until the user picks one.
  const [colorChoice, setColorBy] = useState<ColorBy | null>(null);
  const [hover, setHover] = useState<{ map: number; column: number; row: number } | null>(null);
  const batch = useBatchRun();

  const resolved = useMemo(() => resolveSurface(scene.surface), [scene.surface]);
  const surface = resolved.ok ? resolved.value : null;
  const colorBy = colorChoice ?? (surface ? defaultColorBy(surface) : 'basin');
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
  // Every map's runs in outcome classes: the caption's shares, and the 'outcome' coloring.
  const classified = useMemo(() => {
    if (!results || !surface) return null;
    const starts = gridStarts(box, side);
    return results.map((result) => {
      // Listed minima only: a basin found from end points is named by the Hessian test instead, so one
      // label means one color on every map.
      const listed = surface.criticalPoints.some((p) => p.kind === 'minimum');
      const basins = listed ? findBasins(result.summary, result.count, surface, box) : [];
      const outcomes = classifySummary(
        result.summary,
        result.count,
        starts,
        surface.value,
        {
          gradient: surface.gradient,
          hessian: surface.hessian,
          minima: basins.map((b) => ({ at: b.at, listed: true })),
          nonMinima: surface.criticalPoints.filter((p) => p.kind !== 'minimum').map((p) => p.at),
          radius: basinRadius(box),
          gradientTolerance: 1e-3,
          bound: LIMITS.divergenceBound,
        },
        SUMMARY,
        SUMMARY_STRIDE,
      );
      return { basins, outcomes, shares: classShares(outcomes) };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results, surface]);
  const colorings = useMemo(() => {
    if (!results || !surface || !classified) return null;
    if (colorBy === 'outcome')
      return classified.map(({ basins, outcomes }) =>
        colorOutcomeClasses(
          outcomes,
          basins.map((b) => b.color),
          basins.map((b) => b.label),
        ),
      );
    const domain = sharedDomain(results, colorBy);
    return results.map((result) =>
      colorOutcomes(
        result.summary,
        result.count,
        colorBy,
        findBasins(result.summary, result.count, surface, box),
        box,
        domain,
      ),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results, colorBy, surface, classified]);
  // Side by side, one legend for every color on any of the maps.
  const legend = useMemo(() => mergeLegends(colorings), [colorings]);

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

  const { size: mapSize, columns } = useMapLayout(
    configs.length > 1 ? (configs.length > 4 ? 300 : 340) : 512,
    configs.length,
  );
  if (!surface) return <p role="alert">The surface does not resolve: {resolved.ok ? '' : resolved.error}</p>;
  const start = scene.start ?? surface.defaultStart;
  const xAxis = { label: 'w₁ (start)', domain: box.w1, scale: 'linear' } as const;
  const yAxis = { label: 'w₂ (start)', domain: box.w2, scale: 'linear' } as const;
  const workload = `${(side * side).toLocaleString()} starts × ${configs.length} optimizer${configs.length === 1 ? '' : 's'} × ${steps} steps`;
  // A grid finer than the side-by-side cap is not what the maps show: say so, and how to get it.
  const capped =
    side < resolution
      ? ` (side by side each map is ${side}×${side}; choose one optimizer for ${resolution}×${resolution})`
      : '';

  return (
    <BatchView
      className="outcome-map"
      label="Outcome map"
      title={<>Outcome map — {surface.name}</>}
      batch={batch}
      workload={workload + capped}
      controls={
        <>
          <label>
            optimizer{' '}
            <select
              aria-label="optimizer"
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
          <LabelledChoice
            label="color"
            ariaLabel="color by"
            value={colorBy}
            labels={COLOR_BY_LABELS}
            onChange={setColorBy}
          />
          <GridResolutionSelect value={resolution} options={RESOLUTIONS} onChange={setResolution} />
          <StepsInput value={steps} onChange={setSteps} />
          <ToleranceSelect value={tolerance} onChange={setTolerance} />
        </>
      }
    >
      <p style={{ margin: 0, fontSize: '0.85em' }}>
        Each pixel is a start point (w₁, w₂) over w₁ ∈ [{box.w1[0]}, {box.w1[1]}], w₂ ∈ [{box.w2[0]},{' '}
        {box.w2[1]}]; its color is what {steps} steps of the optimizer did from there —{' '}
        {COLOR_BY_LABELS[colorBy]}
        {colorBy === 'steps' ? ` (loss − min ≤ ${tolerance})` : ''}. × marks a minimum, ○ the explorer&apos;s
        start. Hover for the run, click to start the explorer there.
      </p>
      {legend ? <Legend coloring={legend} /> : null}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${columns}, ${mapSize + 46}px)`,
          gap: '1.25em 1.5em',
        }}
      >
        {configs.map((config, i) => {
          const result = results?.[i];
          const shares = result ? outcomeShares(result.summary, result.count) : null;
          const classes = classified?.[i]?.shares;
          const hasMinimum = surface.criticalPoints.some((p) => p.kind === 'minimum');
          return (
            <figure key={i} style={{ margin: 0 }} data-testid="outcome-figure">
              <figcaption style={{ fontSize: '0.85em', marginLeft: 46, marginBottom: 4 }}>
                <strong>{config.label}</strong>{' '}
                <span style={{ opacity: 0.8 }}>
                  {hyperparameterSummary(config.type, config.hyperparameters)}
                </span>
                {shares ? (
                  <span data-testid="outcome-shares" style={{ display: 'block', opacity: 0.8 }}>
                    {/* "Within tolerance of the lowest minimum" means nothing where no minimum is listed. */}
                    {hasMinimum ? (
                      <>
                        reached the tolerance: {percent(shares.reached)}
                        {Number.isFinite(shares.medianSteps)
                          ? ` (median ${shares.medianSteps} steps)`
                          : ''}{' '}
                        ·{' '}
                      </>
                    ) : null}
                    {classes ? <span data-testid="outcome-classes">{describeShares(classes)}</span> : null}
                  </span>
                ) : (
                  <span style={{ display: 'block', opacity: 0.6 }}>computing…</span>
                )}
              </figcaption>
              <MapFrame size={mapSize} x={xAxis} y={yAxis}>
                <HeatmapCanvas
                  columns={side}
                  rows={side}
                  rgba={colorings?.[i]?.rgba ?? null}
                  size={mapSize}
                  label={`${config.label}: ${COLOR_BY_LABELS[colorBy]} from each start`}
                  onHover={(cell) => setHover(cell ? { map: i, ...cell } : null)}
                  onPick={(cell) => onPickStart?.([...cellStart(box, side, cell.column, cell.row)])}
                  overlay={
                    <>
                      <MapMarkers
                        box={box}
                        size={mapSize}
                        criticalPoints={surface.criticalPoints}
                        start={start}
                      />
                      {hovered && hover?.map === i ? (
                        <TrajectoryOverlay trajectory={hovered} box={box} size={mapSize} />
                      ) : null}
                    </>
                  }
                />
              </MapFrame>
            </figure>
          );
        })}
      </div>
      {hovered ? (
        <p style={{ fontSize: '0.8em', margin: 0 }} data-testid="hover-readout">
          From ({hovered.path[0]!.toFixed(3)}, {hovered.path[1]!.toFixed(3)}): {hovered.steps} steps, final
          loss {hovered.loss[hovered.steps]!.toPrecision(4)}
          {hovered.divergence ? ` — stopped: ${hovered.divergence.reason}` : ''}. Click to start the explorer
          here.
        </p>
      ) : null}
    </BatchView>
  );
}
