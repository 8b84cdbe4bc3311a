import { describe, expect, it } from 'vitest';
import { clipSegment, clippedPathData } from './geometry';

describe('clipping trajectories to the plot', () => {
  it('keeps a segment inside the plot unchanged', () => {
    expect(clipSegment([10, 10], [50, 60], 100, 100)).toEqual([
      [10, 10],
      [50, 60],
    ]);
  });

  it('cuts a segment that leaves the plot at the margin, keeping its direction', () => {
    const clipped = clipSegment([50, 50], [50 + 1e6, 50], 100, 100, 10);
    expect(clipped).toEqual([
      [50, 50],
      [110, 50],
    ]);
  });

  it('drops a segment that never comes near the plot', () => {
    expect(clipSegment([500, 500], [900, 900], 100, 100, 10)).toBeNull();
  });

  it('writes short path data for a run that diverges to a million pixels', () => {
    const points: [number, number][] = [
      [50, 50],
      [60, 40],
      [-4e6, 3e6],
      [8e6, -9e6],
    ];
    const d = clippedPathData(points, points.length, 100, 100);
    expect(d.startsWith('M50.0,50.0L60.0,40.0')).toBe(true);
    for (const value of d.match(/-?\d+(\.\d+)?/g)!.map(Number))
      expect(Math.abs(value)).toBeLessThanOrEqual(124);
  });
});
