/**
 * SAM, sharpness-aware minimization (Foret et al. 2021, "Sharpness-Aware Minimization for Efficiently
 * Improving Generalization", ICLR, Algorithm 1), over SGD with momentum as its base optimizer (keys lr,
 * momentum, rho as in the widely used davda54/sam wrapper around torch.optim.SGD):
 *   ε̂ = ρ g/‖g‖₂;  g_SAM = ∇L(w + ε̂);  b ← μb + g_SAM (b₁ = g_SAM);  w ← w − ηb
 * ‖g‖₂ adds over the coordinates (the rule's sum), so SAM is not element-wise: it does not train the
 * networks of the Network view (its step needs the norm of the whole gradient and a second gradient of the
 * whole network). As in that wrapper the norm gets 1e-12 added, so a zero gradient gives ε̂ = 0, not NaN.
 * The first gradient g gets the scene's noise and clipping; the gradient at the perturbed point does not.
 */
import { elementwiseSpec } from './ruleStep';
import { lrParam, num } from './spec';

export const SAM = elementwiseSpec({
  type: 'SAM',
  label: 'SAM',
  family: 'gradient descent',
  description:
    'Sharpness-aware minimization: first steps ρ uphill along the gradient, takes the gradient there, and moves the momentum step with that one, so it prefers minima that stay low across a ball of radius ρ.',
  equations: (hp) => [
    '\\hat\\epsilon_t = \\rho\\, \\frac{g_t}{\\lVert g_t \\rVert_2}',
    'g^{\\mathrm{SAM}}_t = \\nabla L(w_t + \\hat\\epsilon_t)',
    ...(num(hp, 'momentum') > 0
      ? [
          'b_t = \\mu\\, b_{t-1} + g^{\\mathrm{SAM}}_t \\quad (b_1 = g^{\\mathrm{SAM}}_1)',
          'w_{t+1} = w_t - \\eta\\, b_t',
        ]
      : ['w_{t+1} = w_t - \\eta\\, g^{\\mathrm{SAM}}_t']),
  ],
  second: { column: 'rho', spacing: 'log', min: 0.001, max: 1, compared: [0.01, 0.05, 0.1, 0.5] },
  paritySettings: { lr: 1e-3, momentum: 0.9, rho: 0.05 },
  hyperparameters: [
    lrParam(0.01),
    {
      key: 'momentum',
      kind: 'number',
      label: 'momentum μ',
      default: 0.9,
      min: 0,
      max: 0.9999,
      scale: 'linear',
    },
    {
      key: 'rho',
      kind: 'number',
      label: 'radius ρ',
      default: 0.05,
      min: 0,
      max: 10,
      scale: 'linear',
      help: 'how far uphill the gradient is taken: the radius of the ball SAM looks across',
    },
  ],
  accumulators: [
    { key: 'velocity', label: 'velocity b', help: 'momentum buffer of the SAM gradients', moment: 'b' },
    {
      key: 'perturbation',
      label: 'ε̂ (perturbation)',
      help: 'ρ g/‖g‖: the step from w to the point where the gradient is taken',
    },
  ],
  rule: {
    state: { velocity: '0', perturbation: '0' },
    step: [
      'perturbation = rho / (sqrt(sum(g * g)) + 1e-12) * g',
      'g = gradient_at(w + perturbation)',
      'velocity = momentum * velocity + g',
      'update = -lr * velocity',
      'effective_lr = lr',
    ],
  },
});
