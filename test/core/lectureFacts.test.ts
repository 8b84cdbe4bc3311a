/**
 * The lectures' worked facts, checked against the core: what a student reads in the notes is what the
 * lab shows. Also the headless API's promises about divergence, seeds and scene validation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSurface, parseScene, SceneError, simulate, type Trajectory } from '../../src/core';

/** The single trajectory of a one-optimizer scene. */
function run(scene: Record<string, unknown>): Trajectory {
  return simulate(scene).trajectories[0]!;
}

const point = (t: Trajectory, k: number): [number, number] => [t.path[2 * k]!, t.path[2 * k + 1]!];
const pairAt = (values: Float64Array, k: number): [number, number] => [values[2 * k]!, values[2 * k + 1]!];

describe('AdaGrad', () => {
  it('takes its first step from (-1,-1) on the quadratic along the diagonal, Δw1 = Δw2 ≈ lr', () => {
    const lr = 0.1;
    const t = run({ surface: 'quadratic', start: [-1, -1], steps: 1, optimizers: [{ type: 'Adagrad', lr }] });
    // g = (-2, -50), r = g², so each coordinate moves by lr·g/√(g²) = lr, whatever its slope.
    expect(pairAt(t.gradient, 0)).toEqual([-2, -50]);
    const [dw1, dw2] = pairAt(t.update, 0);
    expect(dw1).toBeCloseTo(dw2, 10); // ε = 1e-10 leaves lr·ε/|g| of difference
    expect(dw1).toBeCloseTo(lr, 9);
    expect(dw2).toBeCloseTo(lr, 9);
    const end = point(t, 1);
    expect(end[0] - -1).toBeCloseTo(end[1] - -1, 10);
  });

  it('never increases its effective learning rate, while RMSProp’s recovers on the saddle', () => {
    const scene = (type: string, lr: number) => ({
      surface: 'saddle',
      start: [-0.01, -1],
      steps: 150,
      optimizers: [{ type, lr }],
    });
    const adagrad = run(scene('Adagrad', 0.1));
    expect(adagrad.steps).toBe(150);
    for (let k = 1; k < adagrad.steps; k++) {
      const [previous1, previous2] = pairAt(adagrad.effectiveLr, k - 1);
      const [current1, current2] = pairAt(adagrad.effectiveLr, k);
      expect(current1).toBeLessThanOrEqual(previous1);
      expect(current2).toBeLessThanOrEqual(previous2);
    }
    const rmsprop = run(scene('RMSprop', 0.01));
    expect(rmsprop.steps).toBe(150);
    let increases = 0;
    for (let k = 1; k < rmsprop.steps; k++) {
      // w2's gradient 2·w2 shrinks as w2 → 0, the leaky average r forgets the large early ones.
      if (rmsprop.effectiveLr[2 * k + 1]! > rmsprop.effectiveLr[2 * (k - 1) + 1]!) increases++;
    }
    expect(increases).toBeGreaterThan(0);
  });
});

describe('the saddle w1³ + w2²', () => {
  it('has gradient (0.0003, -2) at (-0.01, -1)', () => {
    const saddle = getSurface('saddle')!;
    const [g1, g2] = saddle.gradient(-0.01, -1);
    expect(g1).toBeCloseTo(0.0003, 15);
    expect(g2).toBeCloseTo(-2, 15);
    // The same gradient is what the optimizer sees on its first step.
    const t = run({
      surface: 'saddle',
      start: [-0.01, -1],
      steps: 1,
      optimizers: [{ type: 'SGD', lr: 0.01 }],
    });
    expect(pairAt(t.gradient, 0)[0]).toBeCloseTo(0.0003, 15);
    expect(pairAt(t.gradient, 0)[1]).toBeCloseTo(-2, 15);
  });
});

describe('Newton', () => {
  it('solves the quadratic in one step from any start', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (w1, w2) => {
          const t = run({
            surface: 'quadratic',
            start: [w1, w2],
            steps: 1,
            optimizers: [{ type: 'Newton' }],
          });
          const [x, y] = point(t, 1);
          const scale = Math.max(1, Math.abs(w1), Math.abs(w2));
          expect(Math.abs(x)).toBeLessThanOrEqual(1e-14 * scale);
          expect(Math.abs(y)).toBeLessThanOrEqual(1e-14 * scale);
        },
      ),
      { numRuns: 200 },
    );
    const t = run({ surface: 'quadratic', start: [-1, -1], steps: 1, optimizers: [{ type: 'Newton' }] });
    expect(point(t, 1)).toEqual([0, 0]);
  });

  it('is drawn to the saddle point (0,0) from (-0.01,-1), which is not a minimum', () => {
    const t = run({ surface: 'saddle', start: [-0.01, -1], steps: 60, optimizers: [{ type: 'Newton' }] });
    expect(t.divergence).toBeNull();
    const [w1, w2] = point(t, t.steps);
    expect(Math.abs(w1)).toBeLessThan(1e-15);
    expect(Math.abs(w2)).toBeLessThan(1e-15);
    // Each step halves w1 (w1 − 3w1²/6w1 = w1/2) and lands w2 on 0 at once.
    expect(point(t, 1)[0]).toBeCloseTo(-0.005, 15);
    expect(point(t, 1)[1]).toBe(0);
    // (0,0) is a stationary point with lower loss right next to it: a saddle, not a minimum.
    const saddle = getSurface('saddle')!;
    expect(saddle.gradient(0, 0)).toEqual([0, 0]);
    expect(saddle.value(-1e-3, 0)).toBeLessThan(saddle.value(0, 0));
  });
});

