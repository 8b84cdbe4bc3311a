/**
 * torch.optim.Adam and AdamW (Kingma & Ba 2015, Algorithm 1; Loshchilov & Hutter 2019), with a
 * `bias_correction` switch so the lectures' "Adam (almost)" — no bias correction — can be shown.
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);  w ← w − η·m̂/(√v̂+ε)
 * Adam folds weight decay into g (L2); AdamW decays the weights directly: w ← w(1−ηλ).
 */
import type { HyperparameterSpec, Hyperparameters } from '../types';
import { when, type ElementwiseRule, type RuleStatement } from './rule';
import { elementwiseSpec } from './ruleStep';
import { betasParam, bool, epsParam, lrParam, num, weightDecayLine, weightDecayParam } from './spec';

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

/**
 * The moment updates and step shared by Adam and AdamW, around the lines that differ: where weight decay
 * enters (L2 into g, or decoupled from the step).
 */
function adamRule(before: readonly RuleStatement[], after: readonly RuleStatement[]): ElementwiseRule {
  return {
    aliases: { beta1: 'betas[0]', beta2: 'betas[1]', decay: 'weight_decay' },
    state: { m: '0', v: '0', v_max: '0' },
    step: [
      ...before,
      'm = beta1 * m + (1 - beta1) * g',
      'v = beta2 * v + (1 - beta2) * g * g',
      'second_moment = v',
      when('amsgrad', 'v_max = max(v_max, v)', 'second_moment = v_max'),
      'first_correction = bias_correction ? 1 - pow(beta1, t) : 1',
      // torch computes denom = √v/√(1−β₂ᵗ) + ε; the effective rate multiplies m̂.
      'root_second_correction = bias_correction ? sqrt(1 - pow(beta2, t)) : 1',
      'effective_lr = lr / (sqrt(second_moment) / root_second_correction + eps)',
      'update = -effective_lr * m / first_correction',
      ...after,
    ],
  };
}

const adamAccumulators = [
  { key: 'm', label: 'm (first moment)', help: 'exponentially weighted average of gradients', moment: 'm' },
  { key: 'v', label: 'v (second moment)', help: 'exponentially weighted average of squared gradients' },
];

export const Adam = elementwiseSpec({
  type: 'Adam',
  lrViewFraction: 0.025,
  second: {
    column: 'betas[1]',
    spacing: 'oneMinusLog',
    min: 0.5,
    max: 0.9999,
    compared: [0.9, 0.99, 0.999, 0.9999],
  },
  paritySettings: { lr: 0.05 },
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
  rule: adamRule([when('decay != 0', 'g = g + decay * w')], []),
});

export const AdamW = elementwiseSpec({
  type: 'AdamW',
  lrViewFraction: 0.025,
  second: {
    column: 'betas[1]',
    spacing: 'oneMinusLog',
    min: 0.5,
    max: 0.9999,
    compared: [0.9, 0.99, 0.999, 0.9999],
  },
  paritySettings: { lr: 0.05 },
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
  // Decoupled decay acts on w before the Adam step: Δw = −ηλw + the Adam update of the raw gradient.
  rule: adamRule([], ['update = update - lr * decay * w']),
});
