/**
 * The CPU engine's inner loop, float64: each particle runs its optimizer's update rule with exactly
 * runOptimizer's gradient processing, schedule and stopping rules (src/core/simulate.ts), but records
 * only a summary and sampled points. Pure; runs in a Web Worker, in Node tests and inline when workers
 * are unavailable. Proven equal to runOptimizer by test.
 *
 * Per step it makes one surface call (value and gradient of the new point together, written into a
 * reused Float64Array, so no tuple is allocated even when the call is not inlined) and one rule step
 * through the switch below, with the particle's hyperparameters and state in reused Float64Arrays;
 * everything that is fixed for the batch (noise, clipping, schedule, sampling) is decided once, outside
 * the loop. docs/benchmarks.md has the profile behind these choices.
 */
import { addGradientNoise, clipGradient } from '../core/gradientProcessing';
import { LIMITS } from '../core/limits';
import { getOptimizer, type Oracle } from '../core/optimizers';
import { RNG_CHANNEL, uniform } from '../core/rng';
import { scheduledLearningRate } from '../core/schedules';
import { decodeHyperparameters, hyperparameterLayout } from '../engine/layout';
import {
  RULE,
  RuleContext,
  adadelta,
  adagrad,
  adam,
  adamW,
  adamax,
  fastRule,
  nadam,
  newton,
  randomSearch,
  rmsprop,
  sgd,
} from './fastRules';
import { SUMMARY_STRIDE, sampleCountOf, type BatchRequest } from '../engine/types';

/** A surface as the kernel takes it: an Oracle, with an allocation-free evaluation when it has one. */
export type KernelSurface = Oracle & {
  /** Writes ∇L into out[0..1] and returns L, bit-identical to value() and gradient(). */
  valueAndGradientInto?(out: Float64Array, w1: number, w2: number): number;
};

/** An Oracle with valueAndGradientInto: the surface itself, or one built from value() and gradient(). */
function withEvaluation(surface: KernelSurface): Required<KernelSurface> {
  if (surface.valueAndGradientInto) return surface as Required<KernelSurface>;
  return {
    value: (w1, w2) => surface.value(w1, w2),
    gradient: (w1, w2) => surface.gradient(w1, w2),
    hessian: (w1, w2) => surface.hessian(w1, w2),
    valueAndGradientInto: (out, w1, w2) => {
      const gradient = surface.gradient(w1, w2);
      out[0] = gradient[0];
      out[1] = gradient[1];
      return surface.value(w1, w2);
    },
  };
}

