import { describe, expect, it } from 'vitest';
import { mapLayout } from './useMapLayout';

describe('mapLayout', () => {
  it('keeps the preferred size where three maps fit side by side', () => {
    expect(mapLayout(1400, 340, 3, 3)).toEqual({ size: 340, columns: 3 });
  });

  it('shrinks a map to the width of a phone and stacks the maps', () => {
    const { size, columns } = mapLayout(390, 512, 2, 3);
    expect(columns).toBe(1);
    expect(size + 46).toBeLessThanOrEqual(390 - 56);
  });

  it('never asks for more columns than maps, nor fewer than one', () => {
    expect(mapLayout(4000, 300, 2, 3).columns).toBe(2);
    expect(mapLayout(100, 300, 5, 3).columns).toBe(1);
  });
});
