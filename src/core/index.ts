/** The public, headless API of the core. Runs in Node and in the browser; no DOM, no React, no GPU. */
export { simulate, simulateOnSurface, runOptimizer, SceneError } from './simulate';
export type { Simulation, Trajectory, Divergence, StopKind, AccumulatorTrace } from './simulate';
export { parseScene, sceneSchema, sceneToJson, resolveOptimizer, DEFAULT_STEPS } from './scene';
export type { Scene, SceneInput, OptimizerInput, OptimizerConfig, SurfaceRef } from './scene';
export { resolveSurface } from './resolveSurface';
export type { ResolvedSurface } from './resolveSurface';
export { OPTIMIZERS, OPTIMIZER_TYPES, getOptimizer } from './optimizers';
export type { OptimizerSpec } from './optimizers';
export { SURFACES, getSurface, surfaceIds } from './surfaces';
export { scheduledLearningRate, SCHEDULE_LABELS } from './schedules';
export type { Schedule } from './schedules';
export type { Clipping } from './gradientProcessing';
export { LIMITS } from './limits';
export { trajectoryToJson, simulationToJson, simulationToCsv } from './export';
export type * from './types';
