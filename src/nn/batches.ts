/**
 * Which rows each mini-batch step sees: one seeded shuffle per epoch, consecutive batches of it (a
 * remainder smaller than a batch is dropped, as torch's DataLoader(drop_last=True)). Every optimizer of a
 * scene sees the same batches at the same step, so their curves differ by the rule, not by luck.
 */
import { NN_CHANNEL, permutation, randomStream } from './random';

export interface BatchSchedule {
  /** Rows of update t (1-based); null means the whole data set (full-batch gradient descent). */
  rows(t: number): Int32Array | null;
  readonly batchSize: number;
  readonly fullBatch: boolean;
}

export function batchSchedule(size: number, batchSize: number, seed: number): BatchSchedule {
  const effective = Math.min(batchSize, size);
  const fullBatch = effective >= size;
  const perEpoch = Math.max(1, Math.floor(size / effective));
  let cachedEpoch = -1;
  let order: Int32Array = new Int32Array(0);
  return {
    batchSize: effective,
    fullBatch,
    rows(t) {
      if (fullBatch) return null;
      const epoch = Math.floor((t - 1) / perEpoch);
      if (epoch !== cachedEpoch) {
        order = permutation(size, randomStream(seed, NN_CHANNEL.batches, epoch));
        cachedEpoch = epoch;
      }
      const start = ((t - 1) % perEpoch) * effective;
      return order.slice(start, start + effective);
    },
  };
}
