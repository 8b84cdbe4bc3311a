/**
 * Hyperparameter sweep: for one optimizer of the scene, a grid over two hyperparameters (learning rate ×
 * its partner), every cell run from the scene's start on the batch engine, colored by final loss or steps
 * to tolerance. Hover a cell for its trajectory (CPU, float64), click to use that setting in the
 * explorer. The "Is Adam robust?" preset puts SGD's lr × μ map beside Adam's lr × β₂ map on one scale.
 */
import { useEffect, useMemo, useState } from 'react';
import { resolveSurface } from '../../core/resolveSurface';
import { resolveOptimizer, type OptimizerConfig, type Scene } from '../../core/scene';
import { runOptimizer } from '../../core/simulate';
import type { Hyperparameters } from '../../core/types';
import { ContourThumb } from '../atlas/ContourThumb';
import { BatchView, GridResolutionSelect, LabelledChoice, StepsInput } from '../atlas/BatchView';
import { minimumLoss } from '../../analysis/grid';
import { formatValue } from '../../analysis/hyperparameterText';
import { Legend } from '../atlas/Legend';
import { colorOutcomes, outcomeShares, sharedDomain } from '../atlas/outcomes';
import { useBatchRun } from '../atlas/useBatchRun';
import {
  axisFor,
  axisValues,
  columnSymbol,
  columnValue,
  defaultAxes,
  sweepableColumns,
  tidyValue,
} from '../../analysis/sweepAxes';
import {
  cellHyperparameters,
  cellOutcome,
  describeOutcome,
  sweepRequest,
  type SweepPlan,
} from '../../analysis/sweepRequests';
import { SweepFigure, type Cell } from './SweepFigure';
import { useMapLayout } from '../hooks/useMapLayout';

export interface SweepEntry {
  /** The explorer's optimizer id; null for one the preset brings that the scene lacks. */
  readonly id: string | null;
  readonly config: OptimizerConfig;
}

export interface HyperparameterSweepProps {
  readonly scene: Scene;
  readonly entries: readonly SweepEntry[];
  readonly onApply: (entry: SweepEntry, hyperparameters: Hyperparameters) => void;
}

type Objective = 'loss' | 'steps';
const OBJECTIVES: Record<Objective, string> = { loss: 'final loss', steps: 'steps to tolerance' };
const RESOLUTIONS = [16, 32, 64, 128, 256] as const;
const DEFAULTS = { resolution: 64, tolerance: 1e-3 };

/** The scene's first optimizer of a type, else a fresh one with torch.optim's defaults. */
function entryOfType(entries: readonly SweepEntry[], type: string): SweepEntry {
  return entries.find((e) => e.config.type === type) ?? { id: null, config: resolveOptimizer({ type }) };
}

