/** The network scene as a form: data, architecture, training and slice. Edits the JSON; the schema validates. */
import {
  ACTIVATIONS,
  DATASET_IDS,
  DATASET_LABELS,
  DIRECTIONS,
  ELEMENTWISE_OPTIMIZERS,
  INITS,
  INIT_LABELS,
  LOSSES,
  NETWORK_DEFAULTS,
  datasetTask,
  type NetworkOptimizerInput,
  type NetworkSceneInput,
} from '../../nn';
import { Field } from './Field';
import { NotForNetworks } from './NotForNetworks';

interface Props {
  input: NetworkSceneInput;
  onChange(next: NetworkSceneInput): void;
  disabled: boolean;
}

type OptimizerInput = NetworkOptimizerInput;
type SliceInput = NonNullable<NetworkSceneInput['slice']>;

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function NetworkControls({ input, onChange, disabled }: Props) {
  const set = (patch: Partial<NetworkSceneInput>) => onChange({ ...input, ...patch });
  const slice: SliceInput = input.slice ?? { ...NETWORK_DEFAULTS.slice };
  const setSlice = (patch: Partial<SliceInput>) => set({ slice: { ...slice, ...patch } });
  const optimizers: readonly OptimizerInput[] = input.optimizers ?? NETWORK_DEFAULTS.optimizers;
  const setOptimizer = (k: number, next: OptimizerInput) =>
    set({ optimizers: optimizers.map((o, i) => (i === k ? next : o)) });
  const dataset = input.dataset ?? NETWORK_DEFAULTS.dataset;
  const layers = input.layers ?? [...NETWORK_DEFAULTS.layers];

  return (
    <fieldset className="nn-controls" disabled={disabled} aria-label="Network scene">
      <div className="nn-group">
        <h3>Data</h3>
        <Field label="Dataset">
          <select
            value={dataset}
            onChange={(e) => {
              const id = e.target.value as (typeof DATASET_IDS)[number];
              set({ dataset: id, loss: datasetTask(id) === 'regression' ? 'mse' : input.loss });
            }}
          >
            {DATASET_IDS.map((id) => (
              <option key={id} value={id}>
                {DATASET_LABELS[id]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Points">
          <input
            type="number"
            min={4}
            max={2000}
            value={input.size ?? NETWORK_DEFAULTS.size}
            onChange={(e) => set({ size: num(e.target.value) })}
          />
        </Field>
        <Field label="Noise">
          <input
            type="number"
            min={0}
            max={2}
            step={0.05}
            value={input.noise ?? NETWORK_DEFAULTS.noise}
            onChange={(e) => set({ noise: num(e.target.value) })}
          />
        </Field>
        <Field label="Seed">
          <input
            type="number"
            min={0}
            value={input.seed ?? NETWORK_DEFAULTS.seed}
            onChange={(e) => set({ seed: num(e.target.value) })}
          />
        </Field>
      </div>
      <div className="nn-group">
        <h3>Network</h3>
        <Field label="Hidden layers">
          <input
            type="text"
            defaultValue={layers.join(', ')}
            placeholder="e.g. 8, 8 (empty: linear)"
            onChange={(e) => {
              const parts = e.target.value
                .split(/[,\s]+/)
                .filter(Boolean)
                .map(Number);
              set({ layers: parts });
            }}
          />
        </Field>
        <Field label="Activation">
          <select
            value={input.activation ?? NETWORK_DEFAULTS.activation}
            onChange={(e) => set({ activation: e.target.value as (typeof ACTIVATIONS)[number] })}
          >
            {ACTIVATIONS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </Field>
        <Field label="Initialization">
          <select
            value={input.init ?? NETWORK_DEFAULTS.init}
            onChange={(e) => set({ init: e.target.value as (typeof INITS)[number] })}
          >
            {INITS.map((i) => (
              <option key={i} value={i}>
                {INIT_LABELS[i]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Loss">
          <select
            value={input.loss ?? NETWORK_DEFAULTS.loss}
            onChange={(e) => set({ loss: e.target.value as (typeof LOSSES)[number] })}
          >
            {LOSSES.map((l) => (
              <option key={l} value={l} disabled={l !== 'mse' && datasetTask(dataset) === 'regression'}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field label="L2 λ">
          <input
            type="number"
            min={0}
            step={0.001}
            value={input.l2 ?? NETWORK_DEFAULTS.l2}
            onChange={(e) => set({ l2: num(e.target.value) })}
          />
        </Field>
        <Field label="L1 λ">
          <input
            type="number"
            min={0}
            step={0.001}
            value={input.l1 ?? 0}
            onChange={(e) => {
              const { l1: _old, ...rest } = input;
              const value = num(e.target.value);
              // 0 is what an absent l1 means: leave it out, so links from before it re-encode the same.
              onChange(value === 0 ? rest : { ...rest, l1: value });
            }}
          />
        </Field>
      </div>
      <div className="nn-group">
        <h3>Training</h3>
        <Field label="Steps">
          <input
            type="number"
            min={1}
            max={3000}
            value={input.steps ?? NETWORK_DEFAULTS.steps}
            onChange={(e) => set({ steps: num(e.target.value) })}
          />
        </Field>
        <Field label="Batch size">
          <input
            type="number"
            min={1}
            value={input.batchSize ?? NETWORK_DEFAULTS.batchSize}
            onChange={(e) => set({ batchSize: num(e.target.value) })}
          />
        </Field>
        {optimizers.map((o, k) => (
          <div className="nn-optimizer" key={k}>
            <select
              aria-label={`Optimizer ${k + 1}`}
              value={o.type}
              onChange={(e) => setOptimizer(k, { type: e.target.value, lr: o.lr })}
            >
              {ELEMENTWISE_OPTIMIZERS.map((type) => (
                <option key={type}>{type}</option>
              ))}
            </select>
            <input
              aria-label={`Learning rate ${k + 1}`}
              type="number"
              step="any"
              value={o.lr ?? ''}
              onChange={(e) => setOptimizer(k, { ...o, lr: num(e.target.value) })}
            />
            {o.type === 'SGD' && (
              <input
                aria-label={`Momentum ${k + 1}`}
                title="momentum μ"
                type="number"
                step={0.1}
                min={0}
                max={0.9999}
                value={(o.momentum as number | undefined) ?? 0}
                onChange={(e) => setOptimizer(k, { ...o, momentum: num(e.target.value) })}
              />
            )}
            <button
              type="button"
              aria-label={`Remove optimizer ${k + 1}`}
              disabled={optimizers.length <= 1}
              onClick={() =>
                set({
                  optimizers: optimizers.filter((_, i) => i !== k),
                  slice: { ...slice, reference: 'best' },
                })
              }
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={optimizers.length >= 6}
          onClick={() => set({ optimizers: [...optimizers, { type: 'RMSprop', lr: 0.01 }] })}
        >
          + optimizer
        </button>
        <NotForNetworks />
      </div>
      <div className="nn-group">
        <h3>Slice</h3>
        <Field label="Directions">
          <select
            value={slice.directions ?? 'random'}
            onChange={(e) => setSlice({ directions: e.target.value as (typeof DIRECTIONS)[number] })}
          >
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {d === 'random' ? 'random, filter-normalized' : 'PCA of the trajectory'}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Resolution">
          <select
            value={slice.resolution ?? 64}
            onChange={(e) => setSlice({ resolution: Number(e.target.value) })}
          >
            {[32, 64, 96, 128].map((r) => (
              <option key={r} value={r}>
                {r}×{r}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Range ±">
          <input
            type="number"
            min={0.05}
            step={0.1}
            value={slice.range ?? 1}
            onChange={(e) => setSlice({ range: num(e.target.value) })}
          />
        </Field>
        <Field label="Direction seed">
          <input
            type="number"
            min={0}
            value={slice.seed ?? 7}
            onChange={(e) => setSlice({ seed: num(e.target.value) })}
          />
        </Field>
        <Field label="Centre θ* from">
          <select
            value={slice.reference ?? 'best'}
            onChange={(e) =>
              setSlice({ reference: e.target.value === 'best' ? 'best' : Number(e.target.value) })
            }
          >
            <option value="best">lowest final loss</option>
            {optimizers.map((o, k) => (
              <option key={k} value={k}>
                {k + 1}: {o.type}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </fieldset>
  );
}
