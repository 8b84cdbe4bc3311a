import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIGITS_LIMITS, digitsSchema, ELEMENTWISE_OPTIMIZERS } from '../core/network';
import { classCounts, parseDigits, splitDigits } from './digits';
import { trainDigits } from './digitsTraining';

const root = new URL('../../', import.meta.url);
const asset = readFileSync(new URL('public/data/digits.bin', root));
const buffer = asset.buffer.slice(asset.byteOffset, asset.byteOffset + asset.byteLength);
/** scikit-learn's digits.csv.gz, the independent reference: 64 pixel columns then the label. */
const csv = gunzipSync(readFileSync(new URL('test/fixtures/digits/digits.csv.gz', root)))
  .toString('utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(',').map(Number));

describe('digits asset', () => {
  const images = parseDigits(buffer);

  it('holds every image of the CSV, pixel for pixel, with its label', () => {
    expect(images.count).toBe(1797);
    expect(csv.length).toBe(1797);
    csv.forEach((row, i) => {
      expect(row.length).toBe(65);
      expect(Array.from(images.pixels.subarray(i * 64, i * 64 + 64))).toEqual(row.slice(0, 64));
      expect(images.labels[i]).toBe(row[64]);
    });
  });

  it('has the CSV class balance (174 to 183 images per digit)', () => {
    const fromCsv = classCounts(csv.map((row) => row[64]!));
    expect(classCounts(images.labels)).toEqual(fromCsv);
    expect(fromCsv.reduce((a, b) => a + b, 0)).toBe(1797);
    expect(Math.min(...fromCsv)).toBe(174);
    expect(Math.max(...fromCsv)).toBe(183);
  });

  it('reads known pixels of the first image (a 0) as the CSV has them', () => {
    // First CSV row: 0,0,5,13,9,1,0,0, … label 0.
    expect(images.labels[0]).toBe(0);
    expect(Array.from(images.pixels.subarray(0, 8))).toEqual(csv[0]!.slice(0, 8));
    expect(images.pixels[2]).toBe(5);
    expect(images.pixels[3]).toBe(13);
  });

  it('rejects a truncated or foreign file with a clear error', () => {
    expect(() => parseDigits(buffer.slice(0, 5000))).toThrow(/truncated/);
    expect(() => parseDigits(new TextEncoder().encode('<!doctype html>').buffer)).toThrow(/bad header/);
  });

  it('splits 1,437 / 360 by the seed, disjoint, covering every image', () => {
    const split = splitDigits(images, 1);
    expect([split.train.size, split.test.size]).toEqual([1437, 360]);
    const again = splitDigits(images, 1);
    expect(Array.from(again.test.labels)).toEqual(Array.from(split.test.labels));
    expect(classCounts([...split.train.labels, ...split.test.labels])).toEqual(classCounts(images.labels));
    expect(Array.from(splitDigits(images, 2).test.labels)).not.toEqual(Array.from(split.test.labels));
    expect(Math.max(...split.train.x)).toBe(1);
  });
});

describe('training on the digits', () => {
  const split = splitDigits(parseDigits(buffer), 1);

  it('lowers the loss and raises test accuracy from chance on a seeded run (Adam and SGD)', async () => {
    const config = digitsSchema.parse({
      layers: [16],
      steps: 150,
      optimizers: [
        { type: 'SGD', lr: 0.1 },
        { type: 'Adam', lr: 0.01 },
      ],
    });
    const run = await trainDigits(split, config, { evalEvery: 50 });
    expect(run.trainSize).toBe(1437);
    for (const curve of run.curves) {
      expect(curve.divergedAt).toBeNull();
      expect(curve.steps).toEqual([0, 50, 100, 150]);
      expect(curve.testAccuracy[0]!).toBeLessThan(0.3);
      expect(curve.trainLoss.at(-1)!).toBeLessThan(curve.trainLoss[0]! / 3);
      expect(curve.testLoss.at(-1)!).toBeLessThan(curve.testLoss[0]!);
      expect(curve.testAccuracy.at(-1)!).toBeGreaterThan(0.8);
    }
    const again = await trainDigits(split, config, { evalEvery: 50 });
    expect(again.curves[1]!.testLoss).toEqual(run.curves[1]!.testLoss);
  });

  it('trains with every optimizer the Network view offers', async () => {
    const lr: Record<string, number> = { SGD: 0.1, ASGD: 0.1, Adadelta: 1 };
    // A digits experiment holds at most DIGITS_LIMITS.maxOptimizers runs: train them in groups.
    for (let from = 0; from < ELEMENTWISE_OPTIMIZERS.length; from += DIGITS_LIMITS.maxOptimizers) {
      const types = ELEMENTWISE_OPTIMIZERS.slice(from, from + DIGITS_LIMITS.maxOptimizers);
      const config = digitsSchema.parse({
        layers: [16],
        steps: 40,
        optimizers: types.map((type) => ({ type, lr: lr[type] ?? 0.01 })),
      });
      const run = await trainDigits(split, config, { evalEvery: 40 });
      expect(run.curves.map((c) => c.type)).toEqual(types);
      for (const curve of run.curves) {
        expect(curve.divergedAt, curve.type).toBeNull();
        expect(curve.trainLoss.at(-1)!, curve.type).toBeLessThan(curve.trainLoss[0]!);
        expect(curve.testAccuracy.at(-1)!, curve.type).toBeGreaterThan(curve.testAccuracy[0]!);
      }
    }
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(trainDigits(split, digitsSchema.parse({}), { signal: controller.signal })).rejects.toThrow(
      /cancelled/,
    );
  });
});
