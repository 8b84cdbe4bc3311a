/**
 * The surface's WGSL comes from the expression compiler, for built-ins too (from Surface.expression),
 * so surface math is written once; a parity test holds the hand-written TS and the generated WGSL together.
 */
import { compileExpression } from '../core/expr';
import type { SurfaceRef } from '../core/scene';
import { getSurface } from '../core/surfaces';

export class SurfaceWgslError extends Error {}

export function surfaceExpression(ref: SurfaceRef): {
  expression: string;
  constants: Readonly<Record<string, number>>;
} {
  if (typeof ref !== 'string') return { expression: ref.expression, constants: ref.constants ?? {} };
  const surface = getSurface(ref);
  if (!surface) throw new SurfaceWgslError(`unknown surface '${ref}'`);
  return { expression: surface.expression, constants: {} };
}

/** surface_value / surface_gradient / surface_hessian for a built-in id or a typed expression. */
export function surfaceWgsl(ref: SurfaceRef): string {
  const { expression, constants } = surfaceExpression(ref);
  const compiled = compileExpression(expression, constants);
  if (!compiled.ok)
    throw new SurfaceWgslError(`surface expression does not compile: ${compiled.error.message}`);
  return compiled.surface.toWgsl();
}
