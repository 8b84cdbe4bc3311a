import { describe, expect, it } from 'vitest';
import { buildYScale } from './scales';
import { exitIndex, seriesForScale } from './scaleSeries';

const series = (values: number[], left = false) => ({
  length: values.length,
  value: (i: number) => values[i] ?? Number.NaN,
  ...(left ? { left: { label: 'diverged at step 5' } } : {}),
});

describe('a chart with a diverged run', () => {
  // SGD at lr 0.05 on w1² + 25 w2² grows |w2| by 1.5 per step; the others converge.
  const diverged = series(
    Array.from({ length: 60 }, (_, t) => 25 * 1.5 ** (2 * t)),
    true,
  );
  const converging = series(Array.from({ length: 60 }, (_, t) => 26 * 0.9 ** t));

  it('takes its y axis from the runs that stayed in the box', () => {
    const scaled = seriesForScale([diverged, converging]);
    expect(scaled).toEqual([converging]);
    const values = scaled.flatMap((s) => Array.from({ length: s.length }, (_, i) => s.value(i)));
    const y = buildYScale(values, 100);
    expect(Math.max(...y.ticks)).toBeLessThanOrEqual(100);
  });

  it('marks the diverged run where it leaves the frame', () => {
    const y = buildYScale(
      Array.from({ length: 60 }, (_, t) => 26 * 0.9 ** t),
      100,
    );
    const k = exitIndex(diverged, y, 100);
    // 25·1.5^(2k) passes the axis top (100, after nice()) at k = 2.
    expect(k).toBe(2);
  });

  it('uses every run when all of them left', () => {
    expect(seriesForScale([diverged, diverged])).toHaveLength(2);
  });
});
