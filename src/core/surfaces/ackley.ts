/**
 * Ackley function in two dimensions with a = 20, b = 0.2, c = 2π (Surjanovic & Bingham, Virtual Library of
 * Simulation Experiments, "Ackley Function"):
 *   f = −a·exp(−b·s) − exp(½(cos c·w1 + cos c·w2)) + a + e,  s = √(½(w1² + w2²)),
 * global minimum 0 at the origin, where the first term is a cone: its gradient jumps there and its
 * curvature is infinite. At exactly (0, 0) the gradient returned is (0, 0) (the minimum, by symmetry)
 * and the Hessian is that of the cosine term alone, 2π²e·I.
 */
import type { Hessian2, Surface, Vec2 } from '../types';

const A = 20;
const B = 0.2;
const C = 2 * Math.PI;

const radius = (w1: number, w2: number): number => Math.sqrt(0.5 * (w1 * w1 + w2 * w2));
const cosineTerm = (w1: number, w2: number): number => Math.exp(0.5 * (Math.cos(C * w1) + Math.cos(C * w2)));

function value(w1: number, w2: number): number {
  return -A * Math.exp(-B * radius(w1, w2)) - cosineTerm(w1, w2) + A + Math.E;
}

function gradient(w1: number, w2: number): Vec2 {
  const s = radius(w1, w2);
  const ripple = cosineTerm(w1, w2);
  // d/dw_i of −a·exp(−b·s) is a·b·exp(−b·s)·w_i/(2s); the cone has no gradient at its tip.
  const coneSlope = s === 0 ? 0 : (A * B * Math.exp(-B * s)) / (2 * s);
  return [
    coneSlope * w1 + 0.5 * C * ripple * Math.sin(C * w1),
    coneSlope * w2 + 0.5 * C * ripple * Math.sin(C * w2),
  ];
}

function hessian(w1: number, w2: number): Hessian2 {
  const s = radius(w1, w2);
  const ripple = cosineTerm(w1, w2);
  const sin1 = Math.sin(C * w1);
  const sin2 = Math.sin(C * w2);
  const halfC = 0.5 * C;
  // Cosine term: ∂²/∂w_i∂w_j of −exp(½Σcos c·w) from the chain rule, with (½c)² = π².
  const r11 = ripple * (C * halfC * Math.cos(C * w1) - halfC * halfC * sin1 * sin1);
  const r22 = ripple * (C * halfC * Math.cos(C * w2) - halfC * halfC * sin2 * sin2);
  const r12 = -ripple * halfC * halfC * sin1 * sin2;
  if (s === 0) return [r11, r12, r22];
  // Cone term: with k(s) = a·b·exp(−b·s)/(2s), ∂/∂w_j (k·w_i) = k·δ_ij + k'(s)·w_i·w_j/(2s).
  const decay = Math.exp(-B * s);
  const k = (A * B * decay) / (2 * s);
  const kPrimeOver2s = (-A * B * decay * (B * s + 1)) / (4 * s * s * s);
  return [k + kPrimeOver2s * w1 * w1 + r11, kPrimeOver2s * w1 * w2 + r12, k + kPrimeOver2s * w2 * w2 + r22];
}

export const ackley: Surface = {
  id: 'ackley',
  name: 'Ackley',
  formula:
    '-20 \\exp\\left(-0.2 \\sqrt{\\tfrac{1}{2}(w_1^2 + w_2^2)}\\right) - \\exp\\left(\\tfrac{1}{2}(\\cos 2\\pi w_1 + \\cos 2\\pi w_2)\\right) + 20 + e',
  expression: '-20*exp(-0.2*sqrt(0.5*(w1^2 + w2^2))) - exp(0.5*(cos(2*pi*w1) + cos(2*pi*w2))) + 20 + e',
  description:
    'A nearly flat, rippled plain of local minima around one deep funnel whose tip at the origin is a cone, where the gradient is not even defined.',
  value,
  gradient,
  hessian,
  viewBox: { w1: [-5, 5], w2: [-5, 5] },
  criticalPoints: [{ kind: 'minimum', at: [0, 0], label: 'global minimum (cone tip: no gradient)' }],
  defaultStart: [-3.4, 3.7],
  starts: [
    [0.7, -0.4],
    [4.2, -1.3],
    [-1.6, -4.4],
  ],
  contourScale: 'linear',
};