describe('SGD', () => {
  it('zigzags across the ravine of the quadratic at lr 0.035 (w2 changes sign every step)', () => {
    const t = run({
      surface: 'quadratic',
      start: [-1, -1],
      steps: 60,
      optimizers: [{ type: 'SGD', lr: 0.035 }],
    });
    expect(t.steps).toBe(60);
    for (let k = 1; k <= t.steps; k++) {
      const previous = point(t, k - 1)[1];
      const current = point(t, k)[1];
      expect(Math.sign(current), `step ${k}`).toBe(-Math.sign(previous));
      // w2 ← (1 − 50·lr)·w2 = −0.75·w2, while w1 creeps monotonically towards 0.
      expect(current).toBeCloseTo(-0.75 * previous, 12);
      expect(Math.abs(point(t, k)[0])).toBeLessThan(Math.abs(point(t, k - 1)[0]));
    }
  });

  it('diverges on the quadratic at lr 0.05 (|1 − 50·lr| > 1), recording the step and no NaN', () => {
    const t = run({
      surface: 'quadratic',
      start: [-1, -1],
      steps: 200,
      optimizers: [{ type: 'SGD', lr: 0.05 }],
    });
    expect(t.divergence).not.toBeNull();
    expect(t.divergence!.step).toBeGreaterThan(1);
    expect(t.divergence!.step).toBeLessThan(200);
    expect(t.divergence!.reason.length).toBeGreaterThan(0);
    expect(t.steps).toBeLessThanOrEqual(t.divergence!.step);
    expect(t.path.length).toBe(2 * (t.steps + 1));
    expect(t.loss.length).toBe(t.steps + 1);
    for (const value of [...t.path, ...t.loss, ...t.gradient, ...t.update])
      expect(Number.isFinite(value)).toBe(true);
    // |w2| grows by 1.5 per step.
    expect(Math.abs(point(t, 10)[1])).toBeCloseTo(1.5 ** 10, 6);

    // Just below the threshold (lr 0.039: |1 − 1.95| < 1) the same start converges.
    const stable = run({
      surface: 'quadratic',
      start: [-1, -1],
      steps: 200,
      optimizers: [{ type: 'SGD', lr: 0.039 }],
    });
    expect(stable.divergence).toBeNull();
    expect(stable.loss[200]!).toBeLessThan(stable.loss[0]!);
  });

  it('records a huge step that overflows as a divergence, never as NaN', () => {
    const t = run({
      surface: 'quadratic',
      start: [-1, -1],
      steps: 50,
      optimizers: [{ type: 'SGD', lr: 10 }],
    });
    expect(t.divergence).not.toBeNull();
    for (const value of [...t.path, ...t.loss]) expect(Number.isFinite(value)).toBe(true);
  });
});

describe('Adam', () => {
  it('with bias correction takes a first step of ≈ lr in every coordinate, whatever the slopes', () => {
    for (const [surface, start] of [
      ['quadratic', [-1, -1]],
      ['rosenbrock', [-1.2, 1]],
      ['saddle', [-0.01, -1]],
    ] as const) {
      const lr = 0.05;
      const t = run({ surface, start, steps: 1, optimizers: [{ type: 'Adam', lr }] });
      const [dw1, dw2] = pairAt(t.update, 0);
      const [g1, g2] = pairAt(t.gradient, 0);
      // m̂ = g, v̂ = g²: Δw = −lr·g/(|g| + ε).
      expect(Math.abs(dw1)).toBeCloseTo(lr, 4);
      expect(Math.abs(dw2)).toBeCloseTo(lr, 6);
      expect(Math.sign(dw1)).toBe(-Math.sign(g1));
      expect(Math.sign(dw2)).toBe(-Math.sign(g2));
    }
  });

  it('without bias correction (the lectures’ “Adam (almost)”) starts with a step of (1−β₁)/√(1−β₂)·lr ≈ 3.16·lr', () => {
    const lr = 0.05;
    const t = run({
      surface: 'quadratic',
      start: [-1, -1],
      steps: 1,
      optimizers: [{ type: 'Adam', lr, bias_correction: false }],
    });
    // m = 0.1·g, √v = √0.001·|g|: |Δw| = lr·0.1/√0.001 ≈ 3.16·lr.
    const [dw1] = pairAt(t.update, 0);
    expect(dw1).toBeCloseTo((lr * 0.1) / Math.sqrt(0.001), 6);
  });
});

