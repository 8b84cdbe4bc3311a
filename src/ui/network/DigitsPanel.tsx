/**
 * Real data: an MLP on the UCI optical-recognition digits (8×8, 10 classes), trained in the page with the
 * chosen optimizers from one seeded initialization on the same mini-batches; training/test loss and
 * accuracy per optimizer. The images are fetched (public/data/digits.bin) only when this tab opens.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ACTIVATIONS,
  DIGITS_DEFAULTS,
  DIGITS_LIMITS,
  DIGITS_LOSS_LABELS,
  DIGITS_LOSSES,
  DIGITS_REGULARIZERS,
  digitsSchema,
  ELEMENTWISE_OPTIMIZERS,
  INIT_LABELS,
  INITS,
  type DigitsConfig,
  type DigitsConfigInput,
  type NetworkOptimizerInput,
} from '../../core/network';
import { DIGITS_SOURCE, loadDigits, splitDigits, type DigitsImages, type DigitsSplit } from '../../nn/digits';
import { trainDigits, type DigitsRun } from '../../nn/digitsTraining';
import { comparisonCaption, compareBatchSizes, type BatchComparison } from '../../nn/batchComparison';
import { runStyle } from '../theme/palette';
import { SmallChart } from './SmallChart';
import { Field } from './Field';

interface Props {
  digits: DigitsConfigInput | undefined;
  onChange(digits: DigitsConfigInput): void;
  dark: boolean;
}

type OptimizerInput = NetworkOptimizerInput;

const DIGITS_URL = `${import.meta.env.BASE_URL}data/digits.bin`;
/** A learning rate each optimizer trains these digits with when added (torch's default where it works). */
const ADD_LR: Readonly<Record<string, number>> = { SGD: 0.1, Adagrad: 0.01, Adadelta: 1 };

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const pct = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)} %`;
const fixed = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(4));

const REGULARIZER_LABELS = { none: 'none', l2: 'L2', l1: 'L1', elastic: 'elastic net (L1 + L2)' } as const;

/** Lecture 000's full loss with the settings in force, as text. */
function lossEquation(config: Pick<DigitsConfig, 'loss' | 'regularizer' | 'lambda' | 'beta'>): string {
  const perExample = {
    'cross-entropy': 'L_i = −log(e^{s_y} / Σ_j e^{s_j})',
    hinge: 'L_i = Σ_{j≠y} max(0, s_j − s_y + 1)',
    mse: 'L_i = (1/10) Σ_j (s_j − [j = y])²',
  }[config.loss];
  const penalty = {
    none: '',
    l2: ` + ${config.lambda}·Σ W²`,
    l1: ` + ${config.lambda}·Σ |W|`,
    elastic: ` + ${config.lambda}·Σ (${config.beta}·W² + |W|)`,
  }[config.regularizer];
  return `${perExample};  L = (1/N) Σ_i L_i${penalty}`;
}

/** The line each optimizer is drawn with, as the charts' legend. */
function Swatch({ slot, dark }: { slot: number; dark: boolean }) {
  const style = runStyle(slot, dark);
  return (
    <svg width={22} height={10} aria-hidden="true" className="nn-digits-swatch">
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
  );
}

/** Hyperparameters other than the learning rate, as text (e.g. "momentum: 0.9"). */
function extraSettings(o: NetworkOptimizerInput): string {
  return Object.entries(o)
    .filter(([key]) => key !== 'type' && key !== 'lr' && key !== 'label')
    .map(([key, v]) => `${key}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

/** Lecture 004's figure: the loss each update saw, with mini-batches and with the full batch. */
function BatchComparisonView({ comparison, dark }: { comparison: BatchComparison; dark: boolean }) {
  const { miniBatch, fullBatch } = comparison;
  const steps = miniBatch.config.steps;
  const chart = (run: DigitsRun, slot: number, title: string, testId: string) => (
    <figure className="nn-digits-chart">
      <figcaption>{title}</figcaption>
      <SmallChart
        series={[
          {
            id: testId,
            label: title,
            slot,
            x: Float64Array.from(run.curves[0]!.batchLoss, (_, t) => t + 1),
            y: run.curves[0]!.batchLoss,
          },
        ]}
        xDomain={[1, Math.max(2, steps)]}
        xLabel="update"
        yLabel="loss the step saw"
        title={title}
        dark={dark}
        testId={testId}
        width={340}
        height={190}
      />
    </figure>
  );
  return (
    <section data-testid="digits-batch-comparison">
      <figure className="nn-lesson">
        <figcaption>
          <strong>Mini-batch vs full batch (lecture 004).</strong>{' '}
          <span data-testid="digits-batch-caption">{comparisonCaption(comparison)}</span>
        </figcaption>
      </figure>
      <div className="nn-stats-charts">
        {chart(miniBatch, 0, `Mini-batches of ${miniBatch.batchSize}`, 'digits-minibatch-loss')}
        {chart(
          fullBatch,
          1,
          `Full batch (${fullBatch.trainSize.toLocaleString('en')} images)`,
          'digits-fullbatch-loss',
        )}
      </div>
    </section>
  );
}

