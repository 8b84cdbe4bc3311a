/**
 * Learning-rate schedules from lecture 000 ("learning-rate decay"): step, exponential α0·e^(−kt),
 * 1/t decay α0/(1+kt), plus cosine annealing as torch.optim.lr_scheduler.CosineAnnealingLR defines it.
 * `t` counts completed steps (0 for the first update), like a torch scheduler after t calls to step().
 */
export type Schedule =
  | { readonly type: 'constant' }
  | { readonly type: 'step'; readonly step_size: number; readonly gamma: number }
  | { readonly type: 'exponential'; readonly k: number }
  | { readonly type: 'inverse_time'; readonly k: number }
  | { readonly type: 'cosine'; readonly T_max: number; readonly eta_min: number };

export const CONSTANT_SCHEDULE: Schedule = { type: 'constant' };

export const SCHEDULE_LABELS: Record<Schedule['type'], string> = {
  constant: 'constant',
  step: 'step decay',
  exponential: 'exponential α₀·e^(−kt)',
  inverse_time: '1/t decay α₀/(1+kt)',
  cosine: 'cosine annealing',
};

/** The scheduled learning rate for the update that follows `t` completed steps. */
export function scheduledLearningRate(schedule: Schedule, baseLr: number, t: number): number {
  switch (schedule.type) {
    case 'constant':
      return baseLr;
    case 'step':
      return baseLr * Math.pow(schedule.gamma, Math.floor(t / schedule.step_size));
    case 'exponential':
      return baseLr * Math.exp(-schedule.k * t);
    case 'inverse_time':
      return baseLr / (1 + schedule.k * t);
    case 'cosine':
      // Closed form of CosineAnnealingLR (periodic beyond T_max, as in torch).
      return (
        schedule.eta_min + ((baseLr - schedule.eta_min) * (1 + Math.cos((Math.PI * t) / schedule.T_max))) / 2
      );
  }
}
