/**
 * Leaving the bound downhill on a surface unbounded below is its own outcome, "unbounded" (ran off to −∞),
 * not "diverged": on the lectures' saddle w1³ + w2² momentum escapes down w1 and the loss falls without
 * end; on the ravine an unstable SGD leaves the bound climbing, which stays "diverged".
 */
import { describe, expect, it } from 'vitest';
import { ranOffDownhill, simulate } from './simulate';

function only(scene: Record<string, unknown>) {
  return simulate({ steps: 300, ...scene }).trajectories[0]!;
}

describe('stop kinds at the bound', () => {
  it('momentum escaping the saddle w1³ + w2² downhill ran off to −∞', () => {
    const t = only({
      surface: 'saddle',
      start: [-0.01, -1],
      optimizers: [{ type: 'SGD', lr: 0.05, momentum: 0.9 }],
    });
    expect(t.divergence?.kind).toBe('unbounded');
    // Independent of the rule: the exit point is outside the bound and lower than every earlier point.
    const last = t.loss[t.steps]!;
    expect(Math.max(Math.abs(t.path[2 * t.steps]!), Math.abs(t.path[2 * t.steps + 1]!))).toBeGreaterThan(1e6);
    expect(last).toBeLessThan(Math.min(...t.loss.subarray(0, t.steps)));
    expect(last).toBeLessThan(-1e18);
  });

  it('an unstable SGD on the ravine leaves the bound uphill: still diverged', () => {
    const t = only({ surface: 'quadratic', start: [-1, -1], optimizers: [{ type: 'SGD', lr: 0.05 }] });
    expect(t.divergence?.kind).toBe('diverged');
    expect(t.loss[t.steps]!).toBeGreaterThan(t.loss[0]!);
  });

  it('ranOffDownhill needs the exit below the start and below the step before', () => {
    expect(ranOffDownhill(Float64Array.of(1, -5, -1e13), 2)).toBe(true);
    expect(ranOffDownhill(Float64Array.of(1, -5, 1e13), 2)).toBe(false);
    expect(ranOffDownhill(Float64Array.of(-1, 5, -0.5), 2)).toBe(false);
    expect(ranOffDownhill(Float64Array.of(1, -5, Number.NaN), 2)).toBe(false);
  });
});
