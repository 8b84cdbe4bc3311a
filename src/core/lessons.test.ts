import { describe, expect, it } from 'vitest';
import { LESSONS, getLesson } from './lessons';
import { parseScene } from './scene';
import { simulate, type Trajectory } from './simulate';

function run(id: string): Trajectory[] {
  const lesson = getLesson(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return [...simulate(lesson.scene).trajectories];
}
const byLabel = (runs: Trajectory[], label: string): Trajectory => {
  const found = runs.find((t) => t.config.label === label);
  if (!found) throw new Error(`no run ${label}`);
  return found;
};
const w1 = (t: Trajectory, k: number) => t.path[2 * k]!;
const w2 = (t: Trajectory, k: number) => t.path[2 * k + 1]!;
const maxW1 = (t: Trajectory) => Math.max(...Array.from({ length: t.steps + 1 }, (_, k) => w1(t, k)));
const lastW = (t: Trajectory) => [w1(t, t.steps), w2(t, t.steps)] as const;
/** First step after which the loss stays below the threshold. */
const settlesAt = (t: Trajectory, threshold: number) => {
  let k = t.steps;
  while (k > 0 && t.loss[k - 1]! < threshold) k--;
  return k;
};
const meanTail = (values: Float64Array, count: number) => {
  const tail = values.slice(-count);
  return tail.reduce((a, b) => a + b, 0) / tail.length;
};
const series = (values: Float64Array, coordinate: 0 | 1) =>
  Array.from({ length: values.length / 2 }, (_, i) => values[2 * i + coordinate]!);
const nonIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x <= xs[i - 1]! * (1 + 1e-12));
const roughness = (xs: number[]) =>
  xs.slice(1).reduce((sum, x, i) => sum + Math.abs(x - xs[i]!), 0) / (xs.length - 1);

