import { describe, expect, it } from 'vitest';
import { stageWidth } from './stageLayout';

describe('stageWidth', () => {
  it('lays a slide-sized frame out at its own width (scale 1, full-size text)', () => {
    expect(stageWidth(960, true)).toBe(960);
    expect(stageWidth(480, false)).toBe(480);
  });

  it('lays a small frame out a little wider and scales it by at most 0.75', () => {
    expect(stageWidth(480, true)).toBe(640);
    expect(480 / stageWidth(300, false)).toBeGreaterThanOrEqual(0.75 - 1e-9);
    expect(stageWidth(300, true) * 0.75).toBeLessThanOrEqual(300);
  });
});
