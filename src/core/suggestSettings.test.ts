/**
 * Switching surface brings rates that work there: on every built-in surface, from its default start, the
 * default scene's six optimizers with suggested rates never diverge (they may run off to −∞ where the
 * surface is unbounded below), lower the loss (except plain SGD on the cliff, which that surface exists to
 * throw), and move visibly (at least 2 % of the view's diagonal).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { SURFACES } from './surfaces/registry';
import { suggestLearningRate } from './suggestSettings';

const SIX = [
  { type: 'SGD' },
  { type: 'SGD', momentum: 0.9 },
  { type: 'SGD', momentum: 0.9, nesterov: true },
  { type: 'Adagrad' },
  { type: 'RMSprop' },
  { type: 'Adam' },
];

describe('suggestLearningRate', () => {
  it('on the ravine w1² + 25 w2² (λmax = 50) SGD gets 0.5/50 = 0.01, Adam ≈ 0.025 × the diagonal', () => {
    const ravine = SURFACES.find((s) => s.id === 'quadratic')!;
    expect(suggestLearningRate(ravine, [-1, -1], ravine.viewBox, 'SGD')).toBe(0.01);
    const diagonal = Math.hypot(3, 2.4);
    expect(suggestLearningRate(ravine, [-1, -1], ravine.viewBox, 'Adam')).toBe(
      Number((0.025 * diagonal).toPrecision(2)),
    );
    expect(suggestLearningRate(ravine, [-1, -1], ravine.viewBox, 'Newton')).toBeNull();
  });

  for (const surface of SURFACES) {
    it(`${surface.id}: the six default optimizers, rates suggested, work for 150 steps`, () => {
      const start = surface.defaultStart;
      const optimizers = SIX.map((o) => ({
        ...o,
        lr: suggestLearningRate(surface, start, surface.viewBox, o.type) ?? undefined,
      }));
      const { trajectories } = simulate({ surface: surface.id, start: [...start], steps: 150, optimizers });
      const diagonal = Math.hypot(
        surface.viewBox.w1[1] - surface.viewBox.w1[0],
        surface.viewBox.w2[1] - surface.viewBox.w2[0],
      );
      for (const t of trajectories) {
        const what = `${surface.id} ${t.config.type} lr=${String(t.config.hyperparameters.lr)}`;
        expect(t.divergence?.kind ?? 'none', what).not.toBe('diverged');
        // The cliff exists to throw plain gradient descent off its face (lecture 002: clip the gradient);
        // no rate that still moves avoids that, so there only the clipped or adaptive runs must descend.
        if (!(surface.id === 'cliff' && t.config.type === 'SGD'))
          expect(t.loss[t.steps]!, what).toBeLessThan(t.loss[0]!);
        let travelled = 0;
        for (let k = 1; k <= t.steps; k++)
          travelled = Math.max(
            travelled,
            Math.hypot(t.path[2 * k]! - t.path[0]!, t.path[2 * k + 1]! - t.path[1]!),
          );
        expect(travelled, what).toBeGreaterThan(0.02 * diagonal);
      }
    });
  }
});
