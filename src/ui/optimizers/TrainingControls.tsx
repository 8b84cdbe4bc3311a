/** Per-optimizer gradient processing and schedule: learning-rate schedule, gradient clipping, gradient noise. */
import { SCHEDULE_LABELS, type Clipping, type Schedule } from '../../core';
import { initialSchedule, SCHEDULES, type ScheduleParameter } from '../../core/schedules';
import type { OptimizerEntry } from '../../state';
import { SliderNumber } from './SliderNumber';

interface Props {
  entry: OptimizerEntry;
  steps: number;
  update(patch: Partial<OptimizerEntry>): void;
}

/** The schedule's parameters as sliders, read from its table entry (src/core/schedules.ts). */
function ScheduleParams({ schedule, set }: { schedule: Schedule; set(s: Schedule): void }) {
  const values = schedule as unknown as Record<string, number>;
  return (
    <>
      {(SCHEDULES[schedule.type].parameters as readonly ScheduleParameter[]).map((parameter) => (
        <SliderNumber
          key={parameter.key}
          label={parameter.label}
          value={values[parameter.key]!}
          min={parameter.min}
          max={parameter.max}
          {...(parameter.sliderMax !== undefined ? { sliderMax: parameter.sliderMax } : {})}
          scale="linear"
          {...(parameter.integer ? { integer: true } : {})}
          onChange={(v) => set({ ...schedule, [parameter.key]: v } as Schedule)}
        />
      ))}
    </>
  );
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
            update({ schedule: initialSchedule(event.currentTarget.value as Schedule['type'], steps) })
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
