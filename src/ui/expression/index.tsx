/**
 * Typed loss surfaces. Mount <ExpressionEditor /> under the surface picker; <UndefinedRegion /> draws the
 * gaps where a typed function is undefined; stopLabel() words a stopped trajectory.
 */
export { ExpressionEditor } from './ExpressionEditor';
export { UndefinedRegion } from './UndefinedRegion';
export { undefinedRegionPath } from './undefinedRegion';
export { stopLabel, isUndefinedStop } from './stopLabel';
export { EXPRESSION_EXAMPLES } from './examples';