describe('lesson scenes', () => {
  it('have unique ids, two-line captions and valid scenes', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) {
      expect(lesson.caption).toHaveLength(2);
      const parsed = parseScene(lesson.scene);
      expect(parsed.ok, `${lesson.id}: ${parsed.ok ? '' : parsed.errors.join('; ')}`).toBe(true);
      for (const t of simulate(lesson.scene).trajectories) expect(t.steps).toBeGreaterThan(0);
    }
  });

  it('ravine: SGD zigzags across w2, momentum settles sooner', () => {
    const runs = run('ravine-zigzag');
    const sgd = byLabel(runs, 'SGD');
    const momentum = byLabel(runs, 'SGD + momentum');
    let flips = 0;
    for (let k = 1; k <= 20; k++) if (Math.sign(w2(sgd, k)) !== Math.sign(w2(sgd, k - 1))) flips++;
    expect(flips).toBeGreaterThanOrEqual(18);
    expect(settlesAt(momentum, 1e-3)).toBeLessThan(settlesAt(sgd, 1e-3));
  });

  it('momentum overshoots the minimum more as μ grows', () => {
    const runs = run('momentum-overshoot');
    expect(maxW1(byLabel(runs, 'SGD'))).toBeLessThanOrEqual(0);
    expect(maxW1(byLabel(runs, 'momentum μ=0.9'))).toBeGreaterThan(0.1);
    expect(maxW1(byLabel(runs, 'momentum μ=0.5'))).toBeLessThan(maxW1(byLabel(runs, 'momentum μ=0.9')) / 5);
  });

  it('Nesterov overshoots less and settles sooner than momentum', () => {
    const runs = run('nesterov');
    const momentum = byLabel(runs, 'momentum');
    const nesterov = byLabel(runs, 'Nesterov');
    expect(maxW1(nesterov)).toBeLessThan(maxW1(momentum));
    expect(settlesAt(nesterov, 1e-4)).toBeLessThan(settlesAt(momentum, 1e-4));
  });

  it('AdaGrad steps diagonally first, and its effective rate only shrinks', () => {
    const adagrad = byLabel(run('adagrad-diagonal'), 'AdaGrad');
    expect(adagrad.update[0]).toBeCloseTo(0.1, 6);
    expect(adagrad.update[1]).toBeCloseTo(0.1, 6);
    expect(nonIncreasing(series(adagrad.effectiveLr, 0))).toBe(true);
    expect(nonIncreasing(series(adagrad.effectiveLr, 1))).toBe(true);
    const sgd = byLabel(run('adagrad-diagonal'), 'SGD');
    expect(adagrad.loss[adagrad.steps]!).toBeGreaterThan(1e3 * sgd.loss[sgd.steps]!);
  });

  it('RMSProp’s effective rate grows again while AdaGrad’s cannot', () => {
    const runs = run('rmsprop-vs-adagrad');
    const rms = series(byLabel(runs, 'RMSProp').effectiveLr, 0);
    expect(nonIncreasing(series(byLabel(runs, 'AdaGrad').effectiveLr, 0))).toBe(true);
    expect(rms[rms.length - 1]!).toBeGreaterThan(10 * Math.min(...rms));
  });

  it('saddle: SGD stalls, momentum and adaptive methods escape, Newton converges to the saddle', () => {
    const runs = run('saddle');
    const [sgdW1, sgdW2] = lastW(byLabel(runs, 'SGD'));
    expect(Math.abs(sgdW1)).toBeLessThan(0.05);
    expect(Math.abs(sgdW2)).toBeLessThan(1e-3);
    for (const label of ['SGD + momentum', 'Nesterov', 'AdaGrad', 'RMSProp', 'Adam']) {
      expect(lastW(byLabel(runs, label))[0], label).toBeLessThan(-1);
    }
    expect(Math.hypot(...lastW(byLabel(runs, 'Newton')))).toBeLessThan(1e-3);
  });

  it('Adam without bias correction takes a first step ≈ 3.16η, with it exactly η', () => {
    const runs = run('adam-bias-correction');
    const corrected = byLabel(runs, 'Adam');
    const raw = byLabel(runs, 'Adam, no bias correction');
    expect(Math.abs(corrected.update[0]!)).toBeCloseTo(0.05, 6);
    expect(Math.abs(raw.update[0]! / corrected.update[0]!)).toBeCloseTo(0.1 / Math.sqrt(0.001), 3);
  });

  it('decayed learning rates settle lower under noise than a constant one', () => {
    const runs = run('lr-decay');
    const constant = meanTail(byLabel(runs, 'constant').loss, 50);
    for (const label of ['step decay', 'exponential', '1/t', 'cosine']) {
      expect(meanTail(byLabel(runs, label).loss, 50), label).toBeLessThan(constant / 2);
    }
  });

  it('clipping: the unclipped run is thrown far, the clipped one never steps more than η', () => {
    const runs = run('clipping-cliff');
    const steps = (t: Trajectory) =>
      Array.from({ length: t.steps }, (_, i) => Math.hypot(t.update[2 * i]!, t.update[2 * i + 1]!));
    expect(Math.max(...steps(byLabel(runs, 'SGD')))).toBeGreaterThan(5);
    expect(Math.max(...steps(byLabel(runs, 'SGD, norm clipped to 1')))).toBeLessThanOrEqual(0.1 + 1e-9);
  });

  it('Newton lands on the minimum of the quadratic in one step', () => {
    const newton = byLabel(run('newton-quadratic'), 'Newton');
    expect(Math.hypot(w1(newton, 1), w2(newton, 1))).toBeLessThan(1e-12);
  });

  it('Newton walks into the saddle: w2 in one step, w1 halving', () => {
    const runs = run('newton-saddle');
    const newton = byLabel(runs, 'Newton');
    expect(Math.abs(w2(newton, 1))).toBeLessThan(1e-12);
    for (let k = 1; k < 10; k++) expect(w1(newton, k + 1) / w1(newton, k)).toBeCloseTo(0.5, 9);
    expect(lastW(byLabel(runs, 'Adam'))[0]).toBeLessThan(-1);
  });

  it('more gradient noise hovers at a higher loss; runs reproduce', () => {
    const runs = run('minibatch-noise');
    const tail = (label: string) => meanTail(byLabel(runs, label).loss, 50);
    expect(tail('full batch (σ=0)')).toBeLessThan(tail('σ=2'));
    expect(tail('σ=2')).toBeLessThan(tail('σ=8'));
    expect(Array.from(run('minibatch-noise')[2]!.path)).toEqual(Array.from(byLabel(runs, 'σ=8').path));
  });

  it('EWA: a larger β gives a smoother average of the noisy gradients', () => {
    const runs = run('ewa');
    const rough = (label: string) => roughness(series(byLabel(runs, label).accumulators[0]!.values, 0));
    expect(rough('β=0.98')).toBeLessThan(rough('β=0.9'));
    expect(rough('β=0.9')).toBeLessThan(rough('β=0.5'));
  });
});
