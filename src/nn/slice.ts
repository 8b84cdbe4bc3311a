/**
 * A 2-D slice of a network's loss as a surface like any other: f(α, β) = L(θ* + α·d1 + β·d2).
 * Value and gradient are exact float64 (the gradient of the slice is the full gradient projected onto the
 * plane, (∇L·d1, ∇L·d2), from the hand-written backprop in mlp.ts) and synchronous, so the core's
 * runOptimizer and every panel that reads a ResolvedSurface work on it. The Hessian is a central finite
 * difference of that exact gradient (step 1e-4 of the view's size), symmetrized — enough for Newton's
 * method and the curvature read-outs; documented in docs/networks.md.
 */
import type { ResolvedSurface } from '../core/resolveSurface';
import type { Hessian2, Vec2, ViewBox } from '../core/types';
import type { Dataset } from './datasets';
import { createEvaluator, type Architecture } from './mlp';

/** A ResolvedSurface whose source is a network (the lead widens ResolvedSurface['source'] to include it). */
export interface NetworkSliceSurface extends Omit<ResolvedSurface, 'source'> {
  readonly source: 'network';
  readonly center: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  /** θ at a point of the plane (for the decision-boundary panel). */
  parametersAt(alpha: number, beta: number): Float64Array;
}

export interface SliceInput {
  readonly arch: Architecture;
  readonly data: Dataset;
  readonly center: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly viewBox: ViewBox;
  readonly start: Vec2;
  readonly name: string;
  readonly description: string;
}

export function createSliceSurface(input: SliceInput): NetworkSliceSurface {
  const { arch, data, center, d1, d2, viewBox } = input;
  const evaluator = createEvaluator(arch, data);
  const theta = new Float64Array(arch.paramCount);
  const gradient = new Float64Array(arch.paramCount);
  const fill = (alpha: number, beta: number, target: Float64Array) => {
    for (let k = 0; k < target.length; k++) target[k] = center[k]! + alpha * d1[k]! + beta * d2[k]!;
    return target;
  };
  const value = (alpha: number, beta: number) => evaluator.loss(fill(alpha, beta, theta));
  const sliceGradient = (alpha: number, beta: number): Vec2 => {
    evaluator.loss(fill(alpha, beta, theta), gradient);
    let g1 = 0;
    let g2 = 0;
    for (let k = 0; k < gradient.length; k++) {
      g1 += gradient[k]! * d1[k]!;
      g2 += gradient[k]! * d2[k]!;
    }
    return [g1, g2];
  };
  const step = 1e-4 * Math.max(viewBox.w1[1] - viewBox.w1[0], viewBox.w2[1] - viewBox.w2[0]);
  const hessian = (alpha: number, beta: number): Hessian2 => {
    const [a1, a2] = sliceGradient(alpha + step, beta);
    const [b1, b2] = sliceGradient(alpha - step, beta);
    const [c1, c2] = sliceGradient(alpha, beta + step);
    const [e1, e2] = sliceGradient(alpha, beta - step);
    const h11 = (a1 - b1) / (2 * step);
    const h22 = (c2 - e2) / (2 * step);
    const h12 = ((a2 - b2) / (2 * step) + (c1 - e1) / (2 * step)) / 2;
    return [h11, h12, h22];
  };
  return {
    id: 'network-slice',
    name: input.name,
    formula: 'L(\\theta^* + \\alpha d_1 + \\beta d_2)',
    // No closed form: the GPU engine, which compiles expressions, cannot run this surface (CPU only).
    expression: '',
    description: input.description,
    value,
    gradient: sliceGradient,
    hessian,
    viewBox,
    criticalPoints: [{ kind: 'minimum', at: [0, 0], label: 'θ* (trained)' }],
    defaultStart: input.start,
    starts: [[0, 0]],
    contourScale: 'log',
    source: 'network',
    constants: {},
    center,
    d1,
    d2,
    parametersAt: (alpha, beta) => fill(alpha, beta, new Float64Array(arch.paramCount)),
  };
}
