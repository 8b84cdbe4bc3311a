/**
 * The network view's lessons on initialization (lecture 003): each sets the activation-statistics
 * experiment and writes its caption from that run's own numbers. `claims` are the caption's sentences as
 * checks on the same run; the tests run every lesson and hold each claim, so a caption cannot drift from
 * what the figure shows.
 */
import type { StatsConfigInput } from '../core/network';
import type { StatsResult } from './activationStats';

export interface NetworkLesson {
  readonly id: string;
  readonly title: string;
  readonly stats: StatsConfigInput;
  /** The caption, from the run (one sentence per claim). */
  caption(result: StatsResult): string;
  /** The caption needs the backward pass's gradient norms (the UI always computes them). */
  readonly backward?: boolean;
  /** Each caption sentence's claim checked on the run: name → holds. */
  claims(result: StatsResult): Readonly<Record<string, boolean>>;
}

const fix = (v: number, digits = 3) =>
  v === 0 ? '0' : Math.abs(v) < 10 ** -digits ? v.toExponential(1) : v.toFixed(digits);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const grads = (r: StatsResult) => r.gradients?.weightGradientNorms ?? [];
const first = (r: StatsResult) => r.layers[0]!;
const last = (r: StatsResult) => r.layers.at(-1)!;
const stds = (r: StatsResult) => r.layers.map((l) => l.std);
/** The geometric mean of std(l+1)/std(l) over the net: the factor each layer multiplies the spread by. */
function perLayerFactor(r: StatsResult): number {
  const s = stds(r);
  return (s.at(-1)! / s[0]!) ** (1 / (s.length - 1));
}
const maxAbs = (r: StatsResult) => Math.max(Math.abs(last(r).min), Math.abs(last(r).max));

