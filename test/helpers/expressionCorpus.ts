/** Expressions shared by the expression-language tests (derivatives, WGSL, GPU). Test-only data. */
import { uniform } from '../../src/core/rng.ts';

export interface CorpusEntry {
  readonly text: string;
  readonly constants?: Readonly<Record<string, number>>;
  /** Sampling box [[w1 lo, hi], [w2 lo, hi]]. */
  readonly domain: readonly [readonly [number, number], readonly [number, number]];
  /** Hand-written reference value, where one is easy to write. */
  readonly js?: (w1: number, w2: number) => number;
  /** Points to leave out of finite differences (kinks, ties of min/max). */
  readonly nonSmooth?: (w1: number, w2: number) => boolean;
}

const box = (a: number, b: number, c = a, d = b) =>
  [
    [a, b],
    [c, d],
  ] as const;
const near = (v: number, eps = 1e-3): boolean => Math.abs(v) < eps;

export const CORPUS: readonly CorpusEntry[] = [
  { text: 'w1^2 + w2^2', domain: box(-3, 3), js: (x, y) => x * x + y * y },
  { text: 'w1^3 + w2^2', domain: box(-3, 3), js: (x, y) => x ** 3 + y * y },
  {
    text: '(1-w1)^2+100*(w2-w1^2)^2',
    domain: box(-2, 2, -1, 3),
    js: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  },
  { text: 'x^4 - x^2 + y^2', domain: box(-2, 2), js: (x, y) => x ** 4 - x ** 2 + y ** 2 },
  { text: 'x^2 - y^2', domain: box(-2, 2), js: (x, y) => x * x - y * y },
  { text: '0.5*w1^2 + 10*w2^2', domain: box(-3, 3), js: (x, y) => 0.5 * x * x + 10 * y * y },
  {
    text: 'a*w1^2 + b*w2^2',
    constants: { a: 1, b: 25 },
    domain: box(-3, 3),
    js: (x, y) => x * x + 25 * y * y,
  },
  { text: 'exp(-(w1^2 + w2^2))', domain: box(-2, 2), js: (x, y) => Math.exp(-(x * x + y * y)) },
  { text: 'log(1 + w1^2 + w2^2)', domain: box(-3, 3), js: (x, y) => Math.log(1 + x * x + y * y) },
  { text: 'sin(w1)*cos(w2)', domain: box(-4, 4), js: (x, y) => Math.sin(x) * Math.cos(y) },
  { text: 'tanh(w1*w2) + 0.1*w1^2', domain: box(-2, 2), js: (x, y) => Math.tanh(x * y) + 0.1 * x * x },
  { text: 'sqrt(w1^2 + w2^2 + 1)', domain: box(-3, 3), js: (x, y) => Math.sqrt(x * x + y * y + 1) },
  {
    text: 'abs(w1) + w2^2',
    domain: box(-2, 2),
    js: (x, y) => Math.abs(x) + y * y,
    nonSmooth: (x) => near(x, 1e-2),
  },
  {
    text: 'min(w1^2, w2^2 + 1)',
    domain: box(-2, 2),
    js: (x, y) => Math.min(x * x, y * y + 1),
    nonSmooth: (x, y) => near(x * x - y * y - 1, 5e-2),
  },
  {
    text: 'max(w1, w2)^2',
    domain: box(-2, 2),
    js: (x, y) => Math.max(x, y) ** 2,
    nonSmooth: (x, y) => near(x - y, 1e-2),
  },
  {
    text: '(w1^2+w2^2)^0.5',
    domain: box(0.2, 2, -2, 2),
    js: (x, y) => Math.sqrt(x * x + y * y),
  },
  { text: '2^w1 + 3^w2', domain: box(-2, 2), js: (x, y) => 2 ** x + 3 ** y },
  { text: 'w1^w2', domain: box(0.2, 3, -2, 2), js: (x, y) => x ** y },
  {
    text: '(w1^2 + 1)^3 - (w2 - 1)^-2',
    domain: box(-1.5, 1.5, 1.5, 3),
    js: (x, y) => (x * x + 1) ** 3 - (y - 1) ** -2,
  },
  { text: '2^w1^2 + w2', domain: box(-1.5, 1.5), js: (x, y) => 2 ** (x * x) + y },
  { text: 'exp(sin(w1) + cos(w2))', domain: box(-3, 3), js: (x, y) => Math.exp(Math.sin(x) + Math.cos(y)) },
  { text: 'log(w1)*w2^2', domain: box(0.2, 3, -2, 2), js: (x, y) => Math.log(x) * y * y },
  { text: 'w1/(1 + w2^2)', domain: box(-3, 3), js: (x, y) => x / (1 + y * y) },
  {
    text: '(w1 - 1)^2/(w2^2 + 1) + pi*w2^2',
    domain: box(-3, 3),
    js: (x, y) => (x - 1) ** 2 / (y * y + 1) + Math.PI * y * y,
  },
  { text: 'e^(w1*w2/4)', domain: box(-2, 2), js: (x, y) => Math.exp((x * y) / 4) },
  {
    text: 'sin(pi*w1)*sin(pi*w2)',
    domain: box(-1, 1),
    js: (x, y) => Math.sin(Math.PI * x) * Math.sin(Math.PI * y),
  },
  {
    text: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    domain: box(-5, 5),
    js: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
  },
  {
    text: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
    domain: box(-4.5, 4.5),
    js: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
  },
  { text: '-(-x)^3 + y^4', domain: box(-2, 2), js: (x, y) => x ** 3 + y ** 4 },
  {
    text: 'k*sin(w1) + c*w2^3',
    constants: { k: 2.5, c: -0.5 },
    domain: box(-3, 3),
    js: (x, y) => 2.5 * Math.sin(x) - 0.5 * y ** 3,
  },
  { text: 'w1^-2 + w2^4', domain: box(0.5, 2, -2, 2), js: (x, y) => x ** -2 + y ** 4 },
  { text: '1/(w1^2 + w2^2 + 0.5)', domain: box(-2, 2), js: (x, y) => 1 / (x * x + y * y + 0.5) },
  { text: 'x^k + y^2', constants: { k: 3 }, domain: box(-2, 2), js: (x, y) => x ** 3 + y * y },
  {
    text: 'sign(w1)*w1^2 + w2',
    domain: box(-2, 2),
    js: (x, y) => Math.sign(x) * x * x + y,
    nonSmooth: (x) => near(x, 1e-2),
  },
  {
    text: 'abs(w1*w2 - 1) + max(w1, 0)^3',
    domain: box(-2, 2),
    js: (x, y) => Math.abs(x * y - 1) + Math.max(x, 0) ** 3,
    nonSmooth: (x, y) => near(x * y - 1, 2e-2) || near(x, 1e-2),
  },
  { text: 'tanh(3*sin(w1*w2))', domain: box(-2, 2), js: (x, y) => Math.tanh(3 * Math.sin(x * y)) },
  {
    text: 'exp(w1)^2 - 2*exp(w2/2)',
    domain: box(-2, 2),
    js: (x, y) => Math.exp(x) ** 2 - 2 * Math.exp(y / 2),
  },
  {
    text: 'sqrt(w1)*log(w2) - w1/w2',
    domain: box(0.3, 3, 0.3, 3),
    js: (x, y) => Math.sqrt(x) * Math.log(y) - x / y,
  },
];

/** `count` deterministic points in the entry's box. */
export function samplePoints(entry: CorpusEntry, count: number, seed: number): Array<[number, number]> {
  const [[a, b], [c, d]] = entry.domain;
  const points: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    points.push([a + (b - a) * uniform(seed, i, 0, 1), c + (d - c) * uniform(seed, i, 1, 1)]);
  }
  return points;
}
