/** Hyperparameter sweep: `<HyperparameterSweep scene={…} entries={…} onApply={…} />`. */
export { HyperparameterSweep } from './HyperparameterSweep';
export type { HyperparameterSweepProps, SweepEntry } from './HyperparameterSweep';
