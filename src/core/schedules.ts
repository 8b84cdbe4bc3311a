/**
 * Learning-rate schedules from lecture 000 ("learning-rate decay"): step, exponential α0·e^(−kt),
 * 1/t decay α0/(1+kt), plus cosine annealing as torch.optim.lr_scheduler.CosineAnnealingLR defines it.
 * `t` counts completed steps (0 for the first update), like a torch scheduler after t calls to step().
 */
import { LIMITS } from './limits';

export type Schedule =
  | { readonly type: 'constant' }
  | { readonly type: 'step'; readonly step_size: number; readonly gamma: number }
  | { readonly type: 'exponential'; readonly k: number }
  | { readonly type: 'inverse_time'; readonly k: number }
  | { readonly type: 'cosine'; readonly T_max: number; readonly eta_min: number };

export const CONSTANT_SCHEDULE: Schedule = { type: 'constant' };

/** One parameter of a schedule: its range (the scene schema's), its slider and its initial value. */
export interface ScheduleParameter<Key extends string = string> {
  readonly key: Key;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Where the slider ends (the number field accepts up to max). */
  readonly sliderMax?: number;
  readonly integer?: boolean;
  /** Its value when the schedule is picked for a run of `steps` steps. */
  readonly initial: (steps: number) => number;
}

type ScheduleOf<Type extends Schedule['type']> = Extract<Schedule, { type: Type }>;

/**
 * A schedule: everything the app knows of it. The scene schema and the link codec, the controls, the CPU
 * rate and the WGSL (src/gpu/wgslTables.ts) are all read from this entry, so a new schedule is one entry
 * here plus its member of the Schedule type above.
 */
export interface ScheduleDefinition<S extends Schedule = Schedule> {
  readonly label: string;
  /** In the order the link codec writes them and the GPU packs them (schedule_a, schedule_b). */
  readonly parameters: readonly ScheduleParameter<Exclude<keyof S, 'type'> & string>[];
  /** The rate for the update that follows `t` completed steps, float64. */
  readonly rate: (baseLr: number, t: number, schedule: S) => number;
  /** The same as a WGSL expression over base_lr, t (f32) and a, b (the first two parameters). */
  readonly wgsl: string;
}

const decayK = (label: string): ScheduleParameter<'k'> => ({
  key: 'k',
  label,
  min: 0,
  max: 10,
  sliderMax: 1,
  initial: () => 0.05,
});

export const SCHEDULES: { readonly [Type in Schedule['type']]: ScheduleDefinition<ScheduleOf<Type>> } = {
  constant: { label: 'constant', parameters: [], rate: (baseLr) => baseLr, wgsl: 'base_lr' },
  step: {
    label: 'step decay',
    parameters: [
      {
        key: 'step_size',
        label: 'step size (steps)',
        min: 1,
        max: LIMITS.maxSteps,
        sliderMax: 1000,
        integer: true,
        initial: (steps) => Math.max(1, Math.round(steps / 4)),
      },
      { key: 'gamma', label: 'factor γ', min: 0, max: 1, initial: () => 0.5 },
    ],
    rate: (baseLr, t, s) => baseLr * Math.pow(s.gamma, Math.floor(t / s.step_size)),
    wgsl: 'base_lr * pow_safe(b, floor(t / a))',
  },
  exponential: {
    label: 'exponential α₀·e^(−kt)',
    parameters: [{ ...decayK('decay k'), initial: () => 0.02 }],
    rate: (baseLr, t, s) => baseLr * Math.exp(-s.k * t),
    wgsl: 'base_lr * exp(-a * t)',
  },
  inverse_time: {
    label: '1/t decay α₀/(1+kt)',
    parameters: [decayK('decay k')],
    rate: (baseLr, t, s) => baseLr / (1 + s.k * t),
    wgsl: 'base_lr / (1.0 + a * t)',
  },
  cosine: {
    label: 'cosine annealing',
    parameters: [
      {
        key: 'T_max',
        label: 'period T_max',
        min: 1,
        max: LIMITS.maxSteps,
        sliderMax: 1000,
        integer: true,
        initial: (steps) => steps,
      },
      { key: 'eta_min', label: 'η_min', min: 0, max: 1e3, sliderMax: 1, initial: () => 0 },
    ],
    // Closed form of CosineAnnealingLR (periodic beyond T_max, as in torch).
    rate: (baseLr, t, s) => s.eta_min + ((baseLr - s.eta_min) * (1 + Math.cos((Math.PI * t) / s.T_max))) / 2,
    wgsl: 'b + (base_lr - b) * (1.0 + cos(3.141592653589793 * t / a)) * 0.5',
  },
};

export const SCHEDULE_TYPES = Object.keys(SCHEDULES) as Schedule['type'][];

export const SCHEDULE_LABELS = Object.fromEntries(
  SCHEDULE_TYPES.map((type) => [type, SCHEDULES[type].label]),
) as Record<Schedule['type'], string>;

/** The schedule `type` with its parameters' initial values for a run of `steps` steps. */
export function initialSchedule(type: Schedule['type'], steps: number): Schedule {
  const parameters = SCHEDULES[type].parameters as readonly ScheduleParameter[];
  return Object.fromEntries([
    ['type', type],
    ...parameters.map((p) => [p.key, p.initial(steps)]),
  ]) as Schedule;
}

/** The schedule's parameters in table order (what the GPU packs as schedule_a, schedule_b). */
export function scheduleParameters(schedule: Schedule): number[] {
  const values = schedule as unknown as Record<string, number>;
  return (SCHEDULES[schedule.type].parameters as readonly ScheduleParameter[]).map((p) => values[p.key]!);
}

/** The scheduled learning rate for the update that follows `t` completed steps. */
export function scheduledLearningRate(schedule: Schedule, baseLr: number, t: number): number {
  return (SCHEDULES[schedule.type] as ScheduleDefinition).rate(baseLr, t, schedule);
}
