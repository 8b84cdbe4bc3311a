/**
 * A scene names a built-in surface by id or carries a typed expression; both resolve to the same shape,
 * so engines and panels never care which it was.
 */
import { compileExpression } from './expr';
import { fitExpressionView } from './expressionView';
import type { SurfaceRef } from './scene';
import { getSurface, surfaceIds } from './surfaces';
import type { Surface } from './types';

export interface ResolvedSurface extends Omit<Surface, 'starts'> {
  readonly source: 'builtin' | 'expression' | 'network';
  readonly starts: Surface['starts'];
  /** Named constants of an expression surface (empty for built-ins). */
  readonly constants: Readonly<Record<string, number>>;
}

export type Resolution =
  { ok: true; value: ResolvedSurface } | { ok: false; error: string; position?: number };

export function resolveSurface(ref: SurfaceRef): Resolution {
  if (typeof ref === 'string') {
    const surface = getSurface(ref);
    if (!surface) return { ok: false, error: `unknown surface '${ref}' (known: ${surfaceIds.join(', ')})` };
    return { ok: true, value: { ...surface, source: 'builtin', constants: {} } };
  }
  const key = JSON.stringify(ref);
  const cached = recentExpressions.get(key);
  if (cached) return cached;
  const resolution = resolveExpression(ref);
  if (recentExpressions.size >= 16) recentExpressions.delete(recentExpressions.keys().next().value!);
  recentExpressions.set(key, resolution);
  return resolution;
}

/**
 * Compiling and fitting a view costs a few milliseconds; dragging the start recomputes many times a second
 * with the same function, so the last few resolutions are memoized (a pure function's cache, not state).
 */
const recentExpressions = new Map<string, Resolution>();

function resolveExpression(ref: Exclude<SurfaceRef, string>): Resolution {
  const constants = ref.constants ?? {};
  const compiled = compileExpression(ref.expression, constants);
  if (!compiled.ok) return { ok: false, error: compiled.error.message, position: compiled.error.position };
  const fitted = fitExpressionView(compiled.surface);
  return {
    ok: true,
    value: {
      id: 'custom',
      name: 'Your function',
      formula: compiled.surface.latex,
      expression: ref.expression,
      description: 'A function you typed; gradient and Hessian are derived symbolically.',
      value: compiled.surface.value,
      gradient: compiled.surface.gradient,
      hessian: compiled.surface.hessian,
      viewBox: fitted.viewBox,
      criticalPoints: fitted.criticalPoints,
      defaultStart: fitted.defaultStart,
      starts: [],
      contourScale: fitted.contourScale,
      source: 'expression',
      constants,
    },
  };
}
