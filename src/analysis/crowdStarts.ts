/**
 * Where a crowd starts: a ring around a center, a seeded Gaussian cloud, a line of starts, or one start
 * repeated (the noise ensemble). Pure: interleaved (w1, w2) arrays, the same for the same inputs.
 */
import { gaussian, RNG_CHANNEL } from '../core/rng';
import type { Vec2 } from '../core/types';

export type StartShape = 'ring' | 'cloud' | 'line' | 'same';

/** n points evenly around a circle of `radius`, the first at angle 0 (to the right of the center). */
export function ringStarts(center: Vec2, radius: number, n: number): Float64Array {
  const starts = new Float64Array(2 * n);
  for (let p = 0; p < n; p++) {
    const angle = (2 * Math.PI * p) / n;
    starts[2 * p] = center[0] + radius * Math.cos(angle);
    starts[2 * p + 1] = center[1] + radius * Math.sin(angle);
  }
  return starts;
}

/**
 * n points from N(center, σ²I), drawn from the core's counter-based generator on its own channel:
 * particle p uses stream p, counters 0 and 1, so a cloud never depends on how many points came before.
 */
export function cloudStarts(center: Vec2, sigma: number, n: number, seed: number): Float64Array {
  const starts = new Float64Array(2 * n);
  for (let p = 0; p < n; p++) {
    starts[2 * p] = center[0] + sigma * gaussian(seed, p, RNG_CHANNEL.startCloud, 0);
    starts[2 * p + 1] = center[1] + sigma * gaussian(seed, p, RNG_CHANNEL.startCloud, 1);
  }
  return starts;
}

/** n points evenly along w1 from center − halfWidth to center + halfWidth, at the center's w2. */
export function lineStarts(center: Vec2, halfWidth: number, n: number): Float64Array {
  const starts = new Float64Array(2 * n);
  for (let p = 0; p < n; p++) {
    const t = n === 1 ? 0.5 : p / (n - 1);
    starts[2 * p] = center[0] - halfWidth + 2 * halfWidth * t;
    starts[2 * p + 1] = center[1];
  }
  return starts;
}

export function sameStarts(center: Vec2, n: number): Float64Array {
  const starts = new Float64Array(2 * n);
  for (let p = 0; p < n; p++) {
    starts[2 * p] = center[0];
    starts[2 * p + 1] = center[1];
  }
  return starts;
}

/** The starts of a shape; `spread` is the ring's radius, the cloud's 2σ and the line's half-width. */
export function crowdStarts(
  shape: StartShape,
  center: Vec2,
  spread: number,
  n: number,
  seed: number,
): Float64Array {
  switch (shape) {
    case 'ring':
      return ringStarts(center, spread, n);
    case 'cloud':
      return cloudStarts(center, spread / 2, n, seed);
    case 'line':
      return lineStarts(center, spread, n);
    case 'same':
      return sameStarts(center, n);
  }
}
