/**
 * Run colors are legible and stable (issue 20): every color is at least 3:1 (WCAG's contrast for graphics
 * and large text) against the plot's light and dark backgrounds, thirteen runs get thirteen distinct hues,
 * and an optimizer type keeps its color whatever comes before it in the scene.
 */
import { describe, expect, it } from 'vitest';
import { PLOT_BACKGROUND } from './colors';
import { RUN_COLORS, RUN_COLORS_DARK, runStyle, typeSlots } from './palette';

/** WCAG 2 relative luminance and contrast ratio, from the definition. */
function luminance(hex: string): number {
  const channel = (k: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('run colors', () => {
  it('the contrast formula matches WCAG worked values (black on white 21:1, #777 on white ≈ 4.48)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [theme, colors, backgrounds] of [
    ['light', RUN_COLORS, [PLOT_BACKGROUND.light, '#f3f5f8']],
    ['dark', RUN_COLORS_DARK, [PLOT_BACKGROUND.dark, '#131922']],
  ] as const)
    it(`every ${theme} color is at least 3:1 against the ${theme} plot and page`, () => {
      for (const color of colors)
        for (const background of backgrounds)
          expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(3);
    });

  it('thirteen runs of one type get thirteen distinct colors, in both themes', () => {
    const slots = typeSlots(Array.from({ length: 13 }, () => ({ type: 'Adam', hyperparameters: {} })));
    for (const dark of [false, true])
      expect(new Set(slots.map((s) => runStyle(s, dark).color)).size).toBe(13);
  });

  it('AdaGrad has the same color in the default scene, alone, or after a Newton and two Adams', () => {
    const adagrad = { type: 'Adagrad', hyperparameters: { lr: 0.4 } };
    const alone = typeSlots([adagrad])[0]!;
    const later = typeSlots([
      { type: 'Newton', hyperparameters: {} },
      { type: 'Adam', hyperparameters: {} },
      { type: 'Adam', hyperparameters: {} },
      adagrad,
    ])[3]!;
    expect(runStyle(later, false).color).toBe(runStyle(alone, false).color);
    expect(typeSlots([{ type: 'SGD', hyperparameters: { momentum: 0.9 } }])[0]).toBe(1);
  });
});
