import { describe, expect, it } from 'vitest';
import { roundToPixel } from './geometry';

describe('roundToPixel', () => {
  it('keeps as many decimals as a pixel resolves, no more', () => {
    // 4 units over 600 px: 0.0067 per pixel → three decimals.
    expect(roundToPixel(-0.6351258426966292, 4 / 600)).toBe(-0.635);
    // Zoomed in to 0.01 units over 500 px: five decimals.
    expect(roundToPixel(0.123456789, 0.01 / 500)).toBe(0.12346);
    // A pixel wider than a unit: whole numbers.
    expect(roundToPixel(123.4, 2)).toBe(123);
  });
  it('leaves what it cannot round alone', () => {
    expect(roundToPixel(Number.NaN, 0.01)).toBeNaN();
    expect(roundToPixel(0.123456, 0)).toBe(0.123456);
  });
});
