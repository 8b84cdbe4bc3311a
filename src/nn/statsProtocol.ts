/** Messages from the activation-statistics worker (src/nn/statsWorker.ts). */
import type { StatsStep } from './activationStats';

export type StatsWorkerMessage =
  StatsStep | { kind: 'done'; milliseconds: number } | { kind: 'error'; message: string };
