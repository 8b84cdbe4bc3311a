/** Per-optimizer gradient processing and schedule: learning-rate schedule, gradient clipping, gradient noise. */
import { LIMITS, SCHEDULE_LABELS, type Clipping, type Schedule } from '../../core';
import type { OptimizerEntry } from '../../state';
import { SliderNumber } from './SliderNumber';

const SCHEDULE_DEFAULTS: Record<Schedule['type'], (steps: number) => Schedule> = {
  constant: () => ({ type: 'constant' }),
  step: (steps) => ({ type: 'step', step_size: Math.max(1, Math.round(steps / 4)), gamma: 0.5 }),
  exponential: () => ({ type: 'exponential', k: 0.02 }),
  inverse_time: () => ({ type: 'inverse_time', k: 0.05 }),
  cosine: (steps) => ({ type: 'cosine', T_max: steps, eta_min: 0 }),
};

interface Props {
  entry: OptimizerEntry;
  steps: number;
  update(patch: Partial<OptimizerEntry>): void;
}

function ScheduleParams({ schedule, set }: { schedule: Schedule; set(s: Schedule): void }) {
  switch (schedule.type) {
    case 'constant':
      return null;
    case 'step':
      return (
        <>
          <SliderNumber
            label="step size (steps)"
            value={schedule.step_size}
            min={1}
            max={LIMITS.maxSteps}
            sliderMax={1000}
            scale="linear"
            integer
            onChange={(v) => set({ ...schedule, step_size: v })}
          />
          <SliderNumber
            label="factor γ"
            value={schedule.gamma}
            min={0}
            max={1}
            scale="linear"
            onChange={(v) => set({ ...schedule, gamma: v })}
          />
        </>
      );
    case 'exponential':
    case 'inverse_time':
      return (
        <SliderNumber
          label="decay k"
          value={schedule.k}
          min={0}
          max={10}
          sliderMax={1}
          scale="linear"
          onChange={(v) => set({ ...schedule, k: v })}
        />
      );
    case 'cosine':
      return (
        <>
          <SliderNumber
            label="period T_max"
            value={schedule.T_max}
            min={1}
            max={LIMITS.maxSteps}
            sliderMax={1000}
            scale="linear"
            integer
            onChange={(v) => set({ ...schedule, T_max: v })}
          />
          <SliderNumber
            label="η_min"
            value={schedule.eta_min}
            min={0}
            max={1000}
            sliderMax={1}
            scale="linear"
            onChange={(v) => set({ ...schedule, eta_min: v })}
          />
        </>
      );
  }
}

export function TrainingControls({ entry, steps, update }: Props) {
  const clip = entry.clip;
  const setClip = (type: Clipping['type']) =>
    update({ clip: type === 'none' ? { type } : { type, max: clip.type === 'none' ? 1 : clip.max } });
  return (
    <div className="training-controls">
      <label className="select-field">
        <span>LR schedule</span>
        <select
          value={entry.schedule.type}
          onChange={(event) =>
            update({ schedule: SCHEDULE_DEFAULTS[event.currentTarget.value as Schedule['type']](steps) })
          }
        >
          {Object.entries(SCHEDULE_LABELS).map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <ScheduleParams schedule={entry.schedule} set={(schedule) => update({ schedule })} />
      <label className="select-field">
        <span>Gradient clipping</span>
        <select
          value={clip.type}
          onChange={(event) => setClip(event.currentTarget.value as Clipping['type'])}
        >
          <option value="none">none</option>
          <option value="value">by value (each |gᵢ| ≤ c)</option>
          <option value="norm">by norm (‖g‖ ≤ c)</option>
        </select>
      </label>
      {clip.type !== 'none' && (
        <SliderNumber
          label="threshold c"
          value={clip.max}
          min={1e-6}
          max={1e6}
          sliderMax={1e3}
          scale="log"
          onChange={(max) => update({ clip: { ...clip, max } })}
        />
      )}
      <SliderNumber
        label="gradient noise σ"
        value={entry.noise}
        min={0}
        max={1000}
        sliderMax={20}
        scale="linear"
        help="mini-batch emulation: N(0, σ²) added to each gradient coordinate"
        onChange={(noise) => update({ noise })}
      />
    </div>
  );
}
