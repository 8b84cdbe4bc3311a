/**
 * "Loss surfaces of real neural networks": train small MLPs on toy data with every selected optimizer,
 * then look at a 2-D slice of the trained loss with the optimizers' trajectories on it. tfjs is loaded
 * only when the user trains (see useNetworkLab).
 */
import { useMemo, useState } from 'react';
import type { NetworkTab } from '../../core/network';
import type { Vec2 } from '../../core/types';
import {
  accuracy,
  createEvaluator,
  interpolationCurve,
  NETWORK_DEFAULTS,
  type NetworkOptimizerInput,
  type NetworkSceneInput,
  type NetworkSliceSurface,
} from '../../nn';
import { runStyle } from '../theme/palette';
import { useIsDark } from '../theme/useTheme';
import { ActivationStatsPanel } from './ActivationStatsPanel';
import { DigitsPanel } from './DigitsPanel';
import { ExperimentsPanel } from './ExperimentsPanel';
import { DataPanel } from './DataPanel';
import { NetworkControls } from './NetworkControls';
import { SliceContours } from './SliceContours';
import { SmallChart, type SmallSeries } from './SmallChart';
import { useNetworkLab } from './useNetworkLab';
import './network.css';

export interface NetworkViewProps {
  /** The scene to start from (a permalink's); defaults to NETWORK_DEFAULTS. */
  initialScene?: NetworkSceneInput;
  /** Called with the scene JSON on every edit (for the store / URL). */
  onSceneChange?: (scene: NetworkSceneInput) => void;
  /** Offered as "Open slice in explorer" once a slice exists. */
  onOpenInExplorer?: (surface: NetworkSliceSurface) => void;
}

const fmt = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '—' : v < 1e-3 ? v.toExponential(2) : v.toFixed(4);

