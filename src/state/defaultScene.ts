/**
 * The scene that opens the app: lecture 001's ravine w1² + 25w2² from (−1, −1), with learning rates chosen
 * so the lecture's points show at a glance — SGD zigzags across the valley, momentum overshoots and
 * rolls through, Nesterov damps that, AdaGrad heads down the diagonal and slows, RMSProp and Adam adapt.
 */
import type { SceneInput } from '../core';

export const DEFAULT_SCENE: SceneInput = {
  surface: 'quadratic',
  start: [-1, -1],
  steps: 150,
  optimizers: [
    { type: 'SGD', label: 'SGD', lr: 0.035 },
    { type: 'SGD', label: 'SGD + momentum', lr: 0.01, momentum: 0.9 },
    { type: 'SGD', label: 'Nesterov', lr: 0.01, momentum: 0.9, nesterov: true },
    { type: 'Adagrad', lr: 0.4 },
    { type: 'RMSprop', lr: 0.05 },
    { type: 'Adam', lr: 0.1 },
  ],
};
