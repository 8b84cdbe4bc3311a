import { describe, expect, it } from 'vitest';
import { parseTypedNumber, validateNumber } from './parseNumber';

describe('typed numbers', () => {
  it('accepts a decimal comma and a typographic minus', () => {
    expect(parseTypedNumber('0,05')).toBe(0.05);
    expect(parseTypedNumber(' −1 ')).toBe(-1);
    expect(parseTypedNumber('1,5e-3')).toBe(0.0015);
    expect(parseTypedNumber('1,000.5')).toBeNaN(); // a thousands separator is not guessed at
    expect(validateNumber('0,05', 1e-6, 10)).toBeNull();
  });

  it('says why each bad entry is refused, with the range that applies', () => {
    const lr = (text: string) => validateNumber(text, 1e-6, 10);
    expect(lr('0')).toBe('0 is below the smallest allowed value: enter one from 0.000001 to 10.');
    expect(lr('-1')).toContain('below the smallest allowed value');
    expect(lr('1e9')).toBe('1e+9 is above the largest allowed value: enter one from 0.000001 to 10.');
    expect(lr('')).toBe('Enter a number from 0.000001 to 10.');
    expect(lr('abc')).toBe('“abc” is not a number: enter one from 0.000001 to 10.');
    expect(validateNumber('2.5', 1, 100, true)).toBe('Enter a whole number from 1 to 100.');
  });
});
