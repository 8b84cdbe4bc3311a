/**
 * Counter-based random numbers: the value depends only on (seed, stream, channel, counter), never on
 * call order. The same integer hash is written in WGSL (src/gpu), so CPU and GPU draw the same noise.
 */

/** PCG-style 32-bit integer hash (Jarzynski & Olano, "Hash Functions for GPU Rendering", 2020). */
export function pcgHash(input: number): number {
  const state = (Math.imul(input >>> 0, 747796405) + 2891336453) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

export function hash4(seed: number, stream: number, channel: number, counter: number): number {
  return pcgHash((seed ^ pcgHash((stream ^ pcgHash((channel ^ pcgHash(counter >>> 0)) >>> 0)) >>> 0)) >>> 0);
}

/** Uniform in the open interval (0, 1), exactly representable in float32. */
export function uniform(seed: number, stream: number, channel: number, counter: number): number {
  return ((hash4(seed, stream, channel, counter) >>> 8) + 0.5) / 16777216;
}

/** Standard normal sample by Box–Muller from two counter-based uniforms. */
export function gaussian(seed: number, stream: number, channel: number, counter: number): number {
  const u1 = uniform(seed, stream, channel, 2 * counter);
  const u2 = uniform(seed, stream, channel, 2 * counter + 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Channels keep independent uses of randomness apart. */
export const RNG_CHANNEL = { gradientNoise: 1, randomSearch: 2, startCloud: 3 } as const;
