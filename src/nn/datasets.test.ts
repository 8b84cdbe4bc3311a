import { describe, expect, it } from 'vitest';
import { DATASET_IDS, makeDataset } from './datasets';

describe('toy data sets', () => {
  it.each(DATASET_IDS)('%s reproduces exactly for a seed and changes with it', (id) => {
    const a = makeDataset(id, 120, 0.1, 42);
    const b = makeDataset(id, 120, 0.1, 42);
    const c = makeDataset(id, 120, 0.1, 43);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    expect(a.x.length).toBe(120 * a.inputDim);
    expect(a.y.length).toBe(120 * a.outputDim);
    expect(a.x.every(Number.isFinite) && a.y.every(Number.isFinite)).toBe(true);
  });

  it.each(DATASET_IDS.filter((id) => id !== 'sine'))('%s has every class represented', (id) => {
    const data = makeDataset(id, 90, 0.2, 3);
    const classes = new Set(data.labels);
    expect(classes.size).toBe(data.outputDim === 1 ? 2 : data.outputDim);
    for (const label of classes) {
      const share = data.labels.filter((l) => l === label).length / data.size;
      expect(share).toBeGreaterThan(0.2);
    }
  });

  it('noise 0 puts the circles on their radii and noise moves them', () => {
    const clean = makeDataset('circles', 40, 0, 5);
    for (let i = 0; i < clean.size; i++) {
      const r = Math.hypot(clean.x[2 * i]!, clean.x[2 * i + 1]!);
      expect(r).toBeCloseTo(clean.labels[i] === 0 ? 1 : 0.5, 12);
    }
    const noisy = makeDataset('circles', 40, 0.3, 5);
    expect(Array.from(noisy.x)).not.toEqual(Array.from(clean.x));
  });

  it('sine targets are sin(πx) plus noise of the requested size', () => {
    const data = makeDataset('sine', 2000, 0.2, 9);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < data.size; i++) {
      const residual = data.y[i]! - Math.sin(Math.PI * data.x[i]!);
      sum += residual;
      squares += residual * residual;
    }
    expect(Math.abs(sum / data.size)).toBeLessThan(0.02);
    expect(Math.sqrt(squares / data.size)).toBeCloseTo(0.2, 1);
  });
});
