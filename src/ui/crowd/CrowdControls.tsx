/** The crowd's settings: mode, optimizer (or all, as small multiples), particles, spread or noise σ, steps. */
import { CROWD_MODES, type CrowdMode } from '../../analysis/crowdRequest';

export const COUNTS = [100, 250, 500, 1000, 2000, 5000] as const;
export const NOISE_LEVELS = [0.1, 0.3, 1, 3, 10, 30] as const;
export const ALL = -1;

export interface CrowdControlsValue {
  readonly mode: CrowdMode;
  /** Index into the optimizers, or ALL for small multiples. */
  readonly choice: number;
  readonly count: number;
  readonly spread: number;
  readonly noise: number;
  readonly steps: number;
}

export function CrowdControls({
  value,
  labels,
  onChange,
}: {
  readonly value: CrowdControlsValue;
  readonly labels: readonly string[];
  readonly onChange: (patch: Partial<CrowdControlsValue>) => void;
}) {
  const noiseLevels = NOISE_LEVELS.includes(value.noise as (typeof NOISE_LEVELS)[number])
    ? NOISE_LEVELS
    : [...NOISE_LEVELS, value.noise].sort((a, b) => a - b);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1em', alignItems: 'center' }}>
      <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'flex', gap: '0.6em' }}>
        <legend style={{ float: 'left', marginRight: '0.4em' }}>starts</legend>
        {(Object.keys(CROWD_MODES) as CrowdMode[]).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="crowd-mode"
              value={mode}
              checked={value.mode === mode}
              onChange={() => onChange({ mode })}
            />{' '}
            {CROWD_MODES[mode]}
          </label>
        ))}
      </fieldset>
      <label>
        optimizer{' '}
        <select
          aria-label="optimizer"
          value={value.choice}
          style={{ maxWidth: '13em' }}
          onChange={(e) => onChange({ choice: Number(e.target.value) })}
        >
          {labels.map((label, i) => (
            <option key={i} value={i}>
              {label}
            </option>
          ))}
          {labels.length > 1 ? <option value={ALL}>each optimizer (small multiples)</option> : null}
        </select>
      </label>
      <label>
        {value.mode === 'noise' ? 'noise seeds N' : 'particles'}{' '}
        <select
          aria-label={value.mode === 'noise' ? 'noise seeds N' : 'particles'}
          value={value.count}
          onChange={(e) => onChange({ count: Number(e.target.value) })}
        >
          {COUNTS.map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString()}
            </option>
          ))}
        </select>
      </label>
      {value.mode === 'noise' ? (
        <label>
          gradient noise σ{' '}
          <select
            aria-label="gradient noise σ"
            value={value.noise}
            onChange={(e) => onChange({ noise: Number(e.target.value) })}
          >
            {noiseLevels.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          {value.mode === 'ring' ? 'radius' : value.mode === 'cloud' ? '2σ' : 'half-width'}{' '}
          <input
            aria-label="spread"
            type="number"
            min={0}
            step="any"
            value={value.spread}
            style={{ width: '5em' }}
            onChange={(e) => {
              const spread = Number(e.target.value);
              if (Number.isFinite(spread) && spread >= 0) onChange({ spread });
            }}
          />
        </label>
      )}
      <label>
        steps T{' '}
        <input
          aria-label="steps T"
          type="number"
          min={1}
          max={10000}
          value={value.steps}
          style={{ width: '5em' }}
          onChange={(e) =>
            onChange({ steps: Math.max(1, Math.min(10000, Math.round(Number(e.target.value) || 1))) })
          }
        />
      </label>
    </div>
  );
}
