import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { getOptimizer, OPTIMIZER_TYPES } from '../core/optimizers';
import {
  axisFor,
  axisValueAt,
  axisValues,
  columnLabel,
  columnSymbol,
  columnValue,
  defaultAxes,
  frameAxis,
  sweepableColumns,
  sweepGrid,
  tidyValue,
  withColumn,
  type SweepAxis,
} from './sweepAxes';

/** The scale MapFrame draws an axis with: value → position t ∈ [0, 1] (the inverse of axisValueAt). */
function positionOf(axis: SweepAxis, value: number): number {
  const frame = frameAxis(axis);
  const scale =
    frame.scale === 'log' ? d3.scaleLog(frame.domain, [0, 1]) : d3.scaleLinear(frame.domain, [0, 1]);
  return scale(axis.spacing === 'oneMinusLog' ? 1 - value : value);
}

/** The range of a layout column in its optimizer's spec. */
function specRange(type: string, column: string): [number, number] {
  const row = getOptimizer(type)!.hyperparameters.find((hp) => hp.key === column.replace(/\[\d\]$/, ''))!;
  if (row.kind === 'boolean') throw new Error(`${column} is boolean`);
  return [row.min, row.max];
}

describe('axis spacing', () => {
  it('spaces the learning rate logarithmically from 1e-4 to 10', () => {
    const lr = axisFor('SGD', 'lr');
    expect(lr).toMatchObject({ column: 'lr', spacing: 'log', min: 1e-4, max: 10, label: 'learning rate η' });
    expect(axisValueAt(lr, 0)).toBeCloseTo(1e-4, 12);
    expect(axisValueAt(lr, 1)).toBeCloseTo(10, 10);
    // Five decades: every fifth of the axis is one decade.
    expect(axisValueAt(lr, 0.2)).toBeCloseTo(1e-3, 12);
    expect(axisValueAt(lr, 0.6)).toBeCloseTo(0.1, 12);
    expect(axisValueAt(lr, 0.5)).toBeCloseTo(Math.sqrt(1e-3), 12);
  });

  it('spaces β₂ by log(1 − β): 0.9, 0.99, 0.999 sit equally far apart', () => {
    const beta2 = axisFor('Adam', 'betas[1]');
    expect(beta2).toMatchObject({
      spacing: 'oneMinusLog',
      min: 0.5,
      max: 0.9999,
      label: 'β₂ (second moment)',
    });
    expect(axisValueAt(beta2, 0)).toBeCloseTo(0.5, 12);
    expect(axisValueAt(beta2, 1)).toBeCloseTo(0.9999, 12);
    const t = [0.9, 0.99, 0.999, 0.9999].map((b) => positionOf(beta2, b));
    const gaps = t.slice(1).map((v, i) => v - t[i]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 10);
    // log(1 − β) runs from log 0.5 to log 1e-4: 0.9 sits at log(0.1/0.5)/log(1e-4/0.5).
    expect(t[0]).toBeCloseTo(Math.log(0.2) / Math.log(2e-4), 10);
  });

  it('uses the same 1 − β spacing for RMSprop α and Adadelta ρ, linear for SGD μ, log for Adagrad decay', () => {
    expect(defaultAxes('RMSprop').y).toMatchObject({
      column: 'alpha',
      spacing: 'oneMinusLog',
      label: 'decay rate α',
    });
    expect(defaultAxes('Adadelta').y).toMatchObject({ column: 'rho', spacing: 'oneMinusLog', label: 'ρ' });
    expect(defaultAxes('SGD').y).toMatchObject({ column: 'momentum', spacing: 'linear', min: 0, max: 0.99 });
    expect(defaultAxes('Adagrad').y).toMatchObject({ column: 'lr_decay', spacing: 'log', min: 1e-4, max: 1 });
    for (const type of ['SGD', 'Adam', 'RMSprop', 'Adadelta', 'Adagrad'])
      expect(defaultAxes(type).x.column).toBe('lr');
  });

  it.each([
    ['SGD', 'lr'],
    ['SGD', 'momentum'],
    ['Adam', 'betas[1]'],
    ['Adam', 'betas[0]'],
    ['RMSprop', 'alpha'],
    ['Adadelta', 'rho'],
    ['Adagrad', 'lr_decay'],
    ['Adam', 'eps'],
    ['SGD', 'weight_decay'],
  ])('%s %s: cell center ↔ value ↔ position on the drawn axis', (type, column) => {
    const axis = axisFor(type, column);
    const side = 16;
    const values = axisValues(axis, side);
    expect(values).toHaveLength(side);
    values.forEach((value, i) => {
      expect(value).toBeCloseTo(axisValueAt(axis, (i + 0.5) / side), 12);
      // Back: the frame's scale puts the value at its cell's center, so a hover finds the right cell.
      const t = positionOf(axis, value);
      expect(t).toBeCloseTo((i + 0.5) / side, 9);
      expect(Math.floor(t * side)).toBe(i);
    });
    // Monotone increasing in the value itself, whatever the spacing.
    for (let i = 1; i < side; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
  });

  it('labels a 1 − β axis with β itself', () => {
    const frame = frameAxis(axisFor('Adam', 'betas[1]'));
    expect(frame.scale).toBe('log');
    expect(frame.domain[0]).toBeCloseTo(0.5, 12);
    expect(frame.domain[1]).toBeCloseTo(1e-4, 12);
    expect(frame.format?.(0.01)).toBe('0.99');
    expect(frame.format?.(1e-3)).toBe('0.999');
    expect(frame.label).toBe('β₂ (second moment) (spaced by log(1 − value))');
  });

  it('keeps every sweepable axis of every optimizer inside its spec range, with min < max', () => {
    for (const type of OPTIMIZER_TYPES)
      for (const column of sweepableColumns(type)) {
        const axis = axisFor(type, column);
        const [lo, hi] = specRange(type, column);
        expect(axis.min, `${type} ${column} min`).toBeGreaterThanOrEqual(lo);
        expect(axis.max, `${type} ${column} max`).toBeLessThanOrEqual(hi);
        expect(axis.min, `${type} ${column}`).toBeLessThan(axis.max);
        if (axis.spacing === 'log') expect(axis.min).toBeGreaterThan(0);
        if (axis.spacing === 'oneMinusLog') expect(axis.max).toBeLessThan(1);
        for (const v of axisValues(axis, 8)) expect(Number.isFinite(v)).toBe(true);
      }
  });
});

describe('sweep grid', () => {
  it('puts particle row·side + column at (xs[column], ys[row]), row 0 at the lowest y', () => {
    const { x, y } = defaultAxes('Adam');
    const side = 4;
    const { xs, ys, varied } = sweepGrid(x, y, side);
    const lr = varied.lr!;
    const beta2 = varied['betas[1]']!;
    expect(lr).toHaveLength(16);
    expect(beta2).toHaveLength(16);
    for (let row = 0; row < side; row++)
      for (let column = 0; column < side; column++) {
        expect(lr[row * side + column]).toBe(xs[column]);
        expect(beta2[row * side + column]).toBe(ys[row]);
      }
    expect(ys[0]!).toBeLessThan(ys[3]!);
    // Cell centers of 4 log cells over five decades: 10^(−4 + 5·(i + ½)/4).
    expect(xs[0]).toBeCloseTo(Math.pow(10, -4 + 5 / 8), 12);
    expect(xs[3]).toBeCloseTo(Math.pow(10, -4 + 35 / 8), 9);
  });
});

describe('columns', () => {
  it('reads labels and symbols from the specs', () => {
    expect(columnLabel('Adam', 'betas[0]')).toBe('β₁ (first moment)');
    expect(columnLabel('Adam', 'betas[1]')).toBe('β₂ (second moment)');
    expect(columnSymbol('Adam', 'betas[1]')).toBe('β₂');
    expect(columnSymbol('SGD', 'momentum')).toBe('μ');
    expect(columnSymbol('SGD', 'lr')).toBe('η');
    expect(columnSymbol('RMSprop', 'alpha')).toBe('α');
    expect(columnLabel('SGD', 'nope')).toBe('nope');
  });

  it('lists numeric columns only, pairs as two', () => {
    expect(sweepableColumns('SGD')).toEqual(['lr', 'momentum', 'dampening', 'weight_decay']);
    expect(sweepableColumns('Adam')).toEqual(['lr', 'betas[0]', 'betas[1]', 'eps', 'weight_decay']);
    expect(sweepableColumns('NoSuchOptimizer')).toEqual([]);
  });

  it('sets and reads one column, one half of a pair leaving the other', () => {
    const base = { lr: 0.001, betas: [0.9, 0.999] as const, amsgrad: false };
    const set = withColumn(base, 'betas[1]', 0.95);
    expect(set.betas).toEqual([0.9, 0.95]);
    expect(base.betas).toEqual([0.9, 0.999]);
    expect(columnValue(set, 'betas[1]')).toBe(0.95);
    expect(columnValue(set, 'betas[0]')).toBe(0.9);
    expect(columnValue(withColumn(set, 'lr', 0.3), 'lr')).toBe(0.3);
    expect(columnValue(set, 'amsgrad')).toBeNaN();
    expect(columnValue(set, 'missing')).toBeNaN();
  });

  it('tidies values for the explorer: 3 digits, or 2 digits of 1 − β', () => {
    expect(tidyValue(axisFor('SGD', 'lr'), 0.0123456)).toBe(0.0123);
    expect(tidyValue(axisFor('Adam', 'betas[1]'), 0.998765)).toBeCloseTo(0.9988, 12);
    expect(tidyValue(axisFor('SGD', 'momentum'), 0.87654)).toBe(0.877);
  });
});
