/** Documented limits: anything larger is rejected by the schema (core) or clamped with a message (links, UI). */
export const LIMITS = {
  maxSteps: 10_000,
  maxOptimizers: 24,
  maxExpressionLength: 500,
  /** A trajectory whose |w| exceeds this has diverged (besides NaN/Inf). */
  divergenceBound: 1e6,
  maxCoordinate: 1e6,
} as const;