/** Ten sample images (the first of each digit), drawn as 8×8 grey cells. */
function DigitSamples({ images }: { images: DigitsImages }) {
  const firsts = useMemo(() => {
    const out: number[] = [];
    for (let d = 0; d < 10; d++) out.push(images.labels.indexOf(d));
    return out;
  }, [images]);
  return (
    <div className="nn-digit-samples" aria-label="The first image of each digit">
      {firsts.map((image, d) => (
        <svg key={d} viewBox="0 0 8 8" width={32} height={32} role="img" aria-label={`digit ${d}`}>
          {Array.from({ length: 64 }, (_, p) => (
            <rect
              key={p}
              x={p % 8}
              y={Math.floor(p / 8)}
              width={1}
              height={1}
              fill={`rgb(${Array(3)
                .fill(Math.round(255 * (1 - images.pixels[image * 64 + p]! / 16)))
                .join(',')})`}
            />
          ))}
        </svg>
      ))}
    </div>
  );
}

export function DigitsPanel({ digits, onChange, dark }: Props) {
  const input: DigitsConfigInput = useMemo(() => digits ?? {}, [digits]);
  const parsed = useMemo(() => digitsSchema.safeParse(input), [input]);
  const config = parsed.success ? parsed.data : null;
  const [images, setImages] = useState<DigitsImages | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [run, setRun] = useState<DigitsRun | null>(null);
  const [comparison, setComparison] = useState<BatchComparison | null>(null);
  const [fraction, setFraction] = useState(0);
  const [phase, setPhase] = useState<'idle' | 'training' | 'done' | 'cancelled'>('idle');
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    loadDigits(DIGITS_URL, controller.signal).then(setImages, (error: unknown) => {
      if (!controller.signal.aborted) setLoadError(error instanceof Error ? error.message : String(error));
    });
    return () => {
      controller.abort();
      abortRef.current?.abort();
    };
  }, []);

  const seed = config?.seed ?? DIGITS_DEFAULTS.seed;
  const split: DigitsSplit | null = useMemo(
    () => (images ? splitDigits(images, seed) : null),
    [images, seed],
  );
  const set = (patch: Partial<DigitsConfigInput>) => onChange({ ...input, ...patch });
  const value = <K extends keyof DigitsConfigInput>(key: K) => input[key] ?? DIGITS_DEFAULTS[key];
  const optimizers: readonly OptimizerInput[] =
    input.optimizers ?? DIGITS_DEFAULTS.optimizers.map((o) => ({ ...o }));
  const setOptimizer = (k: number, next: OptimizerInput | null) => {
    const list = optimizers.flatMap((o, i) => (i !== k ? [o] : next ? [next] : []));
    set({ optimizers: list });
  };

  const train = useCallback(() => {
    if (!split || !config) return;
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase('training');
    setFraction(0);
    setRun(null);
    setComparison(null);
    if (config.mode === 'batch') {
      compareBatchSizes(split, config, {
        signal: controller.signal,
        onProgress: (_, done) => setFraction(done),
      }).then(
        (result) => {
          setComparison(result);
          setPhase('done');
        },
        () => setPhase('cancelled'),
      );
      return;
    }
    trainDigits(split, config, {
      signal: controller.signal,
      onProgress: (progress, done) => {
        setRun({ ...progress, curves: progress.curves.map((c) => ({ ...c })) });
        setFraction(done);
      },
    }).then(
      () => setPhase('done'),
      () => setPhase('cancelled'),
    );
  }, [split, config]);

  const cancel = () => {
    abortRef.current?.abort();
    setPhase('cancelled');
  };

  const layers = value('layers');
  const steps =
    run?.config.steps ?? comparison?.miniBatch.config.steps ?? config?.steps ?? DIGITS_DEFAULTS.steps;

  return (
    <div className="nn-stats" data-testid="digits-panel">
      <fieldset className="nn-controls" aria-label="Digits training settings">
        <div className="nn-group">
          <h3>Network</h3>
          <Field label="Hidden widths">
            <input
              type="text"
              value={layers.join('-')}
              aria-describedby="digits-layers-hint"
              onChange={(e) => {
                const text = e.target.value.trim();
                set({ layers: text === '' ? [] : text.split('-').map(num) });
              }}
            />
          </Field>
          <p className="nn-note" id="digits-layers-hint">
            64 inputs → {layers.length ? layers.join(' → ') : '(linear)'} → 10 scores s.
          </p>
          <Field label="Nonlinearity">
            <select
              value={value('activation')}
              onChange={(e) => set({ activation: e.target.value as DigitsConfigInput['activation'] })}
            >
              {ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Initialization">
            <select
              value={value('init')}
              onChange={(e) => set({ init: e.target.value as DigitsConfigInput['init'] })}
            >
              {INITS.map((i) => (
                <option key={i} value={i}>
                  {INIT_LABELS[i]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="nn-group">
          <h3>Loss</h3>
          <Field label="Loss">
            <select
              value={value('loss')}
              onChange={(e) => set({ loss: e.target.value as DigitsConfigInput['loss'] })}
            >
              {DIGITS_LOSSES.map((l) => (
                <option key={l} value={l}>
                  {DIGITS_LOSS_LABELS[l]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Regularizer">
            <select
              value={value('regularizer')}
              onChange={(e) => set({ regularizer: e.target.value as DigitsConfigInput['regularizer'] })}
            >
              {DIGITS_REGULARIZERS.map((r) => (
                <option key={r} value={r}>
                  {REGULARIZER_LABELS[r]}
                </option>
              ))}
            </select>
          </Field>
          {value('regularizer') !== 'none' && (
            <Field label="λ (strength)">
              <input
                type="number"
                min={0}
                step="any"
                value={value('lambda')}
                onChange={(e) => set({ lambda: num(e.target.value) })}
              />
            </Field>
          )}
          {value('regularizer') === 'elastic' && (
            <Field label="β (W² weight)">
              <input
                type="number"
                min={0}
                step="any"
                value={value('beta')}
                onChange={(e) => set({ beta: num(e.target.value) })}
              />
            </Field>
          )}
          {config && (
            <p className="nn-note nn-digits-equation" data-testid="digits-equation">
              {lossEquation(config)}
            </p>
          )}
        </div>
        <div className="nn-group">
          <h3>Training</h3>
          <Field label="Compare">
            <select
              value={value('mode')}
              onChange={(e) => set({ mode: e.target.value as DigitsConfigInput['mode'] })}
            >
              <option value="optimizers">optimizers side by side</option>
              <option value="batch">mini-batch vs full batch (first optimizer)</option>
            </select>
          </Field>
          <Field label="Steps">
            <input
              type="number"
              min={1}
              max={DIGITS_LIMITS.maxSteps}
              value={value('steps')}
              onChange={(e) => set({ steps: num(e.target.value) })}
            />
          </Field>
          <Field label="Batch size">
            <input
              type="number"
              min={1}
              max={2000}
              value={value('batchSize')}
              onChange={(e) => set({ batchSize: num(e.target.value) })}
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
        <div className="nn-group">
          <h3>Optimizers</h3>
          {optimizers.map((o, k) => (
            <div className="nn-digits-optimizer" key={k}>
              {((o.label !== undefined && o.label !== o.type) || extraSettings(o) !== '') && (
                <p className="nn-note nn-digits-extra">
                  {[o.label !== o.type ? o.label : undefined, extraSettings(o)].filter(Boolean).join(' — ')}
                </p>
              )}
              <select
                aria-label={`Optimizer ${k + 1}`}
                value={o.type}
                onChange={(e) =>
                  setOptimizer(k, { type: e.target.value, lr: ADD_LR[e.target.value] ?? 0.001 })
                }
              >
                {ELEMENTWISE_OPTIMIZERS.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
              <input
                type="number"
                aria-label={`Learning rate ${k + 1}`}
                step="any"
                min={0}
                value={typeof o.lr === 'number' && Number.isFinite(o.lr) ? o.lr : ''}
                onChange={(e) => setOptimizer(k, { ...o, lr: num(e.target.value) })}
              />
              <button
                type="button"
                aria-label={`Remove optimizer ${k + 1}`}
                disabled={optimizers.length <= 1}
                onClick={() => setOptimizer(k, null)}
              >
                ×
              </button>
            </div>
          ))}
          <Field label="Add">
            <select
              aria-label="Add optimizer"
              value=""
              disabled={optimizers.length >= DIGITS_LIMITS.maxOptimizers}
              onChange={(e) => {
                const type = e.target.value;
                if (type) set({ optimizers: [...optimizers, { type, lr: ADD_LR[type] ?? 0.001 }] });
              }}
            >
              <option value="">— optimizer —</option>
              {ELEMENTWISE_OPTIMIZERS.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
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
          <h3>Handwritten digits, 8 × 8</h3>
          <p className="nn-note" data-testid="digits-source">
            Data: {DIGITS_SOURCE}.{' '}
            {split
              ? `${(split.train.size + split.test.size).toLocaleString('en')} images of the digits 0–9; ${split.train.size.toLocaleString('en')} train on a seeded split (seed ${seed}), ${split.test.size} are held out for the test accuracy.`
              : 'Loading the images…'}
          </p>
          {loadError && (
            <p className="nn-errors" role="alert">
              The digits could not be loaded: {loadError}
            </p>
          )}
          {images && <DigitSamples images={images} />}
          <div className="nn-stats-status">
            <button type="button" onClick={train} disabled={!split || !config || phase === 'training'}>
              Train
            </button>
            {phase === 'training' && (
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            )}
            <div
              className="nn-progress"
              role="progressbar"
              aria-label="Digits training progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(100 * fraction)}
              data-phase={phase}
            >
              <div style={{ width: `${(100 * fraction).toFixed(1)}%` }} />
              <span data-testid="digits-status">
                {phase === 'idle'
                  ? 'not trained yet'
                  : phase === 'training'
                    ? `training… ${Math.round(100 * fraction)} %`
                    : phase === 'cancelled'
                      ? 'cancelled'
                      : `trained ${steps} steps`}
              </span>
            </div>
          </div>
          {comparison && <BatchComparisonView comparison={comparison} dark={dark} />}
          {run && (
            <>
              <p className="nn-note" data-testid="digits-batches">
                {run.fullBatch
                  ? `Full batch: each step sees all ${run.trainSize.toLocaleString('en')} training images (${steps} epochs).`
                  : `Mini-batches of ${run.batchSize}: ${Math.floor(run.trainSize / run.batchSize)} steps per epoch, ${(steps / Math.floor(run.trainSize / run.batchSize)).toFixed(1)} epochs.`}
              </p>
              <div className="nn-stats-charts">
                <SmallChart
                  series={run.curves.map((c, k) => ({
                    id: `train-${k}`,
                    label: c.label,
                    slot: k,
                    x: c.steps,
                    y: c.trainLoss,
                  }))}
                  xDomain={[0, steps]}
                  xLabel="step"
                  yLabel="training loss"
                  title="Training loss (all training images)"
                  dark={dark}
                  testId="digits-loss"
                  width={340}
                  height={190}
                />
                <SmallChart
                  series={run.curves.map((c, k) => ({
                    id: `test-${k}`,
                    label: c.label,
                    slot: k,
                    x: c.steps,
                    y: c.testAccuracy,
                  }))}
                  xDomain={[0, steps]}
                  xLabel="step"
                  yLabel="test accuracy"
                  title="Test accuracy (held-out images)"
                  dark={dark}
                  testId="digits-accuracy"
                  width={340}
                  height={190}
                />
              </div>
              <div className="nn-table-wrap">
                <table className="nn-table" data-testid="digits-results">
                  <thead>
                    <tr>
                      <th>optimizer</th>
                      <th>lr</th>
                      <th>train loss</th>
                      <th>train acc.</th>
                      <th>test acc.</th>
                    </tr>
                  </thead>
                  <tbody>
                    {run.curves.map((c, k) => (
                      <tr key={k}>
                        <td className="nn-digits-name">
                          <Swatch slot={k} dark={dark} />
                          {c.label}
                          {c.divergedAt !== null && ` (diverged at step ${c.divergedAt})`}
                        </td>
                        <td>{c.lr}</td>
                        <td>{fixed(c.trainLoss.at(-1))}</td>
                        <td>{pct(c.trainAccuracy.at(-1))}</td>
                        <td>{pct(c.testAccuracy.at(-1))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
