/**
 * The UCI optical-recognition handwritten digits (Alpaydin & Kaynak 1998; UCI ML repository), the 1,797
 * 8×8 images scikit-learn ships, shipped compactly as public/data/digits.bin (written once from
 * scikit-learn's digits.csv.gz by test/fixtures/digits/generate.py) and fetched only when the Network view's
 * digits tab opens. Pixels are counts 0..16 of set bits in 4×4 blocks; the net sees them divided by 16.
 */
import { DIGITS_TEST_FRACTION } from '../core/network';
import { NN_CHANNEL, permutation, randomStream } from './random';

export const DIGITS_SOURCE =
  'UCI ML repository, Optical Recognition of Handwritten Digits (Alpaydin & Kaynak 1998), via scikit-learn';
export const DIGITS_CLASSES = 10;
export const DIGITS_PIXELS = 64;

export interface DigitsImages {
  readonly count: number;
  /** count × 64 pixel values 0..16, row-major per image. */
  readonly pixels: Uint8Array;
  /** The digit 0..9 of each image. */
  readonly labels: Uint8Array;
}

const MAGIC = 'DIG8';
const HEADER = 8;

/** Decodes digits.bin; a damaged or foreign file gets a clear error, never a half-read set. */
export function parseDigits(buffer: ArrayBuffer): DigitsImages {
  const bytes = new Uint8Array(buffer);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < HEADER || magic !== MAGIC)
    throw new Error('digits data: not a digits file (bad header)');
  const view = new DataView(buffer);
  const count = view.getUint16(4, true);
  if (bytes[6] !== 8 || bytes[7] !== 8) throw new Error('digits data: images are not 8×8');
  if (bytes.length !== HEADER + count * (DIGITS_PIXELS + 1))
    throw new Error(`digits data: expected ${count} images, the file is ${bytes.length} bytes (truncated?)`);
  const pixels = bytes.slice(HEADER, HEADER + count * DIGITS_PIXELS);
  const labels = bytes.slice(HEADER + count * DIGITS_PIXELS);
  if (pixels.some((p) => p > 16) || labels.some((l) => l >= DIGITS_CLASSES))
    throw new Error('digits data: a pixel or label is out of range');
  return { count, pixels, labels };
}

export async function loadDigits(url: string, signal?: AbortSignal): Promise<DigitsImages> {
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok) throw new Error(`digits data: ${url} answered ${response.status}`);
  return parseDigits(await response.arrayBuffer());
}

/** Images as a data set the MLP code takes (src/nn/mlp.ts): 64 inputs, one-hot targets over 10 classes. */
export interface DigitsSet {
  readonly task: 'multiclass';
  readonly size: number;
  readonly inputDim: number;
  readonly outputDim: number;
  /** Row-major inputs, size × 64, pixels / 16. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly labels: Int32Array;
}

export interface DigitsSplit {
  readonly train: DigitsSet;
  readonly test: DigitsSet;
}

/** A seeded shuffle, the last DIGITS_TEST_FRACTION of it held out: 1,437 training and 360 test images. */
export function splitDigits(images: DigitsImages, seed: number): DigitsSplit {
  const order = permutation(images.count, randomStream(seed, NN_CHANNEL.digitsSplit));
  const testCount = Math.ceil(images.count * DIGITS_TEST_FRACTION); // as sklearn's train_test_split
  const trainCount = images.count - testCount;
  return {
    train: digitsDataset(images, order.subarray(0, trainCount)),
    test: digitsDataset(images, order.subarray(trainCount)),
  };
}

/** The chosen images as a 64-input, 10-class data set (pixels / 16, one-hot targets). */
export function digitsDataset(images: DigitsImages, rows: ArrayLike<number>): DigitsSet {
  const size = rows.length;
  const x = new Float64Array(size * DIGITS_PIXELS);
  const y = new Float64Array(size * DIGITS_CLASSES);
  const labels = new Int32Array(size);
  for (let r = 0; r < size; r++) {
    const image = rows[r]!;
    for (let p = 0; p < DIGITS_PIXELS; p++)
      x[r * DIGITS_PIXELS + p] = images.pixels[image * DIGITS_PIXELS + p]! / 16;
    labels[r] = images.labels[image]!;
    y[r * DIGITS_CLASSES + labels[r]!] = 1;
  }
  return { task: 'multiclass', size, inputDim: DIGITS_PIXELS, outputDim: DIGITS_CLASSES, x, y, labels };
}

/** Images per digit 0..9. */
export function classCounts(labels: ArrayLike<number>): number[] {
  const counts = new Array<number>(DIGITS_CLASSES).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++;
  return counts;
}
