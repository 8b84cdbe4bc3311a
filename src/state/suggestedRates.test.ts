/**
 * Switching surface in the store brings rates that work there (issue 20): the ravine's SGD rate 0.035
 * explodes on Rosenbrock within a few steps; after setSurface('rosenbrock') every run stays finite and in
 * the box. The user can still override a rate, and an optimizer added from the menu moves visibly.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { simulate } from '../core';
import { useOptiscope } from './store';
import { defaultSceneState, defaultViewState } from './initialState';
import { coreScene } from './sceneCodec';

function diverged(): string[] {
  const { trajectories } = simulate(coreScene(useOptiscope.getState().scene));
  return trajectories.filter((t) => t.divergence?.kind === 'diverged').map((t) => t.config.label);
}

describe('rates suggested on a surface change', () => {
  beforeEach(() => {
    const scene = defaultSceneState();
    useOptiscope.setState({ scene, view: defaultViewState(scene), network: { scene: null, revision: 0 } });
  });

  it("the ravine's rates explode on Rosenbrock; the suggested ones do not", () => {
    const ravine = useOptiscope.getState().scene;
    const asTheyWere = simulate({ ...coreScene({ ...ravine, surface: 'rosenbrock' }) }).trajectories;
    expect(asTheyWere.some((t) => t.divergence?.kind === 'diverged')).toBe(true);
    useOptiscope.getState().setSurface('rosenbrock');
    expect(diverged()).toEqual([]);
  });

  it('keeps what the user sets afterwards, and names, labels and other settings as they were', () => {
    const store = useOptiscope.getState();
    store.setSurface('goldstein-price');
    const sgd = useOptiscope.getState().scene.optimizers[0]!;
    expect(sgd.label).toBe('SGD');
    expect(sgd.hyperparameters.lr).not.toBe(0.035);
    useOptiscope.getState().setHyperparameter(sgd.id, 'lr', 0.001);
    expect(useOptiscope.getState().scene.optimizers[0]!.hyperparameters.lr).toBe(0.001);
    expect(useOptiscope.getState().scene.optimizers[1]!.hyperparameters.momentum).toBe(0.9);
  });

  it('an optimizer added from the menu on Ackley gets a rate that moves it visibly', () => {
    useOptiscope.getState().setSurface('ackley');
    useOptiscope.getState().addOptimizer('Adam');
    const scene = useOptiscope.getState().scene;
    const { trajectories, surface } = simulate(coreScene(scene));
    const added = trajectories[trajectories.length - 1]!;
    const box = surface.viewBox;
    const diagonal = Math.hypot(box.w1[1] - box.w1[0], box.w2[1] - box.w2[0]);
    const moved = Math.hypot(
      added.path[2 * added.steps]! - added.path[0]!,
      added.path[2 * added.steps + 1]! - added.path[1]!,
    );
    expect(moved).toBeGreaterThan(0.02 * diagonal);
  });
});
