/** Rules the editor offers to start from, each a known method written in the editor's syntax. */
import { TYPED_LION, type CustomOptimizerDefinition } from '../../core/optimizers/custom';

export interface OptimizerExample {
  readonly name: string;
  readonly title: string;
  readonly definition: CustomOptimizerDefinition;
}

export const OPTIMIZER_EXAMPLES: readonly OptimizerExample[] = [
  {
    name: 'Lion',
    title: 'Lion (Chen et al. 2023): the sign of a blend of momentum and gradient; steps exactly ±η',
    definition: TYPED_LION,
  },
  {
    name: 'Heavy ball',
    title: 'Momentum as the lectures write it: v ← μv − ηg, w ← w + v',
    definition: {
      name: 'My momentum',
      lr: 0.01,
      state: [{ name: 'v', init: '0' }],
      hyperparameters: [{ name: 'mu', value: 0.9, min: 0, max: 0.999 }],
      step: ['v = mu * v - lr * g', 'w = w + v'],
    },
  },
  {
    name: 'Adam',
    title: 'Adam with bias correction, typed: m and v, then the step η·m̂/(√v̂ + ε)',
    definition: {
      name: 'My Adam',
      lr: 0.05,
      state: [
        { name: 'm', init: '0' },
        { name: 'v', init: '0' },
      ],
      hyperparameters: [
        { name: 'beta1', value: 0.9, min: 0, max: 0.999 },
        { name: 'beta2', value: 0.999, min: 0, max: 0.9999 },
        { name: 'eps', value: 1e-8, min: 0, max: 0.1 },
      ],
      step: [
        'm = beta1 * m + (1 - beta1) * g',
        'v = beta2 * v + (1 - beta2) * g^2',
        'mhat = m / (1 - beta1^t)',
        'vhat = v / (1 - beta2^t)',
        'w = w - lr * mhat / (sqrt(vhat) + eps)',
      ],
    },
  },
];
