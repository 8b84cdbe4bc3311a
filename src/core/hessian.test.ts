import { describe, expect, it } from 'vitest';
import { conditionNumber, eigenvalues } from './hessian';

describe('2×2 Hessian curvature', () => {
  it('diagonal and rotated matrices', () => {
    expect(eigenvalues([2, 0, 50])).toEqual([2, 50]);
    expect(conditionNumber([2, 0, 50])).toBe(25);
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3 (eigenvectors (1, −1), (1, 1)).
    const [low, high] = eigenvalues([2, 1, 2]);
    expect(low).toBeCloseTo(1, 14);
    expect(high).toBeCloseTo(3, 14);
    expect(conditionNumber([-0.06, 0, 2])).toBeCloseTo(2 / 0.06, 12);
    expect(conditionNumber([1, 0, 0])).toBe(Infinity);
  });
});
