/**
 * Loss surfaces of real (small) neural networks. Everything exported here is plain TypeScript without
 * tfjs, safe to import from any bundle; the tfjs engine is loaded on demand with `loadNetworkEngine()`,
 * so the analytic explorer never downloads tfjs.
 */
export {
  networkSceneSchema,
  parseNetworkScene,
  networkScene,
  NETWORK_DEFAULTS,
  NETWORK_LIMITS,
} from './config';
export { ACTIVATIONS, INITS, INIT_LABELS, LOSSES, DIRECTIONS, ELEMENTWISE_OPTIMIZERS } from './config';
export type {
  NetworkScene,
  NetworkSceneInput,
  NetworkOptimizerInput,
  NetworkSceneJson,
  Activation,
  Init,
  LossKind,
  DirectionKind,
} from './config';
export { DATASET_IDS, DATASET_LABELS, makeDataset, datasetTask } from './datasets';
export type { Dataset, DatasetId, Task } from './datasets';
export { architecture, createEvaluator, initialParameters, accuracy } from './mlp';
export type { Architecture, MlpEvaluator } from './mlp';
export { trainNetwork, float64Source, prepareNetwork, referenceIndex } from './train';
export type { TrainingResult, OptimizerRun, TrainingProgress, GradientSource } from './train';
export { buildLandscape, interpolationCurve } from './landscape';
export type { Landscape } from './landscape';
export type { NetworkSliceSurface } from './slice';

/** The tfjs engine, as its own chunk. */
export const loadNetworkEngine = () => import('./tf/engine');