describe('seeds', () => {
  const randomSearch = (seed: number) =>
    run({
      surface: 'rosenbrock',
      start: [-1.2, 1],
      steps: 100,
      seed,
      optimizers: [{ type: 'RandomSearch', lr: 0.1 }],
    });

  it('make random search reproducible, and another seed gives another path', () => {
    const a = randomSearch(7);
    const b = randomSearch(7);
    const c = randomSearch(8);
    expect(Array.from(a.path)).toEqual(Array.from(b.path));
    expect(Array.from(a.path)).not.toEqual(Array.from(c.path));
    // It only ever accepts a lower loss.
    for (let k = 1; k <= a.steps; k++) expect(a.loss[k]!).toBeLessThanOrEqual(a.loss[k - 1]!);
    expect(a.loss[a.steps]!).toBeLessThan(a.loss[0]!);
  });

  it('make gradient noise reproducible', () => {
    const noisy = (seed: number) =>
      run({
        surface: 'quadratic',
        start: [-1, -1],
        steps: 50,
        seed,
        optimizers: [{ type: 'SGD', lr: 0.01, noise: 2 }],
      });
    const a = noisy(3);
    const b = noisy(3);
    const c = noisy(4);
    expect(Array.from(a.path)).toEqual(Array.from(b.path));
    expect(Array.from(a.gradient)).toEqual(Array.from(b.gradient));
    expect(Array.from(a.path)).not.toEqual(Array.from(c.path));
    // The gradient the optimizer saw differs from the true one.
    const clean = run({
      surface: 'quadratic',
      start: [-1, -1],
      steps: 1,
      optimizers: [{ type: 'SGD', lr: 0.01 }],
    });
    expect(pairAt(a.gradient, 0)).not.toEqual(pairAt(clean.gradient, 0));
  });
});

describe('the scene schema', () => {
  const errorsOf = (input: unknown): string[] => {
    const parsed = parseScene(input);
    expect(parsed.ok).toBe(false);
    return parsed.ok ? [] : parsed.errors;
  };

  it('rejects a negative learning rate, naming optimizers[0].lr', () => {
    const scene = { surface: 'quadratic', optimizers: [{ type: 'Adam', lr: -1 }] };
    const errors = errorsOf(scene);
    expect(errors.some((e) => e.startsWith('optimizers[0].lr'))).toBe(true);
    expect(() => simulate(scene)).toThrow(SceneError);
    expect(() => simulate(scene)).toThrow(/optimizers\[0\]\.lr/);
  });

  it('rejects unknown fields, naming them', () => {
    const inOptimizer = errorsOf({
      surface: 'quadratic',
      optimizers: [{ type: 'SGD', lr: 0.1, momentun: 0.9 }],
    });
    expect(inOptimizer.join('\n')).toMatch(/optimizers\[0\].*momentun/);
    const atTop = errorsOf({ surface: 'quadratic', stpes: 10, optimizers: [{ type: 'SGD' }] });
    expect(atTop.join('\n')).toMatch(/stpes/);
    // A hyperparameter of another optimizer is unknown here too.
    const foreign = errorsOf({ surface: 'quadratic', optimizers: [{ type: 'SGD', betas: [0.9, 0.999] }] });
    expect(foreign.join('\n')).toMatch(/optimizers\[0\].*betas/);
  });

  it('rejects unknown optimizer types, naming the field and the known types', () => {
    const errors = errorsOf({ surface: 'quadratic', optimizers: [{ type: 'Adamm' }] });
    const message = errors.join('\n');
    expect(message).toMatch(/optimizers\[0\]\.type/);
    expect(message).toMatch(/Adam/);
    expect(message).toMatch(/SGD/);
  });

  it('accepts the minimal scene and fills torch’s defaults', () => {
    const parsed = parseScene({ surface: 'quadratic', optimizers: [{ type: 'Adam' }] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.optimizers[0]!.hyperparameters).toMatchObject({
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weight_decay: 0,
      amsgrad: false,
      bias_correction: true,
    });
  });
});

describe('scene validation of hyperparameter combinations', () => {
  it('rejects Nesterov without momentum, as torch.optim.SGD does, naming the field', () => {
    const parsed = parseScene({
      surface: 'quadratic',
      optimizers: [{ type: 'SGD', lr: 0.01, nesterov: true }],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(' ')).toContain('optimizers[0].nesterov');
  });
});
