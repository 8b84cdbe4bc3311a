import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, formatDisplayOptions, parseDisplayOptions } from './display';

describe('display options', () => {
  it('reads the embed options of the query string', () => {
    const { options, warnings } = parseDisplayOptions(
      '?embed&panels=surface,loss&autoplay&loop&theme=dark&dpr=2',
    );
    expect(warnings).toEqual([]);
    expect(options).toEqual({
      ...DEFAULT_DISPLAY,
      embed: true,
      panels: ['surface', 'loss'],
      autoplay: true,
      loop: true,
      theme: 'dark',
      dpr: 2,
    });
  });

  it('writes what it reads', () => {
    const options = {
      ...DEFAULT_DISPLAY,
      embed: true,
      panels: ['surface', 'convergence'] as const,
      controls: true,
      dpr: 1.5,
    };
    expect(parseDisplayOptions(formatDisplayOptions(options)).options).toEqual(options);
    expect(formatDisplayOptions(DEFAULT_DISPLAY)).toBe('');
  });

  it('ignores what it does not know, with a warning', () => {
    const { options, warnings } = parseDisplayOptions('?embed=maybe&panels=teapot&theme=pink&dpr=99&x=1');
    expect(options).toEqual(DEFAULT_DISPLAY);
    expect(warnings).toHaveLength(5);
  });
});