export function HyperparameterSweep({ scene, entries, onApply }: HyperparameterSweepProps) {
  const [preset, setPreset] = useState<'single' | 'robustness'>('single');
  const [choice, setChoice] = useState(0);
  const [yColumn, setYColumn] = useState<string | null>(null);
  const [side, setSide] = useState(DEFAULTS.resolution);
  const [objective, setObjective] = useState<Objective>('loss');
  const [steps, setSteps] = useState(scene.steps);
  const [hover, setHover] = useState<({ map: number } & Cell) | null>(null);
  const batch = useBatchRun();

  const resolved = useMemo(() => resolveSurface(scene.surface), [scene.surface]);
  const surface = resolved.ok ? resolved.value : null;
  const start = scene.start ?? surface?.defaultStart ?? [0, 0];
  const box = scene.viewBox ?? surface?.viewBox ?? { w1: [-1, 1], w2: [-1, 1] };
  const lossTarget = (surface ? minimumLoss(surface) : 0) + DEFAULTS.tolerance;

  const chosen: readonly SweepEntry[] =
    preset === 'robustness'
      ? [entryOfType(entries, 'SGD'), entryOfType(entries, 'Adam')]
      : entries.slice(choice, choice + 1);
  const plans: SweepPlan[] = chosen.map((entry) => {
    const axes = defaultAxes(entry.config.type);
    const y = preset === 'single' && yColumn ? axisFor(entry.config.type, yColumn) : axes.y;
    return { config: entry.config, x: axes.x, y };
  });

  const plansKey = JSON.stringify(plans);
  const { size: mapSize } = useMapLayout(plans.length > 1 ? 400 : 480, plans.length);
  const startKey = JSON.stringify(start);
  const requests = useMemo(
    () =>
      surface
        ? plans.map((plan) =>
            sweepRequest(plan, { surface: scene.surface, start, steps, seed: scene.seed, lossTarget, side }),
          )
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [surface, plansKey, startKey, steps, scene.seed, lossTarget, side],
  );
  const { run } = batch;
  useEffect(() => {
    if (requests.length > 0) run(requests);
  }, [requests, run]);

  const results = batch.results && batch.results.length === requests.length ? batch.results : null;
  const colorings = useMemo(() => {
    if (!results) return null;
    const shared = sharedDomain(results, objective);
    // A run that ends above 10× its start loss is as bad as diverging: don't let it stretch the scale.
    const startLoss = surface ? surface.value(start[0], start[1]) : Infinity;
    const domain =
      shared && objective === 'loss' && startLoss > shared[0]
        ? ([shared[0], Math.min(shared[1], 10 * startLoss)] as const)
        : shared;
    return results.map((r) => colorOutcomes(r.summary, r.count, objective, [], box, domain));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results, objective, surface, startKey]);

  const hovered = useMemo(() => {
    const plan = hover ? plans[hover.map] : undefined;
    if (!hover || !plan || !surface) return null;
    const xValue = axisValues(plan.x, side)[hover.column]!;
    const yValue = axisValues(plan.y, side)[hover.row]!;
    const config = { ...plan.config, hyperparameters: cellHyperparameters(plan, xValue, yValue) };
    const trajectory = runOptimizer(surface, config, start, steps, scene.seed, 0);
    const summary = results?.[hover.map]?.summary;
    const outcome = summary ? cellOutcome(summary, hover.row * side + hover.column) : null;
    return { plan, xValue, yValue, trajectory, outcome };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hover, plansKey, surface, side, startKey, steps, scene.seed, results]);

  if (!surface) return <p role="alert">The surface does not resolve: {resolved.ok ? '' : resolved.error}</p>;
  if (entries.length === 0 && preset === 'single')
    return <p role="alert">Enable an optimizer in the explorer to sweep its hyperparameters.</p>;

  const pick = (map: number, cell: Cell) => {
    const plan = plans[map];
    const entry = chosen[map];
    if (!plan || !entry) return;
    const xValue = tidyValue(plan.x, axisValues(plan.x, side)[cell.column]!);
    const yValue = tidyValue(plan.y, axisValues(plan.y, side)[cell.row]!);
    onApply(entry, cellHyperparameters(plan, xValue, yValue));
  };
  const workload = `${(side * side).toLocaleString()} settings × ${plans.length} optimizer${plans.length === 1 ? '' : 's'} × ${steps} steps`;
  const shares = results?.map((r) => outcomeShares(r.summary, r.count));
  const type = chosen[0]?.config.type ?? 'SGD';

  return (
    <BatchView
      className="sweep"
      label="Hyperparameter sweep"
      title={<>Hyperparameter sweep — {surface.name}</>}
      batch={batch}
      workload={workload}
      controls={
        <>
          <label>
            preset{' '}
            <select
              aria-label="preset"
              value={preset}
              onChange={(e) => setPreset(e.target.value as typeof preset)}
            >
              <option value="single">one optimizer of the scene</option>
              <option value="robustness">Is Adam robust? SGD lr×μ beside Adam lr×β₂ (lecture 002)</option>
            </select>
          </label>
          {preset === 'single' ? (
            <>
              <label>
                optimizer{' '}
                <select
                  aria-label="optimizer"
                  value={choice}
                  onChange={(e) => {
                    setChoice(Number(e.target.value));
                    setYColumn(null);
                  }}
                >
                  {entries.map((entry, i) => (
                    <option key={i} value={i}>
                      {entry.config.label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                versus lr{' '}
                <select
                  aria-label="second hyperparameter"
                  value={plans[0]?.y.column ?? ''}
                  onChange={(e) => setYColumn(e.target.value)}
                >
                  {sweepableColumns(type)
                    .filter((c) => c !== 'lr')
                    .map((c) => (
                      <option key={c} value={c}>
                        {axisFor(type, c).label}
                      </option>
                    ))}
                </select>
              </label>
            </>
          ) : null}
          <LabelledChoice
            label="color"
            ariaLabel="objective"
            value={objective}
            labels={OBJECTIVES}
            onChange={setObjective}
          />
          <GridResolutionSelect value={side} options={RESOLUTIONS} onChange={setSide} />
          <StepsInput value={steps} onChange={setSteps} />
        </>
      }
    >
      <p style={{ margin: 0, fontSize: '0.85em' }}>
        Every cell runs {steps} steps from ({formatValue(start[0])}, {formatValue(start[1])}) with one
        setting; color: {OBJECTIVES[objective]}
        {objective === 'steps'
          ? ` (loss − min ≤ ${DEFAULTS.tolerance})`
          : ' (log scale when it spans decades)'}
        , red where the run diverged. ○ marks the present setting. Hover a cell for its run, click to use it
        in the explorer.
      </p>
      {preset === 'robustness' && shares?.[0] && shares[1] ? (
        <p data-testid="robustness-caption" style={{ margin: 0, fontSize: '0.9em', maxWidth: '60em' }}>
          Lecture 002: “Adam is robust to its hyperparameters.” Here, on {surface.name} from this start with{' '}
          {steps} steps, SGD reaches the tolerance in <strong>{Math.round(shares[0].reached * 100)}%</strong>{' '}
          of its lr × μ plane and Adam in <strong>{Math.round(shares[1].reached * 100)}%</strong> of its lr ×
          β₂ plane (lr ∈ [{formatValue(plans[0]!.x.min)}, {formatValue(plans[0]!.x.max)}], log-spaced, on
          both).
        </p>
      ) : null}
      {colorings?.[0] ? <Legend coloring={colorings[0]} /> : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5em', alignItems: 'flex-start' }}>
        {plans.map((plan, i) => (
          <SweepFigure
            key={i}
            plan={plan}
            side={side}
            size={mapSize}
            rgba={colorings?.[i]?.rgba ?? null}
            summary={results?.[i]?.summary ?? null}
            current={[
              columnValue(plan.config.hyperparameters, plan.x.column),
              columnValue(plan.config.hyperparameters, plan.y.column),
            ]}
            onHover={(cell) => setHover(cell ? { map: i, ...cell } : null)}
            onPick={(cell) => pick(i, cell)}
          />
        ))}
        {hovered ? (
          <aside data-testid="sweep-hover" style={{ fontSize: '0.85em', maxWidth: 260 }}>
            <ContourThumb
              surface={surface}
              box={box}
              size={240}
              testId="sweep-thumb"
              paths={[
                {
                  path: hovered.trajectory.path,
                  points: hovered.trajectory.steps + 1,
                  color: '#111827',
                  label: hovered.plan.config.label,
                },
              ]}
            />
            <p style={{ margin: '0.3em 0' }}>
              <strong>{hovered.plan.config.label}</strong>{' '}
              {columnSymbol(hovered.plan.config.type, hovered.plan.x.column)} = {formatValue(hovered.xValue)},{' '}
              {columnSymbol(hovered.plan.config.type, hovered.plan.y.column)} = {formatValue(hovered.yValue)}
            </p>
            <p style={{ margin: 0 }}>{hovered.outcome ? describeOutcome(hovered.outcome) : null}</p>
            <p style={{ margin: 0, opacity: 0.7 }}>Click to use this setting in the explorer.</p>
          </aside>
        ) : null}
      </div>
    </BatchView>
  );
}
