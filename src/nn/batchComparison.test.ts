import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digitsSchema } from '../core/network';
import { comparisonCaption, comparisonConfigs, comparisonFacts, compareBatchSizes } from './batchComparison';
import { parseDigits, splitDigits } from './digits';

const asset = readFileSync(new URL('../../public/data/digits.bin', import.meta.url));
const split = splitDigits(
  parseDigits(asset.buffer.slice(asset.byteOffset, asset.byteOffset + asset.byteLength)),
  1,
);

describe('mini-batch vs full batch on the digits (lecture 004)', () => {
  it('compares the first optimizer with batch B and with every training image', () => {
    const config = digitsSchema.parse({ batchSize: 2000 });
    const [mini, full] = comparisonConfigs(config, 1437);
    expect(mini.batchSize).toBe(32);
    expect(full.batchSize).toBe(1437);
    expect(mini.optimizers).toEqual([config.optimizers[0]]);
    expect(comparisonConfigs(digitsSchema.parse({ batchSize: 100 }), 1437)[0].batchSize).toBe(100);
  });

  it("the caption's claims hold on its own seeded run", async () => {
    const comparison = await compareBatchSizes(split, digitsSchema.parse({ steps: 120 }), { evalEvery: 40 });
    const facts = comparisonFacts(comparison);
    const caption = comparisonCaption(comparison);
    // Epochs are counted from the run: 120 updates of 32 of 1,437 images (44 per epoch), and one per update.
    expect(comparison.miniBatch.fullBatch).toBe(false);
    expect(comparison.fullBatch.fullBatch).toBe(true);
    expect(facts.miniEpochs).toBeCloseTo(120 / 44, 12);
    expect(facts.fullEpochs).toBe(120);
    expect(caption).toContain(
      'passed over the data 2.7 times (epochs), the full batch 120 times, 44× the gradient work',
    );
    // Noisy vs smooth: the mini-batch loss goes up often, the full-batch loss (small steps of gradient descent) never.
    const mini = comparison.miniBatch.curves[0]!.batchLoss;
    const full = comparison.fullBatch.curves[0]!.batchLoss;
    expect(mini.length).toBe(120);
    expect(full.length).toBe(120);
    expect(facts.miniRises).toBe(mini.filter((v, t) => t > 0 && v > mini[t - 1]!).length);
    expect(facts.miniRises).toBeGreaterThan(20);
    expect(facts.fullRises).toBe(0);
    expect(full.every((v, t) => t === 0 || v <= full[t - 1]!)).toBe(true);
    expect(caption).toContain(`rose from one step to the next ${facts.miniRises} times in 119`);
    expect(caption).toContain('1,437 images it never rose from one step to the next');
    // The closing comparison names the run that really ended lower, with its numbers.
    const lower = facts.miniFinalLoss < facts.fullFinalLoss ? 'the mini-batches' : 'the full batch';
    expect(caption).toContain(`in the same updates ${lower} got the training loss lower`);
    expect(caption).toContain(`(${facts.miniFinalLoss.toFixed(3)} vs ${facts.fullFinalLoss.toFixed(3)})`);
    expect(facts.fullFinalLoss).toBeCloseTo(comparison.fullBatch.curves[0]!.trainLoss.at(-1)!, 12);
  });
});
