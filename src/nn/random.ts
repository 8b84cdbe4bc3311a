/**
 * Seeded randomness for networks, drawn from the core's counter-based generator (src/core/rng.ts): a
 * value depends only on (seed, stream, channel, counter), so data, initial weights, mini-batches and
 * slice directions reproduce exactly from a scene, whatever order they are drawn in. tfjs initializers
 * are never used (they ignore seeds).
 */
import { gaussian, uniform } from '../core/rng';

/** Channels of the network lab, kept apart from the core's (1–3). */
export const NN_CHANNEL = {
  data: 101,
  dataNoise: 102,
  init: 103,
  batches: 104,
  directions: 105,
  statsInput: 106,
  statsWeights: 107,
  digitsSplit: 108,
  preprocessingData: 109,
  deepInit: 110,
  deepBatches: 111,
  deepData: 112,
} as const;

export type NnChannel = (typeof NN_CHANNEL)[keyof typeof NN_CHANNEL];

/** A reproducible stream of draws: the k-th call returns the k-th value of (seed, stream, channel). */
export interface RandomStream {
  uniform(): number;
  gaussian(): number;
}

export function randomStream(seed: number, channel: NnChannel, stream = 0): RandomStream {
  let uniformCounter = 0;
  let gaussianCounter = 0;
  return {
    uniform: () => uniform(seed, stream, channel, uniformCounter++),
    gaussian: () => gaussian(seed, stream, channel + 1000, gaussianCounter++),
  };
}

/** Fisher–Yates shuffle of 0..n−1 driven by a stream. */
export function permutation(n: number, random: RandomStream): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  return order;
}
