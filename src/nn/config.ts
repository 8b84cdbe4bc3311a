/**
 * The network scene's schema, defaults and limits. They are pure (zod and tables, no tfjs), so they live
 * in src/core/network.ts, where the permalink codec can validate a link's network scene with them; this
 * module re-exports them for the network code.
 */
export {
  ACTIVATIONS,
  DIRECTIONS,
  ELEMENTWISE_OPTIMIZERS,
  INITS,
  INIT_LABELS,
  LOSSES,
  NETWORK_DEFAULTS,
  NETWORK_LIMITS,
  networkScene,
  networkSceneSchema,
  parseNetworkScene,
  sliceSchema,
} from '../core/network';
export type {
  Activation,
  DirectionKind,
  Init,
  LossKind,
  NetworkOptimizerInput,
  NetworkParseResult,
  NetworkScene,
  NetworkSceneInput,
  NetworkSceneJson,
} from '../core/network';
