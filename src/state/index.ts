export { useOptiscope } from './store';
export type { OptiscopeState, OptiscopeActions } from './store';
export type * from './types';
export { SPEEDS, BASE_STEPS_PER_SECOND, BASE_PHASES_PER_SECOND, PHASES } from './initialState';
export { sceneStateFromJson, sceneStateToJson, coreScene, nextOptimizerId } from './sceneCodec';
export { DEFAULT_SCENE } from './defaultScene';
