import { describe, expect, it } from 'vitest';
import { CUSTOM_TYPE, TYPED_LION, type CustomOptimizerDefinition } from '../core/optimizers/custom';
import { withCustomOptimizer } from './customOptimizer';
import { defaultSceneState } from './initialState';
import { readSceneFile, sceneFileText } from './sceneFile';

describe('a typed optimizer in the store’s scene', () => {
  it('is added with the definition’s values, and a saved scene file opens it again', () => {
    const scene = withCustomOptimizer(defaultSceneState(), TYPED_LION, true);
    const typed = scene.optimizers.at(-1)!;
    expect(typed).toMatchObject({ type: CUSTOM_TYPE, label: 'My Lion', enabled: true });
    expect(typed.hyperparameters).toEqual({ lr: 0.02, beta1: 0.9, beta2: 0.99, decay: 0 });
    const text = sceneFileText(scene);
    expect(JSON.parse(text).customOptimizer).toEqual(TYPED_LION);
    expect(readSceneFile(text)).toEqual({ ok: true, scene });
  });

  it('its optimizers follow a new definition: new names get values, gone ones go, ranges clamp', () => {
    const scene = withCustomOptimizer(defaultSceneState(), TYPED_LION, true);
    const id = scene.optimizers.at(-1)!.id;
    const edited = {
      ...scene,
      optimizers: scene.optimizers.map((o) =>
        o.id === id ? { ...o, hyperparameters: { ...o.hyperparameters, beta1: 0.95, lr: 0.05 } } : o,
      ),
    };
    const next: CustomOptimizerDefinition = {
      ...TYPED_LION,
      name: 'Lion 2',
      lr: 0.01,
      hyperparameters: [
        { name: 'beta1', value: 0.5, min: 0, max: 0.9 },
        { name: 'gamma', value: 2, min: 0, max: 4 },
      ],
      step: ['c = beta1 * m + (1 - beta1) * g', 'w = w - lr * gamma * sign(c)', 'm = 0.99 * m + 0.01 * g'],
    };
    const followed = withCustomOptimizer(edited, next).optimizers.find((o) => o.id === id)!;
    // The user's lr stays; beta1 is clamped into the new range; gamma is new; beta2 and decay are gone.
    expect(followed.hyperparameters).toEqual({ lr: 0.05, beta1: 0.9, gamma: 2 });
    expect(followed.label).toBe('Lion 2');
  });

  it('a saved file with a broken rule is refused with a reason; without its definition too', () => {
    const scene = withCustomOptimizer(defaultSceneState(), TYPED_LION, true);
    const json = JSON.parse(sceneFileText(scene));
    json.customOptimizer.step[1] = 'w = w - lr * sign(q)';
    const broken = readSceneFile(JSON.stringify(json));
    expect(broken).toMatchObject({ ok: false });
    if (!broken.ok) expect(broken.errors[0]).toMatch(/^customOptimizer: unknown symbol 'q'/);
    delete json.customOptimizer;
    const missing = readSceneFile(JSON.stringify(json));
    if (!missing.ok) expect(missing.errors[0]).toMatch(/optimizers\[6\]\.type: .*customOptimizer/);
    expect(missing.ok).toBe(false);
  });

  it('removing it removes its optimizers, but never the last optimizer of a scene', () => {
    const scene = withCustomOptimizer(defaultSceneState(), TYPED_LION, true);
    const removed = withCustomOptimizer(scene, null);
    expect(removed.customOptimizer).toBeUndefined();
    expect(removed.optimizers.some((o) => o.type === CUSTOM_TYPE)).toBe(false);
    const only = { ...scene, optimizers: scene.optimizers.filter((o) => o.type === CUSTOM_TYPE) };
    expect(withCustomOptimizer(only, null)).toBe(only);
  });
});
