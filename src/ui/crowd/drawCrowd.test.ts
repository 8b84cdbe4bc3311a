import { describe, expect, it } from 'vitest';
import { dotRadius, tailLength } from './drawCrowd';

describe('crowd drawing', () => {
  it('keeps tails short and dots smaller as the crowd grows', () => {
    expect(tailLength(2)).toBe(4);
    expect(tailLength(151)).toBe(9);
    expect(tailLength(401)).toBe(24);
    expect(dotRadius(100)).toBeGreaterThan(dotRadius(1000));
    expect(dotRadius(1000)).toBeGreaterThan(dotRadius(5000));
  });
});
