/** The per-optimizer facts other parts read from the specs name real hyperparameters with valid values. */
import { describe, expect, it } from 'vitest';
import { resolveOptimizer } from '../scene';
import { OPTIMIZERS } from './index';
import { trainsNetworks, whyNotNetworks } from './spec';

const rowOf = (type: string, column: string) => {
  const match = /^(.*)\[([01])\]$/.exec(column);
  const spec = OPTIMIZERS.find((s) => s.type === type)!;
  return spec.hyperparameters.find((hp) => hp.key === (match ? match[1] : column));
};

describe('optimizer facts in the specs', () => {
  it.each(OPTIMIZERS.filter((spec) => spec.second).map((spec) => [spec.type, spec.second!] as const))(
    '%s: the second hyperparameter is a numeric column and its values lie in its range',
    (type, second) => {
      const row = rowOf(type, second.column);
      expect(row && row.kind !== 'boolean').toBe(true);
      if (!row || row.kind === 'boolean') return;
      expect(second.column.endsWith(']')).toBe(row.kind === 'pair');
      for (const value of [second.min, second.max, ...second.compared]) {
        expect(value).toBeGreaterThanOrEqual(row.min);
        expect(value).toBeLessThanOrEqual(row.max);
      }
      if (second.spacing === 'log') expect(second.min).toBeGreaterThan(0);
      if (second.spacing === 'oneMinusLog') expect(second.max).toBeLessThan(1);
    },
  );

  it.each(OPTIMIZERS.map((spec) => [spec.type, spec.paritySettings] as const))(
    '%s: the parity settings are accepted by the scene resolver',
    (type, settings) => {
      const config = resolveOptimizer({ type, ...settings });
      for (const [key, value] of Object.entries(settings)) expect(config.hyperparameters[key]).toBe(value);
    },
  );

  it('marks the moments of the methods that keep one, and networks train with the element-wise rules', () => {
    const moments = OPTIMIZERS.flatMap((spec) =>
      spec.accumulators.filter((a) => a.moment).map((a) => `${spec.type}.${a.key}=${a.moment}`),
    );
    // The methods present from the start; a method added later marks its own (checked just below).
    expect(moments).toEqual(
      expect.arrayContaining([
        'SGD.velocity=b',
        'RMSprop.velocity=b',
        'Adam.m=m',
        'AdamW.m=m',
        'NAdam.m=m',
        'Adamax.m=m',
      ]),
    );
    // A moment is a vector state variable of the method's rule, named by the accumulator's key.
    for (const spec of OPTIMIZERS)
      for (const accumulator of spec.accumulators.filter((a) => a.moment))
        expect(spec.rule?.names.get(accumulator.key), `${spec.type}.${accumulator.key}`).toMatchObject({
          role: 'state',
          vector: true,
        });
    // Every rule but a look-ahead one (it needs the gradient at another point of the whole network), one
    // that adds over the coordinates (a norm over all the network's parameters, not a pair) and one that
    // reads the surface's Hessian.
    expect(OPTIMIZERS.filter(trainsNetworks).map((spec) => spec.type)).toEqual(
      OPTIMIZERS.filter(
        (spec) =>
          !['Newton', 'LBFGS', 'RandomSearch'].includes(spec.type) &&
          !spec.rule?.looksAhead &&
          !spec.rule?.reduces &&
          !spec.rule?.readsHessian,
      ).map((spec) => spec.type),
    );
    expect(OPTIMIZERS.filter((spec) => spec.rule?.looksAhead).map((spec) => spec.type)).toEqual([
      'AdamWScheduleFree',
      'SAM',
    ]);
    expect(OPTIMIZERS.filter((spec) => spec.rule?.reduces).map((spec) => spec.type)).toEqual([
      'SAM',
      'Prodigy',
    ]);
    expect(OPTIMIZERS.filter((spec) => spec.rule?.readsHessian).map((spec) => spec.type)).toEqual(['Sophia']);
  });

  it('says why a method does not train networks, exactly for those that do not', () => {
    for (const spec of OPTIMIZERS)
      expect(whyNotNetworks(spec) === null, spec.type).toBe(trainsNetworks(spec));
    const reason = (type: string) => whyNotNetworks(OPTIMIZERS.find((s) => s.type === type)!);
    expect(reason('SAM')).toBe(
      'takes its gradient at another point; adds over all the parameters (a norm or an inner product)',
    );
    expect(reason('Prodigy')).toBe('adds over all the parameters (a norm or an inner product)');
    expect(reason('Sophia')).toBe('reads the Hessian diagonal');
    expect(reason('Newton')).toBe('its step couples the two coordinates of the 2-D surface');
  });
});
