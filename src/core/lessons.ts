/**
 * Lesson scenes: one per demonstration in the lecture notes (shared/seeds). Pure data — a title, a
 * two-line caption of what to notice, a scene in the headless API's JSON, and optionally the panel (and
 * the quantity in it) to look at. lessons.test.ts checks every scene validates and every caption's claim
 * holds in the simulation.
 */
import type { SceneInput } from './scene';

export type LessonPanel = 'surface' | 'inside' | 'loss' | 'effectiveLr' | 'convergence';

export interface Lesson {
  readonly id: string;
  readonly title: string;
  /** A few words for the lesson picker. */
  readonly short: string;
  /** Which lecture it comes from (file prefix of shared/seeds). */
  readonly lecture: string;
  /** Two lines: what to look at, and why it happens. */
  readonly caption: readonly [string, string];
  readonly scene: SceneInput;
  readonly panel?: LessonPanel;
  /** For the effective-rate panel: 'effectiveLr', 'stepLength' or 'acc:<accumulator key>'. */
  readonly quantity?: string;
  /** Start in explain mode (step-by-step), focused on this optimizer index. */
  readonly explainOptimizer?: number;
}

const RAVINE = { surface: 'quadratic', start: [-1, -1] as [number, number] };
const SADDLE = { surface: 'saddle', start: [-0.01, -1] as [number, number] };