export function NetworkView({ initialScene, onSceneChange, onOpenInExplorer }: NetworkViewProps) {
  const lab = useNetworkLab(initialScene ?? {}, onSceneChange);
  const dark = useIsDark();
  const [showSlice, setShowSlice] = useState(true);
  const [showProjected, setShowProjected] = useState(true);
  const busy = lab.phase === 'loading' || lab.phase === 'training' || lab.phase === 'slicing';
  const { result, landscape, grid } = lab;
  const labels = result
    ? result.runs.map((run) => run.label)
    : (lab.input.optimizers ?? NETWORK_DEFAULTS.optimizers).map(
        (o: NetworkOptimizerInput) => o.label ?? o.type,
      );

  const shownTheta = useMemo(() => {
    if (lab.phase === 'training') return lab.liveTheta;
    if (landscape) return landscape.surface.parametersAt(lab.probe[0], lab.probe[1]);
    return lab.liveTheta;
  }, [lab.phase, lab.liveTheta, landscape, lab.probe]);

  const trainingSeries: SmallSeries[] = useMemo(() => {
    if (result && lab.phase !== 'training') {
      const steps = Float64Array.from({ length: result.scene.steps + 1 }, (_, i) => i);
      const batchSteps = Float64Array.from({ length: result.scene.steps }, (_, i) => i);
      return result.runs.flatMap((run, k) => [
        ...(result.scene.batchSize < result.data.size
          ? [
              {
                id: `b${k}`,
                label: `${run.label} (mini-batch)`,
                slot: k,
                x: batchSteps,
                y: run.batchLoss,
                faint: true,
              },
            ]
          : []),
        { id: `f${k}`, label: run.label, slot: k, x: steps, y: run.loss },
      ]);
    }
    return lab.live.losses.map((losses, k) => ({
      id: `l${k}`,
      label: labels[k] ?? '',
      slot: k,
      x: lab.live.steps,
      y: losses,
    }));
  }, [result, lab.phase, lab.live, labels]);

  const sliceSeries: SmallSeries[] = lab.sliceRuns.map((run, k) => ({
    id: `s${k}`,
    label: run.config.label,
    slot: k,
    x: Float64Array.from({ length: run.loss.length }, (_, i) => i),
    y: run.loss,
  }));

  const interpolation = useMemo(() => {
    if (!result) return null;
    return result.runs.map((run, k) => {
      const curve = interpolationCurve(result, run.final);
      return { id: `i${k}`, label: run.label, slot: k, x: curve.t, y: curve.loss };
    });
  }, [result]);

  const stats = useMemo(() => {
    if (!result) return [];
    const evaluator = createEvaluator(result.arch, result.data);
    return result.runs.map((run) => ({ run, accuracy: accuracy(evaluator, run.final, result.data) }));
  }, [result]);

  const probeLoss = landscape ? landscape.surface.value(lab.probe[0], lab.probe[1]) : Number.NaN;
  const dataSource = result ?? null;

  const tab = lab.input.tab ?? 'train';
  const setTab = (next: NetworkTab) => {
    const { tab: _old, ...rest } = lab.input;
    lab.setInput(next === 'train' ? rest : { ...rest, tab: next });
  };

  return (
    <div className="nn-view" data-testid="network-view">
      <div className="nn-tabs" role="tablist" aria-label="Network lab">
        <button type="button" role="tab" aria-selected={tab === 'train'} onClick={() => setTab('train')}>
          Training &amp; loss slice
        </button>
        <button type="button" role="tab" aria-selected={tab === 'stats'} onClick={() => setTab('stats')}>
          Initialization &amp; activation statistics
        </button>
        <button type="button" role="tab" aria-selected={tab === 'digits'} onClick={() => setTab('digits')}>
          Real data: digits
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'experiments'}
          onClick={() => setTab('experiments')}
        >
          Preprocessing, batch norm &amp; gradients
        </button>
      </div>
      {tab === 'experiments' ? (
        <ExperimentsPanel
          experiments={lab.input.experiments}
          dark={dark}
          onChange={(experiments) => lab.setInput({ ...lab.input, experiments })}
        />
      ) : tab === 'digits' ? (
        <DigitsPanel
          digits={lab.input.digits}
          dark={dark}
          onChange={(digits) => lab.setInput({ ...lab.input, digits })}
        />
      ) : tab === 'stats' ? (
        <ActivationStatsPanel
          stats={lab.input.stats}
          lesson={lab.input.lesson}
          dark={dark}
          onChange={(stats, lesson) => {
            const { lesson: _old, ...rest } = lab.input;
            lab.setInput(lesson ? { ...rest, stats, lesson } : { ...rest, stats });
          }}
        />
      ) : (
        <>
          <div className="nn-toolbar">
            <h2>Loss surfaces of real neural networks</h2>
            <button
              type="button"
              className="nn-train"
              onClick={lab.run}
              disabled={busy || lab.errors.length > 0}
            >
              {result ? 'Train again' : 'Train'}
            </button>
            {busy && (
              <button type="button" onClick={lab.cancel}>
                Cancel
              </button>
            )}
            <div
              className="nn-progress"
              role="progressbar"
              aria-label="Progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(lab.progress.fraction * 100)}
              data-phase={lab.phase}
            >
              <div style={{ width: `${(lab.progress.fraction * 100).toFixed(1)}%` }} />
              <span>{lab.phase === 'idle' ? 'tfjs loads when you train' : lab.progress.label}</span>
            </div>
            <span
              className="nn-badge"
              data-testid="network-backend"
              title={lab.backend?.reason ?? 'chosen when tfjs loads'}
            >
              backend: {lab.backend ? lab.backend.name : '—'}
            </span>
            {lab.numTensors !== null && (
              <span
                className="nn-badge"
                data-testid="network-tensors"
                title="tf.memory().numTensors after the last run: stays flat over repeated trainings"
              >
                tensors: {lab.numTensors}
              </span>
            )}
          </div>
          {lab.errors.length > 0 && (
            <ul className="nn-errors" role="alert">
              {lab.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
          {lab.message && (
            <p className="nn-message" role="status">
              {lab.message}
            </p>
          )}
          <div className="nn-layout">
            <NetworkControls input={lab.input} onChange={lab.setInput} disabled={busy} />
            <div className="nn-panels">
              <section className="nn-card">
                <h3>Data and {dataSource?.data.task === 'regression' ? 'fit' : 'decision regions'}</h3>
                {dataSource ? (
                  <DataPanel
                    data={dataSource.data}
                    arch={dataSource.arch}
                    theta={shownTheta}
                    caption={
                      lab.phase === 'training'
                        ? 'during training (the run with the lowest loss, or the chosen centre)'
                        : `at α = ${lab.probe[0].toFixed(2)}, β = ${lab.probe[1].toFixed(2)} on the slice: loss ${fmt(probeLoss)}`
                    }
                  />
                ) : (
                  <p className="nn-empty">Choose a data set and a network, then train.</p>
                )}
              </section>
              <section className="nn-card">
                <h3>Loss slice L(θ* + α·d1 + β·d2)</h3>
                {landscape && grid ? (
                  <>
                    <SliceContours
                      values={grid.values}
                      resolution={grid.resolution}
                      viewBox={landscape.surface.viewBox}
                      sliceRuns={lab.sliceRuns}
                      projected={landscape.projected}
                      showSlice={showSlice}
                      showProjected={showProjected}
                      probe={lab.probe}
                      onProbe={(p: Vec2) => lab.setProbe(p)}
                      dark={dark}
                    />
                    <div className="nn-toggles">
                      <label>
                        <input
                          type="checkbox"
                          checked={showSlice}
                          onChange={(e) => setShowSlice(e.target.checked)}
                        />{' '}
                        optimizers on the slice (solid)
                      </label>
                      <label>
                        <input
                          type="checkbox"
                          checked={showProjected}
                          onChange={(e) => setShowProjected(e.target.checked)}
                        />{' '}
                        full-space runs projected (dashed)
                      </label>
                      {onOpenInExplorer && (
                        <button type="button" onClick={() => onOpenInExplorer(landscape.surface)}>
                          Open slice in explorer
                        </button>
                      )}
                    </div>
                    <p className="nn-note">
                      {grid.resolution}×{grid.resolution} grid on {lab.backend?.name} in{' '}
                      {grid.milliseconds.toFixed(0)} ms;{' '}
                      {landscape.explained
                        ? `PCA explains ${(100 * landscape.explained[0]).toFixed(1)}% + ${(100 * landscape.explained[1]).toFixed(1)}% of the trajectory`
                        : 'random directions, filter-normalized (Li et al. 2018)'}
                      .
                    </p>
                  </>
                ) : (
                  <p className="nn-empty">
                    {lab.phase === 'slicing' ? 'evaluating the slice…' : 'The slice appears after training.'}
                  </p>
                )}
              </section>
              <section className="nn-card">
                <h3>
                  Training loss (full space
                  {result && result.scene.batchSize < result.data.size ? ', mini-batch faint' : ''})
                </h3>
                <SmallChart
                  series={trainingSeries}
                  xDomain={[0, result?.scene.steps ?? lab.input.steps ?? NETWORK_DEFAULTS.steps]}
                  xLabel="step"
                  yLabel="loss"
                  title="Training loss"
                  dark={dark}
                  testId="network-loss"
                />
                <Legend labels={labels} dark={dark} />
              </section>
              {sliceSeries.length > 0 && (
                <section className="nn-card">
                  <h3>Loss along the trajectories on the slice</h3>
                  <SmallChart
                    series={sliceSeries}
                    xDomain={[0, Math.max(1, ...lab.sliceRuns.map((r) => r.steps))]}
                    xLabel="step"
                    yLabel="loss"
                    title="Slice loss"
                    dark={dark}
                    testId="network-slice-loss"
                  />
                </section>
              )}
              {interpolation && (
                <section className="nn-card">
                  <h3>1-D interpolation L((1−t)·θ₀ + t·θ*)</h3>
                  <SmallChart
                    series={interpolation}
                    xDomain={[-0.5, 1.5]}
                    xLabel="t"
                    yLabel="loss"
                    title="Interpolation from initialization to trained weights"
                    dark={dark}
                    testId="network-interpolation"
                    marks={[
                      { x: 0, label: 'θ₀' },
                      { x: 1, label: 'θ*' },
                    ]}
                  />
                  <p className="nn-note">
                    Goodfellow, Vinyals &amp; Saxe (2015): along the straight line from initialization, is the
                    loss monotone?
                  </p>
                </section>
              )}
              {stats.length > 0 && result && (
                <section className="nn-card">
                  <h3>Results</h3>
                  <table className="nn-table" data-testid="network-results">
                    <thead>
                      <tr>
                        <th>optimizer</th>
                        <th>loss θ₀</th>
                        <th>loss θ*</th>
                        {result.data.task !== 'regression' && <th>accuracy</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {stats.map(({ run, accuracy: acc }) => (
                        <tr key={run.label + run.type}>
                          <td>
                            {run.label}
                            {run.divergedAt !== null ? ` (diverged at ${run.divergedAt})` : ''}
                          </td>
                          <td>{fmt(run.loss[0])}</td>
                          <td>{fmt(run.loss.at(-1))}</td>
                          {result.data.task !== 'regression' && <td>{(100 * acc).toFixed(1)}%</td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="nn-note">
                    {result.arch.sizes.join('-')} MLP, {result.arch.paramCount} parameters, trained on{' '}
                    {result.backend} in {(result.milliseconds / 1000).toFixed(1)} s.
                  </p>
                  <details>
                    <summary>Scene JSON</summary>
                    <pre data-testid="network-scene-json">{JSON.stringify(result.scene.json, null, 1)}</pre>
                  </details>
                </section>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function Legend({ labels, dark }: { labels: readonly string[]; dark: boolean }) {
  return (
    <ul className="nn-legend">
      {labels.map((label, k) => {
        const style = runStyle(k, dark);
        return (
          <li key={`${k}${label}`}>
            <svg width={22} height={10} aria-hidden="true">
              <line
                x1={0}
                x2={22}
                y1={5}
                y2={5}
                stroke={style.color}
                strokeWidth={2}
                strokeDasharray={style.dash || undefined}
              />
            </svg>
            {label}
          </li>
        );
      })}
    </ul>
  );
}
