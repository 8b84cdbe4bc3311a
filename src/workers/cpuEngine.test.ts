import { describe, expect, it } from 'vitest';
import { chunkRanges } from './cpuEngine';

describe('CPU engine chunking', () => {
  it('gives every worker a contiguous slice even for a small batch', () => {
    expect(chunkRanges(1000, 200, 2)).toEqual([
      [0, 500],
      [500, 1000],
    ]);
  });

  it('covers every particle once, in equal slices, a multiple of the worker count', () => {
    const ranges = chunkRanges(1_000_000, 20, 2);
    expect(ranges.length % 2).toBe(0);
    expect(ranges[0]![0]).toBe(0);
    expect(ranges.at(-1)![1]).toBe(1_000_000);
    for (let k = 1; k < ranges.length; k++) expect(ranges[k]![0]).toBe(ranges[k - 1]![1]);
    const sizes = ranges.map(([a, b]) => b - a);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('never makes empty ranges', () => {
    expect(chunkRanges(1, 10, 4)).toEqual([[0, 1]]);
    expect(chunkRanges(0, 10, 4)).toEqual([]);
  });
});
