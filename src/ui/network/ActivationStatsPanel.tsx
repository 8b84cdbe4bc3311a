/**
 * Lecture 003's activation-statistics figure, live: pick depth, width, nonlinearity, initialization and
 * a free gain; a worker computes each layer's mean, std and histogram on a batch of Gaussian inputs, and
 * the figure fills in layer by layer. The lessons (src/nn/lessons.ts) set it up and caption it from the run.
 */
import { useMemo } from 'react';
import {
  STATS_ACTIVATIONS,
  STATS_DEFAULTS,
  STATS_INIT_LABELS,
  STATS_INITS,
  STATS_LIMITS,
  STATS_NORMS,
  statsSchema,
  type StatsConfigInput,
} from '../../core/network';
import { histogramRange, HISTOGRAM_BINS, type LayerStats } from '../../nn/activationStats';
import { NETWORK_LESSONS, networkLesson } from '../../nn/lessons';
import { SmallChart } from './SmallChart';
import { useActivationStats } from './useActivationStats';
import { Field } from './Field';

interface Props {
  stats: StatsConfigInput | undefined;
  lesson: string | undefined;
  onChange(stats: StatsConfigInput, lesson: string | undefined): void;
  dark: boolean;
}

const NORM_LABELS = {
  none: 'none',
  batch: 'batch norm (W·x → BN → f)',
  layer: 'layer norm (W·x → LN → f)',
} as const;

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const fmt = (v: number) =>
  !Number.isFinite(v) ? '—' : v === 0 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toFixed(4);

