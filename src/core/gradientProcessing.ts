/**
 * What happens to the true gradient before the optimizer sees it: mini-batch noise (lecture 003:
 * "noisy minibatch gradients"), then clipping (lecture 002: "cliffs and gradient clipping").
 */
import { gaussian, RNG_CHANNEL } from './rng';

export type Clipping =
  | { readonly type: 'none' }
  | { readonly type: 'value'; readonly max: number }
  | { readonly type: 'norm'; readonly max: number };

export const NO_CLIPPING: Clipping = { type: 'none' };

/** Adds N(0, scale²) noise per coordinate, drawn from the counter-based RNG so every run reproduces. */
export function addGradientNoise(
  g: [number, number],
  scale: number,
  seed: number,
  stream: number,
  step: number,
): void {
  if (scale <= 0) return;
  g[0] += scale * gaussian(seed, stream, RNG_CHANNEL.gradientNoise, 2 * step);
  g[1] += scale * gaussian(seed, stream, RNG_CHANNEL.gradientNoise, 2 * step + 1);
}

/** In place, as torch.nn.utils.clip_grad_value_ and clip_grad_norm_ (coefficient max/(‖g‖+1e-6), capped at 1). */
export function clipGradient(g: [number, number], clipping: Clipping): void {
  if (clipping.type === 'value') {
    g[0] = Math.min(Math.max(g[0], -clipping.max), clipping.max);
    g[1] = Math.min(Math.max(g[1], -clipping.max), clipping.max);
  } else if (clipping.type === 'norm') {
    const coefficient = Math.min(1, clipping.max / (Math.hypot(g[0], g[1]) + 1e-6));
    g[0] *= coefficient;
    g[1] *= coefficient;
  }
}
