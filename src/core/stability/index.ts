/** Curvature and stability of runs: thresholds, sharpness along a path, the gradient-flow reference. */
export { thresholdRule, type ThresholdRule } from './thresholds';
export { sharpnessAlong, preconditionedSharpness, type SharpnessTrace } from './sharpness';
export { gradientFlow } from './gradientFlow';
