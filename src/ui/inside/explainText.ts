/** Plain-language sentences about one update, derived from its numbers. */
import { format } from 'd3';
import type { StepParts } from './stepParts';

export const f3 = format('.3~g');
export const vec = (v: readonly [number, number]) => `(${f3(v[0])}, ${f3(v[1])})`;

export function whyItTurns(parts: StepParts, family: string): string {
  const [e1, e2] = parts.effectiveLr;
  const ratio = e1 / e2;
  const turn = parts.turn;
  if (!Number.isFinite(turn)) {
    const [g1, g2] = parts.gradient;
    // A zero step with a gradient: the rule held the point (Rprop after a sign flip in every coordinate).
    return g1 === 0 && g2 === 0
      ? 'No gradient here: nothing pushes the point.'
      : 'The gradient is not zero, yet the step is: the rule held the point still this time.';
  }
  const rateNote =
    Number.isFinite(ratio) && Math.abs(Math.log10(Math.abs(ratio))) > 0.3
      ? ` The effective rate of w₁ is ${f3(ratio)}× that of w₂.`
      : '';
  if (turn < 3) return `The step goes straight down −g.${rateNote}`;
  if (family === 'second order')
    return `The Hessian bends the step ${Math.round(turn)}° away from −g, toward the model's stationary point.`;
  if (parts.moment && family !== 'adaptive')
    return `The step turns ${Math.round(turn)}° away from −g: the velocity remembers earlier gradients and keeps rolling.`;
  if (parts.moment)
    return `The step turns ${Math.round(turn)}° away from −g: the first moment averages past gradients and the per-coordinate scaling evens out steep and flat directions.${rateNote}`;
  return `The step turns ${Math.round(turn)}° away from −g: each coordinate is divided by its own gradient history, so steep and flat directions move alike.${rateNote}`;
}
