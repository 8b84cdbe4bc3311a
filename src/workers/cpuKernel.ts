/**
 * The CPU engine's inner loop, float64: each particle runs the optimizer spec's own step function with
 * exactly runOptimizer's gradient processing, schedule and stopping rules (src/core/simulate.ts), but
 * records only a summary and sampled points, and reuses one context object per particle. Pure; runs in
 * a Web Worker, in Node tests and inline when workers are unavailable. Proven equal to runOptimizer by test.
 */
import { addGradientNoise, clipGradient } from '../core/gradientProcessing';
import { LIMITS } from '../core/limits';
import { getOptimizer, type Oracle } from '../core/optimizers';
import { RNG_CHANNEL, uniform } from '../core/rng';
import { scheduledLearningRate } from '../core/schedules';
import { decodeHyperparameters, hyperparameterLayout } from '../engine/layout';
import { fastRule } from './fastRules';
import { SUMMARY_STRIDE, sampleCountOf, type BatchRequest } from '../engine/types';

/** The particle range [from, to) of a request, written at row `p − from` of the output arrays. */
export function runParticlesCpu(
  request: BatchRequest,
  oracle: Oracle,
  from: number,
  to: number,
  summary: Float64Array,
  trajectories: Float32Array,
): void {
  const spec = getOptimizer(request.optimizerType);
  if (!spec) throw new Error(`unknown optimizer type ${request.optimizerType}`);
  const layout = hyperparameterLayout(request.optimizerType);
  const sampleCount = sampleCountOf(request);
  const every = request.sampleEvery ?? 0;
  const probeStep = request.probeStep ?? -1;
  const bound = LIMITS.divergenceBound;
  const g: [number, number] = [0, 0];

  const fast = fastRule(layout);
  const fastState = new Float64Array(fast?.stateSize ?? 0);
  const out = new Float64Array(2);
  const hpRows = request.hyperparameters;
  const noise = request.noise;
  const clip = request.clip;
  const schedule = request.schedule;
  const constantRate = schedule.type === 'constant';
  const lrColumn = layout.columns.findIndex((column) => column.name === 'lr');
  // One closure per batch, not per particle: it reads the current particle's stream.
  let stream = 0;
  const random = (counter: number) => uniform(request.seed, stream, RNG_CHANNEL.randomSearch, counter);

  for (let p = from; p < to; p++) {
    const row = p - from;
    const h = p * layout.width;
    stream = request.streams?.[p] ?? p;
    const baseLr = hpRows[h + lrColumn] ?? Number.NaN;
    // The spec's own step (and its state object) only where no allocation-free rule exists.
    const hp = fast ? null : decodeHyperparameters(layout, hpRows, h);
    const state = hp ? spec.init(hp) : null;
    fast?.rule.init(hpRows, h, fastState);
    let w1 = request.starts[2 * p] ?? Number.NaN;
    let w2 = request.starts[2 * p + 1] ?? Number.NaN;
    let loss = oracle.value(w1, w2);
    let minLoss = loss;
    let reached = -1;
    let diverged = -1;
    let completed = 0;
    let probeLoss = probeStep === 0 ? loss : Number.NaN;
    if (!Number.isFinite(loss)) diverged = 0;
    else if (loss <= request.lossTarget) reached = 0;
    const sampleBase = row * sampleCount * 3;
    if (every > 0) {
      trajectories[sampleBase] = w1;
      trajectories[sampleBase + 1] = w2;
      trajectories[sampleBase + 2] = loss;
    }

    for (let t = 1; t <= request.steps && diverged < 0; t++) {
      const trueGradient = oracle.gradient(w1, w2);
      g[0] = trueGradient[0];
      g[1] = trueGradient[1];
      if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) {
        diverged = t;
        break;
      }
      if (noise > 0) addGradientNoise(g, noise, request.seed, stream, t);
      if (clip.type !== 'none') clipGradient(g, clip);
      const lr = constantRate ? baseLr : scheduledLearningRate(schedule, baseLr, t - 1);
      let ok: boolean;
      if (fast) {
        ok = fast.rule.step(t, lr, w1, w2, loss, g[0], g[1], hpRows, h, fastState, out, oracle, random);
      } else {
        const result = spec.step({ t, lr, w: [w1, w2], loss, g, hp: hp!, state, oracle, random });
        out[0] = result.update[0];
        out[1] = result.update[1];
        ok = !result.failure;
      }
      const next1 = w1 + out[0]!;
      const next2 = w2 + out[1]!;
      const nextLoss = oracle.value(next1, next2);
      if (!ok || !Number.isFinite(next1) || !Number.isFinite(next2) || !Number.isFinite(nextLoss)) {
        diverged = t;
        break;
      }
      w1 = next1;
      w2 = next2;
      loss = nextLoss;
      completed = t;
      if (loss < minLoss) minLoss = loss;
      if (reached < 0 && loss <= request.lossTarget) reached = t;
      if (t === probeStep) probeLoss = loss;
      if (every > 0 && t % every === 0) {
        const o = sampleBase + (t / every) * 3;
        trajectories[o] = w1;
        trajectories[o + 1] = w2;
        trajectories[o + 2] = loss;
      }
      if (Math.abs(w1) > bound || Math.abs(w2) > bound) diverged = t;
    }

    if (every > 0) {
      for (let i = Math.floor(completed / every) + 1; i < sampleCount; i++) {
        const o = sampleBase + i * 3;
        trajectories[o] = w1;
        trajectories[o + 1] = w2;
        trajectories[o + 2] = loss;
      }
    }
    const o = row * SUMMARY_STRIDE;
    summary[o] = w1;
    summary[o + 1] = w2;
    summary[o + 2] = loss;
    summary[o + 3] = minLoss;
    summary[o + 4] = reached;
    summary[o + 5] = diverged;
    summary[o + 6] = completed;
    summary[o + 7] = completed >= probeStep && probeStep >= 0 ? probeLoss : Number.NaN;
  }
}
