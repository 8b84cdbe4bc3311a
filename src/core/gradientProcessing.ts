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

/**
 * The clipping methods, as torch.nn.utils.clip_grad_value_ and clip_grad_norm_ (coefficient
 * max/(‖g‖+1e-6), capped at 1): the CPU form (in place) and the WGSL form over `g` and `m` (the max),
 * which src/gpu/wgslTables.ts turns into clip_gradient(). A new method is one entry (and its member of
 * the Clipping type).
 */
export const CLIPPINGS: {
  readonly [Type in Clipping['type']]: {
    readonly label: string;
    readonly apply: (g: [number, number], clipping: Extract<Clipping, { type: Type }>) => void;
    readonly wgsl: string;
  };
} = {
  none: { label: 'none', apply: () => {}, wgsl: 'g' },
  value: {
    label: 'by value',
    apply(g, { max }) {
      g[0] = Math.min(Math.max(g[0], -max), max);
      g[1] = Math.min(Math.max(g[1], -max), max);
    },
    wgsl: 'clamp(g, vec2<f32>(-m), vec2<f32>(m))',
  },
  norm: {
    label: 'by norm',
    apply(g, { max }) {
      const coefficient = Math.min(1, max / (Math.hypot(g[0], g[1]) + 1e-6));
      g[0] *= coefficient;
      g[1] *= coefficient;
    },
    wgsl: 'g * min(1.0, m / (length(g) + 1e-6))',
  },
};

export const CLIPPING_TYPES = Object.keys(CLIPPINGS) as Clipping['type'][];

/** In place. */
export function clipGradient(g: [number, number], clipping: Clipping): void {
  (CLIPPINGS[clipping.type].apply as (g: [number, number], clipping: Clipping) => void)(g, clipping);
}