export const NETWORK_LESSONS: readonly NetworkLesson[] = [
  {
    id: 'init-collapse',
    title: 'Small random weights: activations collapse to 0',
    stats: { depth: 10, width: 500, activation: 'tanh', init: 'small', batch: 1000, seed: 1 },
    caption: (r) =>
      `With W = 0.01·randn the std falls from ${fix(first(r).std)} in layer 1 to ${fix(last(r).std)} in layer ${last(r).layer}. ` +
      `Each layer multiplies it by about ${fix(perLayerFactor(r), 3)} (≈ 0.01·√500 = 0.224, since tanh is nearly linear near 0). ` +
      `In the last layer every activation lies within ${fix(maxAbs(r))} of 0, so the gradients on W (∝ the layer's input) vanish too.`,
    claims: (r) => ({
      shrinks: stds(r).every((s, l, all) => l === 0 || s < all[l - 1]!),
      factor: Math.abs(perLayerFactor(r) - 0.01 * Math.sqrt(r.config.width)) < 0.02,
      nearZero: maxAbs(r) < 1e-4,
    }),
  },
  {
    id: 'init-saturation',
    title: '1.0·randn: every tanh unit saturates',
    stats: { depth: 10, width: 500, activation: 'tanh', init: 'unit', batch: 1000, seed: 1 },
    caption: (r) =>
      `With W = 1.0·randn the std stays near ${fix(last(r).std)} in every layer. ` +
      `${pct(Math.min(...r.layers.map((l) => l.saturated)))} or more of each layer's activations are within 1% of −1 or +1. ` +
      'There tanh′ = 1 − tanh² is below 0.02, so almost no gradient flows back.',
    claims: (r) => ({
      steady: r.layers.every((l) => Math.abs(l.std - last(r).std) < 0.01),
      saturated: r.layers.every((l) => l.saturated > 0.5),
      slope: r.layers.every((l) => l.saturated > 0.5) && 1 - 0.99 ** 2 < 0.02,
    }),
  },
  {
    id: 'init-xavier',
    title: 'Xavier: a reasonable spread through depth',
    stats: { depth: 10, width: 500, activation: 'tanh', init: 'xavier', batch: 1000, seed: 1 },
    caption: (r) =>
      `With W = randn/√fan_in the std goes from ${fix(first(r).std)} in layer 1 to ${fix(last(r).std)} in layer ${last(r).layer}: it shrinks slowly, but every layer keeps a spread. ` +
      `The histograms stay wide, and only ${pct(Math.max(...r.layers.map((l) => l.saturated)))} of any layer's activations saturate.`,
    claims: (r) => ({
      slow: last(r).std > 0.15 && last(r).std < first(r).std,
      wide: r.layers.every((l) => l.saturated < 0.05),
    }),
  },
  {
    id: 'init-relu-xavier',
    title: 'Xavier with ReLU: the spread halves layer by layer',
    stats: { depth: 10, width: 500, activation: 'relu', init: 'xavier', batch: 1000, seed: 1 },
    caption: (r) =>
      `ReLU zeroes half its inputs, which Xavier's derivation (linear units) does not expect: the std drops from ${fix(first(r).std)} to ${fix(last(r).std)}. ` +
      `Each layer multiplies it by about ${fix(perLayerFactor(r))} (≈ 1/√2 = 0.707). ` +
      `${pct(last(r).zeros)} of the last layer's activations are exactly 0.`,
    claims: (r) => ({
      drops: last(r).std < first(r).std / 10,
      factor: Math.abs(perLayerFactor(r) - Math.SQRT1_2) < 0.05,
      zeros: last(r).zeros > 0.4,
    }),
  },
  {
    id: 'init-he',
    title: 'He initialization fixes ReLU',
    stats: { depth: 10, width: 500, activation: 'relu', init: 'he', batch: 1000, seed: 1 },
    caption: (r) =>
      `With W = randn/√(fan_in/2) the extra factor √2 makes up for the zeroed half: ` +
      `the std stays between ${fix(Math.min(...stds(r)))} and ${fix(Math.max(...stds(r)))} over all ${r.layers.length} layers.`,
    claims: (r) => ({
      steady: Math.min(...stds(r)) > 0.5 && Math.max(...stds(r)) < 1.2,
    }),
  },
  {
    id: 'vanishing-gradients',
    title: 'Sigmoid: gradients vanish toward the input',
    stats: { depth: 10, width: 500, activation: 'sigmoid', init: 'xavier', batch: 1000, seed: 1 },
    backward: true,
    caption: (r) => {
      const g = grads(r);
      const ratio = g[0]! / g.at(-1)!;
      return (
        `‖∂L/∂W‖ is ${fix(g.at(-1)!)} at layer ${g.length} but ${fix(g[0]!)} at layer 1, ${fix(ratio, 1)} times as much. ` +
        `That is about ${fix(ratio ** (1 / (g.length - 1)))} per layer: the backward pass multiplies one σ′ ≤ 1/4 per layer (the chain rule, lecture 002), so the first layers barely learn.`
      );
    },
    claims: (r) => {
      const g = grads(r);
      const perLayer = (g[0]! / g.at(-1)!) ** (1 / (g.length - 1));
      return {
        vanishes: g.length > 1 && g[0]! < g.at(-1)! / 1000,
        perLayer: perLayer < 0.5,
        monotone: g.every((v, l) => l === 0 || v > g[l - 1]!),
      };
    },
  },
  {
    id: 'batch-norm',
    title: 'Batch norm: 0.01·randn no longer collapses',
    stats: { depth: 10, width: 500, activation: 'tanh', init: 'small', batch: 1000, seed: 1, norm: 'batch' },
    backward: true,
    caption: (r) => {
      const g = grads(r);
      return (
        `With batch norm between W·x and tanh, the same 0.01·randn weights keep a std between ${fix(Math.min(...stds(r)))} and ${fix(Math.max(...stds(r)))} in all ${r.layers.length} layers: ` +
        'each unit is rescaled to mean 0 and std 1 over the batch before tanh (γ = 1, β = 0), whatever the scale of W. ' +
        `‖∂L/∂W‖ is ${fix(g[0]!)} at layer 1 and ${fix(g.at(-1)!)} at layer ${g.length}: no vanishing.`
      );
    },
    claims: (r) => {
      const g = grads(r);
      return {
        steady: Math.min(...stds(r)) > 0.5 && Math.max(...stds(r)) < 0.75,
        rescaled: r.config.norm === 'batch',
        gradients: g.length > 1 && g[0]! / g.at(-1)! > 0.01 && g[0]! / g.at(-1)! < 100,
      };
    },
  },
  {
    id: 'zero-init',
    title: 'W = 0: every hidden unit is the same',
    stats: { depth: 10, width: 500, activation: 'sigmoid', init: 'zero', batch: 1000, seed: 1 },
    caption: (r) =>
      `With W = 0 every unit of every layer outputs ${fix(last(r).mean)} on every input: the largest difference between two units of one layer is ${fix(Math.max(...r.layers.map((l) => l.unitSpread)))}. ` +
      'Units that compute the same function receive the same gradient, so gradient descent can never make them differ: the symmetry must be broken by a random start.',
    claims: (r) => ({
      identical: r.layers.every((l) => l.unitSpread === 0 && l.std === 0),
      value: r.layers.every((l) => l.mean === 0.5),
      // The symmetry argument's premise: identical units (checked above) under identical weights.
      symmetry: r.layers.every((l) => l.unitSpread === 0),
    }),
  },
];

export function networkLesson(id: string | undefined): NetworkLesson | undefined {
  return NETWORK_LESSONS.find((lesson) => lesson.id === id);
}
