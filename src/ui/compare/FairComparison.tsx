/**
 * Fair comparison: each optimizer of the scene runs the same 64 log-spaced learning rates × a few values
 * of its key second hyperparameter, from the same start for the same steps, and is judged by one
 * objective (stated on the figure). Per optimizer: the objective against lr, the widest converging lr
 * range (its sensitivity, in decades) and the best setting's trajectory on the contours.
 */
import * as d3 from 'd3';
import { useEffect, useMemo, useState } from 'react';
import { resolveSurface } from '../../core/resolveSurface';
import type { Scene } from '../../core/scene';
import { runOptimizer } from '../../core/simulate';
import { ContourThumb } from '../atlas/ContourThumb';
import { BatchView, LabelledChoice, StepsInput, ToleranceSelect, WholeNumberInput } from '../atlas/BatchView';
import { minimumLoss } from '../../analysis/grid';
import { formatValue } from '../../analysis/hyperparameterText';
import { useBatchRun } from '../atlas/useBatchRun';
import { columnSymbol } from '../../analysis/sweepAxes';
import {
  analyse,
  comparePlan,
  compareRequest,
  convergedMeaning,
  LR_RANGE,
  objectiveStatement,
  settingHyperparameters,
  type Objective,
} from '../../analysis/compareRuns';
import { curveColor, LrChart } from './LrChart';
import { ranOff } from '../../analysis/outcomeClasses';
import { LIMITS } from '../../core/limits';
import { SUMMARY, SUMMARY_STRIDE } from '../../engine/types';

const OBJECTIVES: Record<Objective, string> = {
  final: 'final loss',
  probe: 'loss at step k',
  steps: 'steps to tolerance',
};