export function ActivationStatsPanel({ stats, lesson: lessonId, onChange, dark }: Props) {
  const input: StatsConfigInput = useMemo(() => stats ?? {}, [stats]);
  const parsed = useMemo(() => statsSchema.safeParse(input), [input]);
  const config = parsed.success ? parsed.data : null;
  const run = useActivationStats(config);
  const lesson = networkLesson(lessonId);
  // Edits leave the lesson: its caption describes its own settings only.
  const set = (patch: Partial<StatsConfigInput>) => onChange({ ...input, ...patch }, undefined);
  const value = <K extends keyof StatsConfigInput>(key: K) => input[key] ?? STATS_DEFAULTS[key];
  const complete =
    run.phase === 'done' &&
    run.config !== null &&
    run.input !== null &&
    config !== null &&
    sameConfig(run.config, config);
  const result = complete
    ? {
        config: run.config!,
        input: run.input!,
        layers: run.layers,
        ...(run.gradients ? { gradients: run.gradients } : {}),
      }
    : null;
  const xs = Float64Array.from(run.layers, (l) => l.layer);
  const depth = run.config?.depth ?? config?.depth ?? STATS_DEFAULTS.depth;

  return (
    <div className="nn-stats" data-testid="activation-stats">
      <fieldset className="nn-controls" aria-label="Activation statistics settings">
        <div className="nn-group">
          <h3>Lesson</h3>
          <Field label="Lesson" wide>
            <select
              value={lesson?.id ?? ''}
              onChange={(e) => {
                const next = networkLesson(e.target.value);
                if (next) onChange({ ...next.stats }, next.id);
                else onChange(input, undefined);
              }}
            >
              <option value="">— free experiment —</option>
              {NETWORK_LESSONS.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}
                </option>
              ))}
            </select>
          </Field>
          {lessonId && !lesson && (
            <p className="nn-note" role="status">
              The link names a lesson &apos;{lessonId}&apos; this version does not have; its settings are
              shown without a caption.
            </p>
          )}
        </div>
        <div className="nn-group">
          <h3>Network</h3>
          <Field label="Hidden layers">
            <input
              type="number"
              min={1}
              max={STATS_LIMITS.maxDepth}
              value={value('depth')}
              onChange={(e) => set({ depth: num(e.target.value) })}
            />
          </Field>
          <Field label="Units per layer">
            <input
              type="number"
              min={1}
              max={STATS_LIMITS.maxWidth}
              value={value('width')}
              onChange={(e) => set({ width: num(e.target.value) })}
            />
          </Field>
          <Field label="Nonlinearity">
            <select
              value={value('activation')}
              onChange={(e) => set({ activation: e.target.value as StatsConfigInput['activation'] })}
            >
              {STATS_ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Initialization">
            <select
              value={value('init')}
              onChange={(e) => set({ init: e.target.value as StatsConfigInput['init'] })}
            >
              {STATS_INITS.map((i) => (
                <option key={i} value={i}>
                  {STATS_INIT_LABELS[i]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Normalization">
            <select
              value={value('norm')}
              onChange={(e) => set({ norm: e.target.value as StatsConfigInput['norm'] })}
            >
              {STATS_NORMS.map((n) => (
                <option key={n} value={n}>
                  {NORM_LABELS[n]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Gain (× the initialization)">
            <input
              type="number"
              min={0}
              max={100}
              step={0.1}
              value={value('gain')}
              onChange={(e) => set({ gain: num(e.target.value) })}
            />
          </Field>
          <Field label="Inputs in the batch">
            <input
              type="number"
              min={1}
              max={STATS_LIMITS.maxBatch}
              value={value('batch')}
              onChange={(e) => set({ batch: num(e.target.value) })}
            />
          </Field>
          <Field label="Seed">
            <input
              type="number"
              min={0}
              value={value('seed')}
              onChange={(e) => set({ seed: num(e.target.value) })}
            />
          </Field>
        </div>
      </fieldset>
      <div className="nn-panels">
        {!parsed.success && (
          <ul className="nn-errors" role="alert">
            {parsed.error.issues.map((issue) => (
              <li key={issue.path.join('.') + issue.message}>
                {issue.path.join('.')}: {issue.message}
              </li>
            ))}
          </ul>
        )}
        <section className="nn-card nn-wide">
          <h3>
            Activations of a {depth}-layer net, {config?.width ?? value('width')} units each
          </h3>
          <div className="nn-stats-status">
            <div
              className="nn-progress"
              role="progressbar"
              aria-label="Statistics progress"
              aria-valuemin={0}
              aria-valuemax={depth}
              aria-valuenow={run.layers.length}
              data-phase={run.phase}
            >
              <div style={{ width: `${((100 * run.layers.length) / depth).toFixed(1)}%` }} />
              <span data-testid="stats-status">
                {statusText(run.phase, run.layers.length, depth, run.milliseconds)}
              </span>
            </div>
            {run.phase === 'running' && (
              <button type="button" onClick={run.cancel}>
                Cancel
              </button>
            )}
          </div>
          {run.message && (
            <p
              className={run.phase === 'too-large' || run.phase === 'error' ? 'nn-errors' : 'nn-message'}
              role="status"
            >
              {run.message}
            </p>
          )}
          {lesson && (
            <figure className="nn-lesson" data-testid="network-lesson">
              <figcaption>
                <strong>{lesson.title}.</strong>{' '}
                <span data-testid="network-lesson-caption">
                  {result ? lesson.caption(result) : 'computing the lesson’s run…'}
                </span>
              </figcaption>
            </figure>
          )}
          <p className="nn-note">
            {run.input
              ? `Input: ${run.config?.batch} × ${run.config?.width} unit Gaussians (mean ${fmt(run.input.mean)}, std ${fmt(run.input.std)}); ${run.config?.norm === 'batch' ? 'H = f(BN(X·W)), batch statistics (training mode), γ = 1, β = 0' : run.config?.norm === 'layer' ? 'H = f(LN(X·W)), γ = 1, β = 0' : 'H = f(X·W)'} per layer, no biases, as in lecture 003.`
              : 'Input: a batch of unit-Gaussian vectors; H = f(X·W) per layer, no biases, as in lecture 003.'}
          </p>
          <div className="nn-stats-charts">
            <SmallChart
              series={[{ id: 'mean', label: 'layer mean', slot: 0, x: xs, y: run.layers.map((l) => l.mean) }]}
              xDomain={[1, Math.max(2, depth)]}
              xLabel="layer"
              yLabel="mean"
              title="Layer mean"
              dark={dark}
              testId="stats-mean"
              width={320}
              height={180}
            />
            <SmallChart
              series={[{ id: 'std', label: 'layer std', slot: 1, x: xs, y: run.layers.map((l) => l.std) }]}
              xDomain={[1, Math.max(2, depth)]}
              xLabel="layer"
              yLabel="std"
              title="Layer standard deviation"
              dark={dark}
              testId="stats-std"
              width={320}
              height={180}
            />
            <GradientChart run={run} depth={depth} dark={dark} />
          </div>
          <Histograms layers={run.layers} activation={run.config?.activation ?? 'tanh'} dark={dark} />
          <LayerTable layers={run.layers} />
        </section>
      </div>
    </div>
  );
}

function GradientChart({
  run,
  depth,
  dark,
}: {
  run: ReturnType<typeof useActivationStats>;
  depth: number;
  dark: boolean;
}) {
  const norms = run.gradients?.weightGradientNorms ?? [];
  return (
    <div className="nn-stats-gradients">
      <SmallChart
        series={[
          {
            id: 'grad',
            label: '‖∂L/∂W‖',
            slot: 2,
            x: Float64Array.from(norms, (_, l) => l + 1),
            y: Float64Array.from(norms),
          },
        ]}
        xDomain={[1, Math.max(2, depth)]}
        xLabel="layer"
        yLabel="‖∂L/∂W‖"
        title="Weight-gradient norm per layer"
        dark={dark}
        testId="stats-gradients"
        width={320}
        height={180}
      />
      <p className="nn-note">
        {run.gradients
          ? `‖∂L/∂W‖ per layer at this initialization, one backward pass (loss ${fmt(run.gradients.loss)}): a fixed random readout of the last layer regressed on random targets, so the gradient arriving at the top is the same for every initialization. Log axis when it spans more than 20×.`
          : 'The backward pass follows the layers: ‖∂L/∂W‖ per layer.'}
      </p>
    </div>
  );
}

function sameConfig(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function statusText(phase: string, done: number, depth: number, ms: number | null): string {
  if (phase === 'running') return done === depth ? 'backward pass…' : `layer ${done}/${depth}…`;
  if (phase === 'done')
    return `${depth} layers forward and backward in ${((ms ?? 0) / 1000).toFixed(2)} s (worker)`;
  if (phase === 'cancelled') return `cancelled at layer ${done}/${depth}`;
  if (phase === 'too-large') return 'too large';
  if (phase === 'error') return 'failed';
  return 'waiting';
}

function Histograms({
  layers,
  activation,
  dark,
}: {
  layers: readonly LayerStats[];
  activation: Parameters<typeof histogramRange>[0];
  dark: boolean;
}) {
  const [low, high] = histogramRange(activation);
  const w = 96;
  const h = 60;
  return (
    <div className="nn-histograms" data-testid="stats-histograms">
      {layers.map((layer) => {
        const peak = Math.max(1, ...layer.histogram);
        const bar = w / HISTOGRAM_BINS;
        return (
          <figure key={layer.layer} className="nn-histogram" data-testid="stats-histogram">
            <svg width={w} height={h + 12} role="img" aria-label={`layer ${layer.layer} histogram`}>
              {Array.from(layer.histogram, (count, b) => {
                const height = (h * count) / peak;
                return (
                  <rect
                    key={b}
                    x={b * bar}
                    y={h - height}
                    width={Math.max(0.5, bar - 0.5)}
                    height={height}
                    fill={dark ? '#7fb0ff' : '#2f6fd0'}
                  />
                );
              })}
              <line x1={0} x2={w} y1={h} y2={h} className="nn-hist-axis" />
              <text x={0} y={h + 11} className="nn-hist-label">
                {low}
              </text>
              <text x={w} y={h + 11} textAnchor="end" className="nn-hist-label">
                {high}
              </text>
            </svg>
            <figcaption>
              layer {layer.layer}
              <br />σ {fmt(layer.std)}
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}

function LayerTable({ layers }: { layers: readonly LayerStats[] }) {
  if (layers.length === 0) return null;
  return (
    <details>
      <summary>Per-layer numbers</summary>
      <table className="nn-table" data-testid="stats-table">
        <thead>
          <tr>
            <th>layer</th>
            <th>mean</th>
            <th>std</th>
            <th>saturated</th>
            <th>exactly 0</th>
            <th>unit spread</th>
          </tr>
        </thead>
        <tbody>
          {layers.map((l) => (
            <tr key={l.layer}>
              <td>{l.layer}</td>
              <td>{fmt(l.mean)}</td>
              <td>{fmt(l.std)}</td>
              <td>{Number.isNaN(l.saturated) ? '—' : `${(100 * l.saturated).toFixed(1)}%`}</td>
              <td>{(100 * l.zeros).toFixed(1)}%</td>
              <td>{fmt(l.unitSpread)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="nn-note">
        Saturated: within 1% of an end of tanh or sigmoid. Unit spread: the largest difference between two
        units of the layer on one input (0: every unit is the same function).
      </p>
    </details>
  );
}