export const LESSONS: readonly Lesson[] = [
  {
    id: 'ravine-zigzag',
    short: 'SGD zigzag',
    title: 'SGD zigzags, momentum rolls',
    lecture: '001',
    caption: [
      'On w₁² + 25w₂² plain SGD bounces across the steep w₂ direction every step while creeping along the flat w₁.',
      'Momentum averages the alternating w₂ gradients away and keeps the consistent w₁ push: it reaches the minimum sooner.',
    ],
    scene: {
      ...RAVINE,
      steps: 80,
      optimizers: [
        { type: 'SGD', label: 'SGD', lr: 0.035 },
        { type: 'SGD', label: 'SGD + momentum', lr: 0.01, momentum: 0.8 },
      ],
    },
    panel: 'loss',
  },
  {
    id: 'momentum-overshoot',
    short: 'Momentum overshoot',
    title: 'Momentum overshoots',
    lecture: '001',
    caption: [
      'With μ = 0.9 the ball rolls past the minimum at w₁ = 0 and swings back; μ = 0.5 barely overshoots; μ = 0 never does.',
      'The velocity is a sum of past gradients: it takes several steps of opposite gradient to brake it.',
    ],
    scene: {
      ...RAVINE,
      steps: 120,
      optimizers: [
        { type: 'SGD', label: 'SGD', lr: 0.01 },
        { type: 'SGD', label: 'momentum μ=0.5', lr: 0.01, momentum: 0.5 },
        { type: 'SGD', label: 'momentum μ=0.9', lr: 0.01, momentum: 0.9 },
      ],
    },
  },
  {
    id: 'nesterov',
    short: 'Nesterov',
    title: 'Nesterov looks ahead',
    lecture: '001',
    caption: [
      'Same η and μ: Nesterov evaluates the gradient where the momentum is about to take it, so it brakes before the minimum.',
      'It overshoots less than plain momentum and settles sooner.',
    ],
    scene: {
      ...RAVINE,
      steps: 120,
      optimizers: [
        { type: 'SGD', label: 'momentum', lr: 0.01, momentum: 0.9 },
        { type: 'SGD', label: 'Nesterov', lr: 0.01, momentum: 0.9, nesterov: true },
      ],
    },
    panel: 'convergence',
  },
  {
    id: 'adagrad-diagonal',
    short: 'AdaGrad diagonal',
    title: 'AdaGrad follows the diagonal, then slows',
    lecture: '001',
    caption: [
      'From (−1, −1) AdaGrad’s first step is (η, η): dividing by √r makes both coordinates move alike, so it heads down the diagonal.',
      'r only grows, so the effective learning rate only shrinks — AdaGrad slows to a crawl.',
    ],
    scene: {
      ...RAVINE,
      steps: 150,
      optimizers: [
        { type: 'SGD', label: 'SGD', lr: 0.035 },
        { type: 'Adagrad', label: 'AdaGrad', lr: 0.1 },
      ],
    },
    panel: 'effectiveLr',
    quantity: 'effectiveLr',
    explainOptimizer: 1,
  },
  {
    id: 'rmsprop-vs-adagrad',
    short: 'RMSProp vs AdaGrad',
    title: 'RMSProp’s rate recovers, AdaGrad’s cannot',
    lecture: '002',
    caption: [
      'Both divide η by √r. AdaGrad sums every g², so its effective rate only falls.',
      'RMSProp averages g² with decay α, forgetting old gradients: as they shrink near the minimum its rate grows again.',
    ],
    scene: {
      ...RAVINE,
      steps: 150,
      optimizers: [
        { type: 'Adagrad', label: 'AdaGrad', lr: 0.1 },
        { type: 'RMSprop', label: 'RMSProp', lr: 0.01, alpha: 0.9 },
      ],
    },
    panel: 'effectiveLr',
    quantity: 'effectiveLr',
  },
  {
    id: 'saddle',
    short: 'Saddle escape',
    title: 'Escaping the saddle w₁³ + w₂²',
    lecture: '001',
    caption: [
      'At (−0.01, −1) the gradient is (0.0003, −2): plain SGD settles onto the saddle, barely moving along w₁.',
      'Momentum gathers speed and adaptive methods rescale the tiny w₁ gradient — they escape downhill; Newton is drawn into the saddle.',
    ],
    scene: {
      ...SADDLE,
      steps: 150,
      optimizers: [
        { type: 'SGD', label: 'SGD', lr: 0.1 },
        { type: 'SGD', label: 'SGD + momentum', lr: 0.05, momentum: 0.9 },
        { type: 'SGD', label: 'Nesterov', lr: 0.05, momentum: 0.9, nesterov: true },
        { type: 'Adagrad', label: 'AdaGrad', lr: 0.4 },
        { type: 'RMSprop', label: 'RMSProp', lr: 0.05 },
        { type: 'Adam', label: 'Adam', lr: 0.1 },
        { type: 'Newton', label: 'Newton' },
      ],
    },
    panel: 'loss',
  },
  {
    id: 'adam-bias-correction',
    short: 'Adam bias correction',
    title: 'Adam with and without bias correction',
    lecture: '001',
    caption: [
      'm and v start at 0, so early averages are too small. Uncorrected, m/√v = (1−β₁)/√(1−β₂) ≈ 3.2 makes the first step 3× η.',
      'Dividing by 1−βᵗ fixes the start: corrected Adam’s first step is exactly η per coordinate.',
    ],
    scene: {
      ...RAVINE,
      steps: 100,
      optimizers: [
        { type: 'Adam', label: 'Adam', lr: 0.05 },
        { type: 'Adam', label: 'Adam, no bias correction', lr: 0.05, bias_correction: false },
      ],
    },
    panel: 'effectiveLr',
    quantity: 'stepLength',
    explainOptimizer: 1,
  },
  {
    id: 'lr-decay',
    short: 'LR decay',
    title: 'Learning-rate decay under noise',
    lecture: '000',
    caption: [
      'With noisy gradients a constant η keeps jittering around the minimum; decaying η (step, exponential, 1/t, cosine) settles.',
      'Large steps early explore, small steps late average the noise away.',
    ],
    scene: {
      ...RAVINE,
      steps: 200,
      seed: 7,
      optimizers: [
        { type: 'SGD', label: 'constant', lr: 0.03, noise: 4 },
        {
          type: 'SGD',
          label: 'step decay',
          lr: 0.03,
          noise: 4,
          schedule: { type: 'step', step_size: 50, gamma: 0.3 },
        },
        { type: 'SGD', label: 'exponential', lr: 0.03, noise: 4, schedule: { type: 'exponential', k: 0.02 } },
        { type: 'SGD', label: '1/t', lr: 0.03, noise: 4, schedule: { type: 'inverse_time', k: 0.05 } },
        {
          type: 'SGD',
          label: 'cosine',
          lr: 0.03,
          noise: 4,
          schedule: { type: 'cosine', T_max: 200, eta_min: 0 },
        },
      ],
    },
    panel: 'loss',
  },
  {
    id: 'clipping-cliff',
    short: 'Clipping on a cliff',
    title: 'Gradient clipping on a cliff',
    lecture: '002',
    caption: [
      'A step that lands on the cliff face gets a gradient ≈ 100: unclipped SGD is thrown far across the bowl.',
      'Clipping the gradient norm to 1 caps every step at η, so the clipped run walks down the face.',
    ],
    scene: {
      surface: 'cliff',
      start: [-2.5, 1.5],
      steps: 100,
      optimizers: [
        { type: 'SGD', label: 'SGD', lr: 0.1 },
        { type: 'SGD', label: 'SGD, norm clipped to 1', lr: 0.1, clip: { type: 'norm', max: 1 } },
      ],
    },
    panel: 'effectiveLr',
    quantity: 'stepLength',
  },
  {
    id: 'newton-quadratic',
    short: 'Newton: one step',
    title: 'Newton solves a quadratic in one step',
    lecture: '000',
    caption: [
      'Newton jumps to the minimum of the local quadratic model — on a quadratic that is the minimum itself: one step.',
      'Gradient descent converges linearly (a straight line on the log plot); Newton needs no learning rate tuning here.',
    ],
    scene: {
      ...RAVINE,
      steps: 60,
      optimizers: [
        { type: 'SGD', label: 'SGD', lr: 0.035 },
        { type: 'Newton', label: 'Newton' },
      ],
    },
    panel: 'convergence',
  },
  {
    id: 'newton-saddle',
    short: 'Newton at a saddle',
    title: 'Newton is drawn to the saddle',
    lecture: '000',
    caption: [
      'On w₁³ + w₂² the local model’s stationary point is the saddle, so Newton walks into it: w₂ in one step, w₁ halving each step.',
      'Gradient descent ignores curvature and Adam escapes downhill — second-order methods need care at saddles.',
    ],
    scene: {
      ...SADDLE,
      steps: 80,
      optimizers: [
        { type: 'Newton', label: 'Newton' },
        { type: 'Adam', label: 'Adam', lr: 0.1 },
      ],
    },
    panel: 'loss',
  },
  {
    id: 'minibatch-noise',
    short: 'Mini-batch noise',
    title: 'Mini-batch noise',
    lecture: '003',
    caption: [
      'Mini-batch gradients are noisy estimates: the more noise σ, the more the path wanders and the higher the loss it hovers at.',
      'Same seed, same noise: every run reproduces. Change the seed to draw another batch sequence.',
    ],
    scene: {
      ...RAVINE,
      steps: 150,
      seed: 3,
      optimizers: [
        { type: 'SGD', label: 'full batch (σ=0)', lr: 0.02 },
        { type: 'SGD', label: 'σ=2', lr: 0.02, noise: 2 },
        { type: 'SGD', label: 'σ=8', lr: 0.02, noise: 8 },
      ],
    },
    panel: 'loss',
  },
  {
    id: 'ewa',
    short: 'EWA β 0.5/0.9/0.98',
    title: 'Exponentially weighted averages: β = 0.5, 0.9, 0.98',
    lecture: '004',
    caption: [
      'The velocity b = βb + (1−β)g averages about 1/(1−β) gradients: 2 for β = 0.5, 10 for 0.9, 50 for 0.98 — smoother but slower to react.',
      'Look at the accumulator panel: with noisy gradients the β = 0.98 average is smooth, β = 0.5 follows the noise.',
    ],
    scene: {
      ...RAVINE,
      steps: 150,
      seed: 11,
      optimizers: [
        { type: 'SGD', label: 'β=0.5', lr: 0.02, momentum: 0.5, dampening: 0.5, noise: 3 },
        { type: 'SGD', label: 'β=0.9', lr: 0.02, momentum: 0.9, dampening: 0.9, noise: 3 },
        { type: 'SGD', label: 'β=0.98', lr: 0.02, momentum: 0.98, dampening: 0.98, noise: 3 },
      ],
    },
    panel: 'effectiveLr',
    quantity: 'acc:velocity',
  },
];

export function getLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
