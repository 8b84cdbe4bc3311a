/**
 * torch.optim.Adam and AdamW (Kingma & Ba 2015, Algorithm 1; Loshchilov & Hutter 2019), with a
 * `bias_correction` switch so the lectures' "Adam (almost)" — no bias correction — can be shown.
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);  w ← w − η·m̂/(√v̂+ε)
 * Adam folds weight decay into g (L2); AdamW decays the weights directly: w ← w(1−ηλ).
 */
import type { HyperparameterSpec, Hyperparameters, Vec2 } from '../types';
import {
  betasParam,
  bool,
  epsParam,
  lrParam,
  map2,
  num,
  pair,
  weightDecayLine,
  weightDecayParam,
  withWeightDecay,
  type OptimizerSpec,
  type StepContext,
  type StepResult,
} from './spec';

interface AdamState {
  m: [number, number];
  v: [number, number];
  vMax: [number, number];
}

function adamHyperparameters(defaultWeightDecay: number): HyperparameterSpec[] {
  return [
    lrParam(1e-3),
    betasParam,
    epsParam(1e-8),
    weightDecayParam(defaultWeightDecay),
    {
      key: 'amsgrad',
      kind: 'boolean',
      label: 'AMSGrad',
      default: false,
      help: 'use the running maximum of v',
    },
    {
      key: 'bias_correction',
      kind: 'boolean',
      label: 'bias correction',
      default: true,
      help: 'off gives the lectures’ “Adam (almost)”',
    },
  ];
}

/** Adam's moments and step as the settings have them: bias correction and AMSGrad change the rule. */
function adamEquations(hp: Hyperparameters): string[] {
  const corrected = bool(hp, 'bias_correction');
  const amsgrad = bool(hp, 'amsgrad');
  const m = corrected ? '\\hat m_t' : 'm_t';
  const v = amsgrad ? (corrected ? '\\hat v^{\\max}_t' : 'v^{\\max}_t') : corrected ? '\\hat v_t' : 'v_t';
  return [
    'm_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\, g_t',
    'v_t = \\beta_2 v_{t-1} + (1-\\beta_2)\\, g_t^2',
    ...(amsgrad ? ['v^{\\max}_t = \\max(v^{\\max}_{t-1}, v_t)'] : []),
    ...(corrected
      ? [
          `\\hat m_t = \\frac{m_t}{1-\\beta_1^t}, \\quad ${amsgrad ? '\\hat v^{\\max}_t = \\frac{v^{\\max}_t}{1-\\beta_2^t}' : '\\hat v_t = \\frac{v_t}{1-\\beta_2^t}'}`,
        ]
      : []),
    `w_{t+1} = w_t - \\eta\\, \\frac{${m}}{\\sqrt{${v}} + \\epsilon}`,
  ];
}

/** The moment updates and step shared by Adam and AdamW, given the gradient the moments should see. */
function adamStep({ t, lr, hp, state }: StepContext<AdamState>, g: Vec2): StepResult {
  const [beta1, beta2] = pair(hp, 'betas');
  const eps = num(hp, 'eps');
  const corrected = bool(hp, 'bias_correction');
  state.m = map2(state.m, (m, i) => beta1 * m + (1 - beta1) * g[i]);
  state.v = map2(state.v, (v, i) => beta2 * v + (1 - beta2) * g[i] * g[i]);
  let secondMoment: Vec2 = state.v;
  if (bool(hp, 'amsgrad')) {
    state.vMax = map2(state.vMax, (vMax, i) => Math.max(vMax, state.v[i]));
    secondMoment = state.vMax;
  }
  const firstCorrection = corrected ? 1 - Math.pow(beta1, t) : 1;
  const secondCorrection = corrected ? 1 - Math.pow(beta2, t) : 1;
  // torch computes denom = √v/√(1−β₂ᵗ) + ε; the effective rate multiplies m̂.
  const effectiveLr = map2(secondMoment, (v) => lr / (Math.sqrt(v) / Math.sqrt(secondCorrection) + eps));
  return { update: map2(state.m, (m, i) => (-effectiveLr[i] * m) / firstCorrection), effectiveLr };
}

const initAdam = (): AdamState => ({ m: [0, 0], v: [0, 0], vMax: [0, 0] });
const adamAccumulators = [
  { key: 'm', label: 'm (first moment)', help: 'exponentially weighted average of gradients' },
  { key: 'v', label: 'v (second moment)', help: 'exponentially weighted average of squared gradients' },
];
const readAdam = (state: AdamState): readonly Vec2[] => [state.m, state.v];

export const Adam: OptimizerSpec<AdamState> = {
  type: 'Adam',
  label: 'Adam',
  family: 'adaptive',
  description:
    'Momentum (first moment m) plus RMSProp scaling (second moment v), both bias-corrected so the first steps are not too small.',
  equations: (hp) => [...weightDecayLine(hp), ...adamEquations(hp)],
  lectureForm: (hp) => ({
    lecture: '002',
    equations: [
      '\\nu^{(t)} = \\rho_1 \\nu^{(t-1)} + (1-\\rho_1)\\, g^{(t)}',
      'r^{(t)} = \\rho_2 r^{(t-1)} + (1-\\rho_2)\\, g^{(t)2}',
      bool(hp, 'bias_correction')
        ? 'W^{(t+1)} = W^{(t)} - \\frac{\\epsilon}{\\delta + \\sqrt{r^{(t)}/(1-\\rho_2^t)}}\\, \\frac{\\nu^{(t)}}{1-\\rho_1^t}'
        : 'W^{(t+1)} = W^{(t)} - \\frac{\\epsilon}{\\delta + \\sqrt{r^{(t)}}}\\, \\nu^{(t)}',
    ],
    note: 'ρ₁ = β₁, ρ₂ = β₂ (ν = m, r = v); the lecture’s ε is the learning rate η and its δ is torch’s eps. Lecture 004 writes Kingma & Ba’s Algorithm 1 with torch’s names.',
  }),
  hyperparameters: adamHyperparameters(0),
  accumulators: adamAccumulators,
  init: initAdam,
  step: (ctx) => adamStep(ctx, withWeightDecay(ctx.g, ctx.w, num(ctx.hp, 'weight_decay'))),
  readAccumulators: readAdam,
};

export const AdamW: OptimizerSpec<AdamState> = {
  type: 'AdamW',
  label: 'AdamW',
  family: 'adaptive',
  description:
    'Adam with decoupled weight decay: the weights shrink by ηλ each step, outside the adaptive scaling.',
  equations: (hp) => [
    ...(num(hp, 'weight_decay') > 0 ? ['w_t \\leftarrow w_t\\,(1 - \\eta\\lambda)'] : []),
    ...adamEquations(hp),
  ],
  hyperparameters: adamHyperparameters(1e-2),
  accumulators: adamAccumulators,
  init: initAdam,
  step(ctx) {
    const decay = ctx.lr * num(ctx.hp, 'weight_decay');
    const result = adamStep(ctx, ctx.g);
    // Decoupled decay acts on w before the Adam step: Δw = −ηλw + adam update.
    return { ...result, update: map2(result.update, (u, i) => u - decay * ctx.w[i]) };
  },
  readAccumulators: readAdam,
};