export function FairComparison({ scene }: { readonly scene: Scene }) {
  const [objective, setObjective] = useState<Objective>('final');
  const [steps, setSteps] = useState(scene.steps);
  const [probeStep, setProbeStep] = useState(Math.max(1, Math.round(scene.steps / 5)));
  const [tolerance, setTolerance] = useState(1e-3);
  const batch = useBatchRun();

  const resolved = useMemo(() => resolveSurface(scene.surface), [scene.surface]);
  const surface = resolved.ok ? resolved.value : null;
  const start = scene.start ?? surface?.defaultStart ?? [0, 0];
  const box = scene.viewBox ?? surface?.viewBox ?? { w1: [-1, 1], w2: [-1, 1] };
  const lossTarget = (surface ? minimumLoss(surface) : 0) + tolerance;
  const plansKey = JSON.stringify(scene.optimizers);
  const startKey = JSON.stringify(start);
  const plans = useMemo(() => {
    // Entries that differ only in what is swept (SGD and SGD + momentum) are one optimizer here.
    const byKey = new Map<string, ReturnType<typeof comparePlan>>();
    for (const config of scene.optimizers) {
      const plan = comparePlan(config);
      const key = JSON.stringify([
        config.type,
        settingHyperparameters(plan, 0, 0),
        config.schedule,
        config.clip,
        config.noise,
      ]);
      const seen = byKey.get(key);
      byKey.set(
        key,
        seen
          ? { ...seen, config: { ...seen.config, label: `${seen.config.label} / ${config.label}` } }
          : plan,
      );
    }
    return [...byKey.values()];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plansKey]);
  const requests = useMemo(
    () =>
      surface
        ? plans.map((plan) =>
            compareRequest(plan, {
              surface: scene.surface,
              start,
              steps,
              seed: scene.seed,
              lossTarget,
              probeStep,
            }),
          )
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [surface, plans, startKey, steps, scene.seed, lossTarget, probeStep],
  );
  const { run } = batch;
  useEffect(() => {
    if (requests.length > 0) run(requests);
  }, [requests, run]);

  const results = batch.results && batch.results.length === requests.length ? batch.results : null;
  const analyses = useMemo(
    () =>
      results ? plans.map((plan, i) => analyse(plan, results[i]!.summary, objective, lossTarget)) : null,
    [results, plans, objective, lossTarget],
  );
  const bestRuns = useMemo(() => {
    if (!analyses || !surface) return null;
    return analyses.map((analysis, i) => {
      const plan = plans[i]!;
      if (!analysis.best) return null;
      const config = {
        ...plan.config,
        hyperparameters: settingHyperparameters(plan, analysis.best.lr, analysis.best.value),
      };
      return runOptimizer(surface, config, start, steps, scene.seed, 0);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [analyses, surface, startKey, steps, scene.seed]);

  // Unbounded below (no listed minimum on a surface that lists its critical points, or any setting that
  // ran off to −∞): a lower final loss only means running further off, so no objective ranks the settings.
  const unbounded = useMemo(() => {
    if (!surface) return null;
    const startLoss = surface.value(start[0], start[1]);
    let lowest = Infinity;
    for (const result of results ?? [])
      for (let p = 0; p < result.count; p++) {
        const o = p * SUMMARY_STRIDE;
        const end = {
          w: [result.summary[o]!, result.summary[o + 1]!] as const,
          loss: result.summary[o + SUMMARY.loss]!,
          startLoss,
          stopped: result.summary[o + SUMMARY.divergedStep]! >= 0,
        };
        if (ranOff(end, LIMITS.divergenceBound)) lowest = Math.min(lowest, end.loss);
      }
    const listsNoMinimum =
      surface.criticalPoints.length > 0 && !surface.criticalPoints.some((p) => p.kind === 'minimum');
    if (!Number.isFinite(lowest) && !listsNoMinimum) return null;
    return Number.isFinite(lowest) ? lowest : -Infinity;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results, surface, startKey]);

  if (!surface) return <p role="alert">The surface does not resolve: {resolved.ok ? '' : resolved.error}</p>;

  // One y axis for every chart: the objective's range over all optimizers.
  const all = (analyses ?? []).flatMap((a) => a.curves.flatMap((c) => Array.from(c.objective)));
  const finite = all.filter((v) => Number.isFinite(v) && (objective === 'steps' || v > 0));
  const yLog = objective !== 'steps';
  const startLoss = surface.value(start[0], start[1]);
  const yDomain: readonly [number, number] =
    objective === 'steps'
      ? [0, steps]
      : [
          // Floor nine decades under the tolerance: losses that underflow to 0 sit on the bottom edge.
          Math.max(d3.min(finite) ?? tolerance, tolerance * 1e-9),
          Math.max(Math.min(d3.max(finite) ?? 1, 10 * startLoss), tolerance * 1e-8),
        ];
  const yLabel = objective === 'probe' ? `loss at step ${probeStep}` : OBJECTIVES[objective];
  const terms = { steps, probeStep, tolerance };
  const statement = objectiveStatement(objective, terms);
  const convergedMeans = convergedMeaning(objective, terms);
  const workload = `${plans.length} optimizer${plans.length === 1 ? '' : 's'} × ${requests[0] ? '64 learning rates × up to 4 values' : ''} × ${steps} steps`;

  return (
    <BatchView
      className="compare"
      label="Fair comparison"
      title={<>Fair comparison — {surface.name}</>}
      batch={batch}
      workload={workload}
      controls={
        <>
          <LabelledChoice
            label="objective"
            ariaLabel="objective"
            value={objective}
            labels={OBJECTIVES}
            onChange={setObjective}
          />
          {objective === 'probe' ? (
            <WholeNumberInput
              label="k"
              ariaLabel="probe step k"
              value={probeStep}
              max={steps}
              width="4.5em"
              onChange={setProbeStep}
            />
          ) : null}
          <StepsInput value={steps} onChange={setSteps} />
          <ToleranceSelect value={tolerance} onChange={setTolerance} />
        </>
      }
    >
      <p data-testid="compare-objective" style={{ margin: 0, fontSize: '0.9em', maxWidth: '70em' }}>
        <strong>Objective: {statement}.</strong> Each optimizer runs {LR_RANGE[0]}…{LR_RANGE[1]} (64
        log-spaced learning rates) × a few values of its key second hyperparameter, from (
        {formatValue(start[0])}, {formatValue(start[1])}) on {surface.name}. A setting <em>converges</em> when
        its {convergedMeans}; the green bar is the widest converging lr range (its width in decades measures
        how forgiving the optimizer is), red ticks mark rates that diverged, the ring the best setting, whose
        trajectory is drawn below.
      </p>
      {unbounded !== null ? (
        <p
          role="note"
          data-testid="compare-does-not-apply"
          style={{ margin: 0, padding: '0.6em 0.8em', border: '1px solid currentColor', borderRadius: 6 }}
        >
          <strong>This comparison does not apply on {surface.name}.</strong> The surface is unbounded below
          {Number.isFinite(unbounded)
            ? ` (some settings ran off to −∞, leaving the box at loss ${formatValue(unbounded)})`
            : ' (it lists no minimum)'}
          , so no objective ranks the settings: a lower final loss, or reaching a loss target sooner, only
          means running off further or faster. Use the outcome map to see which settings escape the saddle and
          which stay stuck, or compare on a surface with a minimum.
        </p>
      ) : null}
      <div style={{ display: unbounded !== null ? 'none' : 'flex', flexWrap: 'wrap', gap: '1.25em 1.5em' }}>
        {plans.map((plan, i) => {
          const analysis = analyses?.[i];
          const best = bestRuns?.[i];
          const symbol = plan.column ? columnSymbol(plan.config.type, plan.column) : null;
          return (
            <figure
              key={i}
              style={{ margin: 0, width: 320 }}
              data-testid="compare-figure"
              data-optimizer={plan.config.type}
            >
              <figcaption style={{ fontSize: '0.85em' }}>
                <strong>{plan.config.label}</strong>
                {symbol ? (
                  <span style={{ display: 'block' }}>
                    {plan.values.map((v, k) => (
                      <span key={k} style={{ marginRight: '0.6em', whiteSpace: 'nowrap' }}>
                        <span
                          style={{
                            display: 'inline-block',
                            width: 12,
                            height: 3,
                            verticalAlign: 'middle',
                            background: curveColor(k, plan.values.length),
                          }}
                        />{' '}
                        {symbol}={formatValue(v)}
                      </span>
                    ))}
                  </span>
                ) : null}
              </figcaption>
              {analysis ? (
                <>
                  <LrChart plan={plan} analysis={analysis} yDomain={yDomain} yLog={yLog} yLabel={yLabel} />
                  <p data-testid="compare-summary" style={{ margin: '0 0 0.3em', fontSize: '0.8em' }}>
                    {analysis.widest ? (
                      <>
                        converges for η ∈ [{analysis.widest.lr[0].toPrecision(2)},{' '}
                        {analysis.widest.lr[1].toPrecision(2)}]
                        {symbol ? ` (${symbol}=${formatValue(analysis.widest.value)})` : ''}:{' '}
                        <strong>{analysis.widthDecades.toFixed(1)} decades</strong>
                      </>
                    ) : (
                      <>converges for no learning rate tried</>
                    )}
                    <br />
                    {analysis.best ? (
                      <>
                        best: η={analysis.best.lr.toPrecision(2)}
                        {symbol ? `, ${symbol}=${formatValue(analysis.best.value)}` : ''} → {yLabel}{' '}
                        {formatValue(analysis.best.objective)}
                      </>
                    ) : (
                      'every setting diverged'
                    )}
                  </p>
                  {best ? (
                    <ContourThumb
                      surface={surface}
                      box={box}
                      size={200}
                      testId="compare-thumb"
                      paths={[
                        {
                          path: best.path,
                          points: best.steps + 1,
                          color: '#111827',
                          label: plan.config.label,
                        },
                      ]}
                    />
                  ) : null}
                </>
              ) : (
                <p style={{ opacity: 0.6 }}>computing…</p>
              )}
            </figure>
          );
        })}
      </div>
    </BatchView>
  );
}
