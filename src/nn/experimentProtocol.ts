/** Messages from the training-experiment worker (src/nn/experimentWorker.ts). */
import type { ExperimentNetRun } from './trainingExperiments';

export type ExperimentWorkerMessage =
  | { kind: 'progress'; fraction: number; label: string }
  | { kind: 'run'; run: ExperimentNetRun }
  | { kind: 'done'; milliseconds: number }
  | { kind: 'error'; message: string };
