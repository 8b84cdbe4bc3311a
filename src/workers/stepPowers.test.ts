import { describe, expect, it } from 'vitest';
import { StepPowers } from './stepPowers';

describe('StepPowers', () => {
  it('computes a key’s table on demand, doubling the horizon, with the spec’s own expression', () => {
    let calls = 0;
    const powers = new StepPowers(100, (base, t) => {
      calls++;
      return Math.pow(base, t);
    });
    const table = powers.table(0.9);
    expect(powers.filled).toBe(0);
    expect(powers.extend(1)).toBe(16);
    expect(calls).toBe(16);
    expect(powers.extend(17)).toBe(34);
    expect(powers.extend(90)).toBe(100);
    expect(calls).toBe(100);
    for (let t = 1; t <= 100; t++) expect(table[t]).toBe(Math.pow(0.9, t));
    // The same key again keeps what is computed; another key starts over.
    powers.table(0.9);
    expect(powers.filled).toBe(100);
    powers.table(0.5);
    expect(powers.filled).toBe(0);
    powers.extend(3);
    expect(table[3]).toBe(Math.pow(0.5, 3));
    expect(calls).toBe(116);
  });
});
