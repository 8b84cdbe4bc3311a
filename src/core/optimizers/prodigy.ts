/**
 * Prodigy (Mishchenko & Defazio 2024, "Prodigy: An Expeditiously Adaptive Parameter-Free Learner", ICML,
 * the algorithm "Prodigy (Adam version)" of section 5, "Deriving Adam-like step sizes"; keys lr = 1,
 * betas, beta3, d0, d_coef, weight_decay, eps as in the authors' prodigyopt): Adam whose step is scaled
 * by an estimate d of the distance from the start x₀ to the solution, grown from d₀ and never shrunk:
 *   m ← β₁m + (1−β₁)d g;  v ← β₂v + (1−β₂)d²g²
 *   r ← β₃r + (1−β₃)η d²⟨g, x₀ − x⟩;  s ← β₃s + (1−β₃)η d² g
 *   d ← max(d, d_coef · r/‖s‖₁);  x ← x − η d m/(√v + d ε) − η d λ x
 * The step uses the d it started with (dₖ), as the paper's algorithm writes it. β₃ = 0 stands for √β₂,
 * the paper's value and prodigyopt's default (beta3=None). Weight decay is decoupled (prodigyopt's
 * default); the paper has none. ⟨g, x₀ − x⟩ and ‖s‖₁ add over the coordinates (the rule's sum), so
 * Prodigy is not element-wise and does not train the Network view's networks. While ‖s‖₁ = 0 (no
 * gradient yet) d stays.
 */
import { elementwiseSpec } from './ruleStep';
import { betasParam, epsParam, lrParam, num, weightDecayParam } from './spec';

export const Prodigy = elementwiseSpec({
  type: 'Prodigy',
  label: 'Prodigy',
  family: 'adaptive',
  description:
    'Parameter-free Adam: it keeps an estimate d of how far the solution lies from the start, grows it as the gradients keep pointing away from the start, and scales every step by d, so lr stays 1.',
  equations: (hp) => [
    'm_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\, d_t g_t, \\quad v_t = \\beta_2 v_{t-1} + (1-\\beta_2)\\, d_t^2 g_t^2',
    `r_t = \\beta_3 r_{t-1} + (1-\\beta_3)\\, \\eta\\, d_t^2 \\langle g_t, x_0 - x_t \\rangle${num(hp, 'beta3') === 0 ? ' \\quad (\\beta_3 = \\sqrt{\\beta_2})' : ''}`,
    's_t = \\beta_3 s_{t-1} + (1-\\beta_3)\\, \\eta\\, d_t^2 g_t',
    `d_{t+1} = \\max\\!\\left(d_t,\\ ${num(hp, 'd_coef') === 1 ? '' : 'c\\,'}\\frac{r_t}{\\lVert s_t \\rVert_1}\\right) \\quad (d_1 = d_0)`,
    num(hp, 'weight_decay') > 0
      ? 'x_{t+1} = x_t - \\eta\\, d_t \\frac{m_t}{\\sqrt{v_t} + d_t \\epsilon} - \\eta\\, d_t \\lambda x_t'
      : 'x_{t+1} = x_t - \\eta\\, d_t \\frac{m_t}{\\sqrt{v_t} + d_t \\epsilon}',
  ],
  second: { column: 'd0', spacing: 'log', min: 1e-8, max: 1, compared: [1e-8, 1e-6, 1e-4, 1e-2] },
  // At d₀ = 1e-6 the first steps are ≈ 1e-6 long and x₀ − x in float32 keeps only a digit or two of
  // them, so the GPU's estimate of d grows differently (up to 9 % of the view in 40 steps on the cliff);
  // from d₀ = 0.01 float32 follows float64 on every surface.
  paritySettings: { lr: 1, d0: 0.01 },
  hyperparameters: [
    lrParam(1),
    betasParam,
    {
      key: 'beta3',
      kind: 'number',
      label: 'β₃ (0: √β₂)',
      default: 0,
      min: 0,
      max: 0.99999,
      scale: 'linear',
      help: 'memory of the distance estimate’s sums; 0 uses √β₂, the paper’s choice',
    },
    {
      key: 'd0',
      kind: 'number',
      label: 'initial estimate d₀',
      default: 1e-6,
      min: 1e-12,
      max: 10,
      scale: 'log',
      help: 'the distance estimate d starts here and only grows',
    },
    {
      key: 'd_coef',
      kind: 'number',
      label: 'd coefficient c',
      default: 1,
      min: 0.01,
      max: 100,
      scale: 'log',
      help: 'multiplies each new estimate of d',
    },
    weightDecayParam(),
    epsParam(1e-8),
  ],
  accumulators: [
    { key: 'm', label: 'm (first moment)', help: 'average of d·g', moment: 'm' },
    { key: 'v', label: 'v (second moment)', help: 'average of d²g²' },
    {
      key: 'distance',
      label: 'd (distance estimate)',
      help: 'how far from the start the solution is guessed',
    },
  ],
  rule: {
    aliases: { beta1: 'betas[0]', beta2: 'betas[1]', decay: 'weight_decay', coef: 'd_coef' },
    state: { m: '0', v: '0', s: '0', start: '0', r: { scalar: '0' }, d: { scalar: 'd0' }, distance: 'd0' },
    step: [
      'start = t == 1 ? w : start',
      'memory = beta3 > 0 ? beta3 : sqrt(beta2)',
      'm = beta1 * m + (1 - beta1) * d * g',
      'v = beta2 * v + (1 - beta2) * d * d * g * g',
      'r = memory * r + (1 - memory) * lr * d * d * sum(g * (start - w))',
      's = memory * s + (1 - memory) * lr * d * d * g',
      'effective_lr = lr * d / (sqrt(v) + d * eps)',
      'update = -effective_lr * m - lr * d * decay * w',
      'norm = sum(abs(s))',
      'd = norm > 0 ? max(d, coef * r / norm) : d',
      'distance = d',
    ],
  },
});
