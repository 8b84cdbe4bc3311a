/**
 * The training experiments of lectures 003 and 002: data preprocessing (closed-form, on the main thread),
 * batch norm at a high rate under three init scales, and per-layer gradient norms during training (both
 * trained in a worker with progress). Captions come from the runs shown (src/nn/experimentCaptions.ts).
 */
import { useMemo } from 'react';
import {
  BN_INIT_SCALES,
  EXPERIMENT_ACTIVATIONS,
  EXPERIMENT_DEFAULTS,
  EXPERIMENT_KINDS,
  EXPERIMENT_LABELS,
  EXPERIMENT_LIMITS,
  experimentSchema,
  type ExperimentConfig,
  type ExperimentConfigInput,
} from '../../core/trainingExperiments';
import { batchNormCaption, gradientCaption, preprocessingCaption } from '../../nn/experimentCaptions';
import { PREPROCESSING_TOLERANCE, preprocessingExperiment } from '../../nn/preprocessing';
import {
  EXPERIMENT_DATA,
  experimentPlans,
  gradientRatios,
  type ExperimentNetRun,
} from '../../nn/trainingExperiments';
import { runStyle } from '../theme/palette';
import { Field } from './Field';
import { PreprocessingFigure } from './PreprocessingFigure';
import { SmallChart, type SmallSeries } from './SmallChart';
import { useNetExperiment } from './useNetExperiment';

interface Props {
  experiments: ExperimentConfigInput | undefined;
  onChange(experiments: ExperimentConfigInput): void;
  dark: boolean;
}

