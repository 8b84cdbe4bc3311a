import { describe, expect, it } from 'vitest';
import { gaussian, RNG_CHANNEL } from '../core/rng';
import { cloudStarts, crowdStarts, lineStarts, ringStarts, sameStarts } from './crowdStarts';

const points = (starts: Float64Array) =>
  Array.from({ length: starts.length / 2 }, (_, p) => [starts[2 * p]!, starts[2 * p + 1]!] as const);

describe('crowd starts', () => {
  it('puts a ring at the radius, evenly spaced, first point to the right', () => {
    const ring = points(ringStarts([1, -2], 0.5, 8));
    expect(ring).toHaveLength(8);
    expect(ring[0]![0]).toBeCloseTo(1.5, 12);
    expect(ring[0]![1]).toBeCloseTo(-2, 12);
    expect(ring[2]![0]).toBeCloseTo(1, 12);
    expect(ring[2]![1]).toBeCloseTo(-1.5, 12);
    for (const [w1, w2] of ring) expect(Math.hypot(w1 - 1, w2 + 2)).toBeCloseTo(0.5, 12);
    // Neighbours are one chord apart: 2r·sin(π/n).
    for (let p = 0; p < 8; p++) {
      const [a, b] = [ring[p]!, ring[(p + 1) % 8]!];
      expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeCloseTo(2 * 0.5 * Math.sin(Math.PI / 8), 12);
    }
  });

  it('draws a cloud from the core generator on the start-cloud channel, reproducibly', () => {
    const cloud = cloudStarts([0.5, 0.25], 0.2, 5, 42);
    expect(cloud[6]).toBe(0.5 + 0.2 * gaussian(42, 3, RNG_CHANNEL.startCloud, 0));
    expect(cloud[7]).toBe(0.25 + 0.2 * gaussian(42, 3, RNG_CHANNEL.startCloud, 1));
    expect(Array.from(cloudStarts([0.5, 0.25], 0.2, 5, 42))).toEqual(Array.from(cloud));
    expect(Array.from(cloudStarts([0.5, 0.25], 0.2, 5, 43))).not.toEqual(Array.from(cloud));
    // Adding particles keeps the earlier ones where they were.
    expect(Array.from(cloudStarts([0.5, 0.25], 0.2, 9, 42).slice(0, 10))).toEqual(Array.from(cloud));
  });

  it('gives a cloud the requested center and σ (4,000 draws)', () => {
    const n = 4000;
    const cloud = points(cloudStarts([2, -1], 0.3, n, 7));
    const mean = [0, 1].map((k) => cloud.reduce((s, p) => s + p[k]!, 0) / n);
    const sd = [0, 1].map((k) => Math.sqrt(cloud.reduce((s, p) => s + (p[k]! - mean[k]!) ** 2, 0) / n));
    // Standard error of the mean is σ/√n ≈ 0.005; of the sd ≈ σ/√(2n) ≈ 0.0034.
    expect(mean[0]).toBeCloseTo(2, 1);
    expect(Math.abs(mean[0]! - 2)).toBeLessThan(0.02);
    expect(Math.abs(mean[1]! + 1)).toBeLessThan(0.02);
    for (const s of sd) expect(Math.abs(s - 0.3)).toBeLessThan(0.015);
  });

  it('lays a line along w1 through the center, ends included', () => {
    expect(Array.from(lineStarts([1, 2], 0.5, 3))).toEqual([0.5, 2, 1, 2, 1.5, 2]);
    expect(Array.from(lineStarts([1, 2], 0.5, 1))).toEqual([1, 2]);
  });

  it('maps the shared spread to ring radius, cloud 2σ and line half-width', () => {
    expect(Array.from(crowdStarts('ring', [0, 0], 2, 4, 0))).toEqual(Array.from(ringStarts([0, 0], 2, 4)));
    expect(Array.from(crowdStarts('cloud', [0, 0], 2, 4, 9))).toEqual(
      Array.from(cloudStarts([0, 0], 1, 4, 9)),
    );
    expect(Array.from(crowdStarts('line', [0, 0], 2, 3, 0))).toEqual([-2, 0, 0, 0, 2, 0]);
    expect(Array.from(crowdStarts('same', [3, 4], 2, 3, 0))).toEqual(Array.from(sameStarts([3, 4], 3)));
    expect(Array.from(sameStarts([3, 4], 2))).toEqual([3, 4, 3, 4]);
  });
});