/** The particle range [from, to) of a request, written at row `p − from` of the output arrays. */
export function runParticlesCpu(
  request: BatchRequest,
  oracle: KernelSurface,
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
  const sampled = every > 0;
  const probeStep = request.probeStep ?? -1;
  const steps = request.steps;
  const lossTarget = request.lossTarget;
  const bound = LIMITS.divergenceBound;
  const surface = withEvaluation(oracle);
  const gradient = new Float64Array(2);
  // Δw of the step: a plain array, not a Float64Array, so that once the rule is inlined V8 forwards the
  // two values in registers (it does not track typed-array elements; the memory round trip on every
  // step's critical path cost ~10%).
  const update: number[] = [0, 0];

  const rule = fastRule(layout);
  const kind = rule?.kind ?? -1;
  const k = new Float64Array(rule?.slotCount ?? 0);
  const s = new Float64Array(rule?.stateSize ?? 0);
  const context = new RuleContext(oracle, request.seed, steps);
  const hpRows = request.hyperparameters;
  const seed = request.seed;
  const noise = request.noise;
  const clip = request.clip;
  const processed = noise > 0 || clip.type !== 'none';
  // addGradientNoise and clipGradient work in place on a pair; one pair serves the whole batch.
  const g: [number, number] = [0, 0];
  const schedule = request.schedule;
  const constantRate = schedule.type === 'constant';
  const lrColumn = layout.columns.findIndex((column) => column.name === 'lr');

  for (let p = from; p < to; p++) {
    const row = p - from;
    const h = p * layout.width;
    const stream = request.streams?.[p] ?? p;
    context.stream = stream;
    const baseLr = hpRows[h + lrColumn] ?? Number.NaN;
    // The spec's own step (and its state object) only where no allocation-free rule exists.
    const hp = rule ? null : decodeHyperparameters(layout, hpRows, h);
    const state = hp ? spec.init(hp) : null;
    const random = hp ? (counter: number) => uniform(seed, stream, RNG_CHANNEL.randomSearch, counter) : null;
    rule?.init(hpRows, h, k, s);
    let w1 = request.starts[2 * p] ?? Number.NaN;
    let w2 = request.starts[2 * p + 1] ?? Number.NaN;
    // The loss and gradient at the current point; each step evaluates its new point once.
    let loss = surface.valueAndGradientInto(gradient, w1, w2);
    let g1 = gradient[0]!;
    let g2 = gradient[1]!;
    let minLoss = loss;
    let reached = -1;
    let diverged = -1;
    let completed = 0;
    let probeLoss = probeStep === 0 ? loss : Number.NaN;
    if (!Number.isFinite(loss)) diverged = 0;
    else if (loss <= lossTarget) reached = 0;
    const sampleBase = row * sampleCount * 3;
    if (sampled) {
      trajectories[sampleBase] = w1;
      trajectories[sampleBase + 1] = w2;
      trajectories[sampleBase + 2] = loss;
    }

    for (let t = 1; t <= steps && diverged < 0; t++) {
      if (!Number.isFinite(g1) || !Number.isFinite(g2)) {
        diverged = t;
        break;
      }
      // The gradient the optimizer sees.
      let d1 = g1;
      let d2 = g2;
      if (processed) {
        g[0] = g1;
        g[1] = g2;
        if (noise > 0) addGradientNoise(g, noise, seed, stream, t);
        clipGradient(g, clip);
        d1 = g[0];
        d2 = g[1];
      }
      const lr = constantRate ? baseLr : scheduledLearningRate(schedule, baseLr, t - 1);
      // Each call below only ever calls one function, so V8 inlines the batch's rule into this loop
      // (a call through a rule object or a dispatch function would not be inlined: doubles boxed per
      // call). The rules are kept under V8's inlining size limit (460 bytes of bytecode).
      let ok: boolean;
      switch (kind) {
        case RULE.SGD:
          ok = sgd(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        case RULE.Adagrad:
          ok = adagrad(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        case RULE.RMSprop:
          ok = rmsprop(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        case RULE.Adam:
          ok = adam(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        case RULE.AdamW:
          ok = adamW(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        case RULE.Adamax:
          ok = adamax(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        case RULE.NAdam:
          ok = nadam(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        case RULE.Adadelta:
          ok = adadelta(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        case RULE.Newton:
          ok = newton(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        case RULE.RandomSearch:
          ok = randomSearch(t, lr, w1, w2, loss, d1, d2, k, s, update, context);
          break;
        default: {
          const result = spec.step({
            t,
            lr,
            w: [w1, w2],
            loss,
            g: [d1, d2],
            hp: hp!,
            state,
            oracle,
            random: random!,
          });
          update[0] = result.update[0];
          update[1] = result.update[1];
          ok = !result.failure;
        }
      }
      const next1 = w1 + update[0]!;
      const next2 = w2 + update[1]!;
      const nextLoss = surface.valueAndGradientInto(gradient, next1, next2);
      const nextG1 = gradient[0]!;
      const nextG2 = gradient[1]!;
      if (!ok || !Number.isFinite(next1) || !Number.isFinite(next2) || !Number.isFinite(nextLoss)) {
        diverged = t;
        break;
      }
      w1 = next1;
      w2 = next2;
      loss = nextLoss;
      g1 = nextG1;
      g2 = nextG2;
      completed = t;
      if (loss < minLoss) minLoss = loss;
      if (reached < 0 && loss <= lossTarget) reached = t;
      if (t === probeStep) probeLoss = loss;
      if (sampled && t % every === 0) {
        const o = sampleBase + (t / every) * 3;
        trajectories[o] = w1;
        trajectories[o + 1] = w2;
        trajectories[o + 2] = loss;
      }
      if (Math.abs(w1) > bound || Math.abs(w2) > bound) diverged = t;
    }

    if (sampled) {
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