/** The convergence chart's floor: whitened GD lands within rounding of L* in one step. */
const EXCESS_FLOOR = 1e-6;

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function ExperimentsPanel({ experiments, onChange, dark }: Props) {
  const input: ExperimentConfigInput = useMemo(() => experiments ?? {}, [experiments]);
  const parsed = useMemo(() => experimentSchema.safeParse(input), [input]);
  const config = parsed.success ? parsed.data : null;
  const set = (patch: Partial<ExperimentConfigInput>) => onChange({ ...input, ...patch });
  const value = <K extends keyof ExperimentConfigInput>(key: K) => input[key] ?? EXPERIMENT_DEFAULTS[key];
  const kind = config?.kind ?? value('kind');
  const numberField = (
    label: string,
    key: keyof ExperimentConfigInput,
    min: number,
    max: number,
    step = 1,
  ) => (
    <Field label={label}>
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={value(key) as number}
        onChange={(e) => set({ [key]: num(e.target.value) })}
      />
    </Field>
  );

  return (
    <div className="nn-stats" data-testid="training-experiments">
      <fieldset className="nn-controls" aria-label="Training experiment settings">
        <div className="nn-group">
          <h3>Experiment</h3>
          <Field label="Experiment" wide>
            <select
              value={kind}
              onChange={(e) => set({ kind: e.target.value as ExperimentConfigInput['kind'] })}
            >
              {EXPERIMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {EXPERIMENT_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {kind === 'preprocessing' ? (
          <div className="nn-group">
            <h3>Data</h3>
            {numberField('Feature means (in stds)', 'offset', 0, 50, 0.5)}
            {numberField('Std ratio x₁ : x₂', 'ratio', 1, 1000)}
            {numberField('Correlation', 'correlation', -0.99, 0.99, 0.1)}
            {numberField('Points', 'points', 10, 2000)}
            {numberField('Data seed', 'dataSeed', 0, 0xffffffff)}
          </div>
        ) : (
          <div className="nn-group">
            <h3>Networks</h3>
            {kind === 'batchnorm' ? (
              <>
                {numberField('Hidden layers', 'depth', 1, EXPERIMENT_LIMITS.maxDepth)}
                <Field label="Nonlinearity">
                  <select
                    value={value('activation')}
                    onChange={(e) =>
                      set({ activation: e.target.value as ExperimentConfigInput['activation'] })
                    }
                  >
                    {EXPERIMENT_ACTIVATIONS.map((a) => (
                      <option key={a} value={a}>
                        {a}
                      </option>
                    ))}
                  </select>
                </Field>
                {numberField('Learning rate', 'lr', 0.001, 100, 0.1)}
              </>
            ) : (
              <>
                {numberField('Hidden layers', 'gradientDepth', 2, EXPERIMENT_LIMITS.maxDepth)}
                {numberField('Learning rate', 'gradientLr', 0.001, 100, 0.05)}
              </>
            )}
            {numberField('Units per layer', 'width', 2, EXPERIMENT_LIMITS.maxWidth)}
            {numberField('Steps', 'steps', 1, EXPERIMENT_LIMITS.maxSteps)}
            {numberField('Mini-batch', 'batchSize', 1, 200)}
            {numberField('Seed (weights, batches)', 'seed', 0, 0xffffffff)}
            {numberField('Data seed', 'dataSeed', 0, 0xffffffff)}
          </div>
        )}
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
        {config && config.kind === 'preprocessing' ? (
          <Preprocessing config={config} dark={dark} />
        ) : (
          <NetExperiment config={config} dark={dark} />
        )}
      </div>
    </div>
  );
}

function Caption({ sentences }: { sentences: readonly string[] }) {
  return (
    <figure className="nn-lesson" data-testid="experiment-caption-box">
      <figcaption data-testid="experiment-caption">{sentences.join(' ')}</figcaption>
    </figure>
  );
}

function Preprocessing({ config, dark }: { config: ExperimentConfig; dark: boolean }) {
  const runs = useMemo(
    () =>
      preprocessingExperiment({
        offset: config.offset,
        ratio: config.ratio,
        correlation: config.correlation,
        points: config.points,
        seed: config.dataSeed,
      }),
    [config.offset, config.ratio, config.correlation, config.points, config.dataSeed],
  );
  const caption = preprocessingCaption(runs);
  const series: SmallSeries[] = runs.map((run, k) => ({
    id: run.kind,
    label: run.kind,
    slot: k,
    x: Float64Array.from(run.excess, (_, i) => i),
    y: run.excess.map((v) => Math.max(v, EXCESS_FLOOR)),
  }));
  const longest = Math.max(...runs.map((r) => r.excess.length - 1), 1);
  return (
    <section className="nn-card nn-wide">
      <h3>Data preprocessing: the same regression t ≈ w₁x₁ + w₂x₂ on four versions of its inputs</h3>
      <Caption sentences={caption.sentences} />
      <PreprocessingFigure runs={runs} dark={dark} />
      <p className="nn-note">
        Left of each pair: the inputs (x₁ = {config.ratio}·({config.offset} + z₁), x₂ = {config.offset} +{' '}
        {config.correlation}·z₁ + …, {config.points} points; t = x₁/{config.ratio} − x₂/2 + noise, centred
        with x). Right: contours of log(L − L*) over (w₁, w₂) at equal scales, with gradient descent from w =
        0 at its best constant rate 2/(λmin + λmax) and the minimum (circle).
      </p>
      <div className="nn-stats-charts">
        <SmallChart
          series={series}
          xDomain={[0, longest]}
          xLabel="step"
          yLabel="(L − L*)/(L₀ − L*)"
          title="Relative excess loss of gradient descent"
          dark={dark}
          testId="prep-convergence"
        />
      </div>
      <SeriesKey labels={runs.map((r) => r.kind)} dark={dark} />
      <p className="nn-note">
        Relative excess loss per step (drawn down to 10⁻⁶); each run stops at {100 * PREPROCESSING_TOLERANCE}
        %.
      </p>
    </section>
  );
}

function NetExperiment({ config, dark }: { config: ExperimentConfig | null; dark: boolean }) {
  const run = useNetExperiment(config);
  const shown = run.config ?? config;
  const planned = shown ? experimentPlans(shown).length : 0;
  const complete = run.phase === 'done' && run.runs.length === planned && run.config !== null;
  const result =
    complete && shown && shown.kind !== 'preprocessing'
      ? { kind: shown.kind, config: shown, runs: run.runs }
      : null;
  const caption = result
    ? result.kind === 'batchnorm'
      ? batchNormCaption(result)
      : gradientCaption(result)
    : null;
  return (
    <section className="nn-card nn-wide">
      <h3>
        {shown?.kind === 'gradients'
          ? `Gradient norm per layer during training (${shown.gradientDepth} layers × ${shown.width} units)`
          : `The same ${shown?.depth ?? ''}-layer net with and without batch norm at rate ${shown?.lr ?? ''}`}
      </h3>
      <div className="nn-stats-status">
        <div
          className="nn-progress"
          role="progressbar"
          aria-label="Experiment progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(100 * run.progress.fraction)}
          data-phase={run.phase}
        >
          <div style={{ width: `${(100 * run.progress.fraction).toFixed(1)}%` }} />
          <span data-testid="experiment-status">
            {run.phase === 'done'
              ? `${run.runs.length} nets trained in ${((run.milliseconds ?? 0) / 1000).toFixed(1)} s (worker)`
              : run.phase === 'running'
                ? `training ${run.runs.length + 1} of ${planned}: ${run.progress.label}`
                : run.phase}
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
      {caption ? (
        <Caption sentences={caption.sentences} />
      ) : (
        <p className="nn-note">The caption appears when every net has trained.</p>
      )}
      {shown?.kind === 'gradients' ? (
        <GradientCharts runs={run.runs} config={shown} dark={dark} />
      ) : (
        <BatchNormCharts runs={run.runs} config={shown} dark={dark} />
      )}
      <p className="nn-note">
        Every net: {EXPERIMENT_DATA.size} points of two moons (noise {EXPERIMENT_DATA.noise}), softmax
        cross-entropy, plain SGD on mini-batches of {shown?.batchSize}, the same seeded weights stream and
        batch order; the loss is on all the data at test time (batch norm with its running averages). BN: W·h
        → BN (learnable γ, β) → f.
      </p>
    </section>
  );
}

const stepsOf = (run: ExperimentNetRun) => Float64Array.from(run.record.steps);

function BatchNormCharts({
  runs,
  config,
  dark,
}: {
  runs: readonly ExperimentNetRun[];
  config: ExperimentConfig | null;
  dark: boolean;
}) {
  const steps = config?.steps ?? EXPERIMENT_DEFAULTS.steps;
  return (
    <>
      <div className="nn-stats-charts">
        {BN_INIT_SCALES.map((scale) => (
          <figure key={scale} className="nn-figure" data-testid="bn-scale">
            <figcaption>init ×{scale}</figcaption>
            <SmallChart
              series={runs
                .filter((r) => r.scale === scale)
                .map((r) => ({
                  id: r.label,
                  label: r.label,
                  slot: r.batchNorm ? 1 : 0,
                  x: stepsOf(r),
                  y: Float64Array.from(r.record.loss),
                }))}
              xDomain={[0, steps]}
              xLabel="step"
              yLabel="loss"
              title={`Loss at init ×${scale}`}
              dark={dark}
              testId="bn-loss"
              width={300}
              height={180}
            />
          </figure>
        ))}
      </div>
      <SeriesKey labels={['plain', 'batch norm']} dark={dark} />
    </>
  );
}

function GradientCharts({
  runs,
  config,
  dark,
}: {
  runs: readonly ExperimentNetRun[];
  config: ExperimentConfig;
  dark: boolean;
}) {
  const depth = config.gradientDepth;
  const first: SmallSeries[] = runs.map((r, k) => ({
    id: `g1${k}`,
    label: r.label,
    slot: k,
    x: stepsOf(r),
    y: Float64Array.from(r.record.gradientNorms[0]!),
  }));
  const ratio: SmallSeries[] = runs.map((r, k) => ({
    id: `gr${k}`,
    label: r.label,
    slot: k,
    x: stepsOf(r),
    y: Float64Array.from(gradientRatios(r)),
  }));
  const layers = Float64Array.from({ length: depth }, (_, l) => l + 1);
  const profile: SmallSeries[] = runs.flatMap((r, k) => [
    {
      id: `p0${k}`,
      label: `${r.label} at init`,
      slot: k,
      x: layers,
      y: Float64Array.from(r.record.gradientNorms.slice(0, depth), (g) => g[0]!),
      faint: true,
    },
    {
      id: `p1${k}`,
      label: r.label,
      slot: k,
      x: layers,
      y: Float64Array.from(r.record.gradientNorms.slice(0, depth), (g) => g.at(-1)!),
    },
  ]);
  return (
    <>
      <div className="nn-stats-charts">
        <figure className="nn-figure">
          <figcaption>‖∂L/∂W‖ per layer, at init (faint) and the last step</figcaption>
          <SmallChart
            series={profile}
            xDomain={[1, depth]}
            xLabel="layer (faint: at init, solid: last step)"
            yLabel="‖∂L/∂W‖"
            title="Gradient norm per layer"
            dark={dark}
            testId="grad-profile"
            width={300}
            height={190}
          />
        </figure>
        <figure className="nn-figure">
          <figcaption>Layer 1 during training</figcaption>
          <SmallChart
            series={first}
            xDomain={[0, config.steps]}
            xLabel="step"
            yLabel="‖∂L/∂W₁‖"
            title="Layer 1 gradient norm during training"
            dark={dark}
            testId="grad-first"
            width={300}
            height={190}
          />
        </figure>
        <figure className="nn-figure">
          <figcaption>Layer 1 over the last hidden layer</figcaption>
          <SmallChart
            series={ratio}
            xDomain={[0, config.steps]}
            xLabel="step"
            yLabel={`layer 1 / layer ${depth}`}
            title="Gradient ratio first to last layer"
            dark={dark}
            testId="grad-ratio"
            width={300}
            height={190}
          />
        </figure>
      </div>
      <SeriesKey labels={experimentPlans(config).map((p) => p.label)} dark={dark} />
    </>
  );
}

function SeriesKey({ labels, dark }: { labels: readonly string[]; dark: boolean }) {
  // Same look as the training tab's legend; slots follow the series' slots.
  return (
    <ul className="nn-legend">
      {labels.map((label, k) => (
        <li key={label}>
          <svg width={22} height={10} aria-hidden="true">
            <line
              x1={0}
              x2={22}
              y1={5}
              y2={5}
              stroke={runStyleColor(k, dark)}
              strokeWidth={2}
              strokeDasharray={runStyleDash(k, dark)}
            />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

const runStyleColor = (k: number, dark: boolean) => runStyle(k, dark).color;
const runStyleDash = (k: number, dark: boolean) => runStyle(k, dark).dash || undefined;
