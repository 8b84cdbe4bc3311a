/** Messages from the activation-statistics worker (src/nn/statsWorker.ts). */
import type { LayerStats, StatsInputSummary } from './activationStats';

export type StatsWorkerMessage =
  | { kind: 'input'; stats: StatsInputSummary }
  | { kind: 'layer'; stats: LayerStats }
  | { kind: 'done'; milliseconds: number }
  | { kind: 'error'; message: string };
