import { describe, expect, it } from 'vitest';
import { simulate } from '../../core';
import { whyItTurns } from './explainText';
import { stepParts } from './stepParts';

describe('whyItTurns', () => {
  it('tells a zero step with a gradient (Rprop after a sign flip) from a point without a gradient', () => {
    const run = simulate({
      surface: 'quadratic',
      start: [-1, -1],
      steps: 60,
      optimizers: [{ type: 'Rprop', lr: 0.05 }],
    }).trajectories[0]!;
    // Find an update where Rprop skipped both coordinates while the gradient is not zero.
    let held = -1;
    for (let k = 0; k < run.steps && held < 0; k++) {
      const parts = stepParts(run, k + 1)!;
      if (parts.update[0] === 0 && parts.update[1] === 0 && parts.gradient.some((x) => x !== 0)) held = k + 1;
    }
    expect(held).toBeGreaterThan(0);
    expect(whyItTurns(stepParts(run, held)!, 'adaptive')).toMatch(
      /^The gradient is not zero, yet the step is/,
    );

    const still = simulate({ surface: 'quadratic', start: [0, 0], steps: 2, optimizers: [{ type: 'SGD' }] })
      .trajectories[0]!;
    expect(whyItTurns(stepParts(still, 1)!, 'gradient descent')).toBe(
      'No gradient here: nothing pushes the point.',
    );
  });
});
