/**
 * A typed optimizer ("Type your own optimizer"): what the user writes, as plain JSON that scenes, saved
 * files and links carry. State variables with initial values, hyperparameters with a value and a slider
 * range, and the lines of one step in the expression language of typed surfaces (src/core/expr). It is
 * compiled (compile.ts) to an element-wise rule (../rule.ts), so the float64 step, the CPU batch kernel
 * and the WGSL all come from it as they do for the built-ins.
 */
import { z } from 'zod';
import { MAX_EXPRESSION_LENGTH } from '../../expr';

/** The optimizer type of every typed optimizer in a scene (one definition per scene, as one typed surface). */
export const CUSTOM_TYPE = 'Custom';

export interface CustomStateVariable {
  readonly name: string;
  /** Initial value: an expression over numbers and hyperparameters (both coordinates start there). */
  readonly init: string;
}

export interface CustomHyperparameter {
  readonly name: string;
  readonly value: number;
  /** The slider's range; a value outside it is refused. */
  readonly min: number;
  readonly max: number;
}

export interface CustomOptimizerDefinition {
  /** Shown in legends and menus. */
  readonly name: string;
  /** The default learning rate η (the `lr` every line may read, after the schedule). */
  readonly lr: number;
  readonly state: readonly CustomStateVariable[];
  readonly hyperparameters: readonly CustomHyperparameter[];
  /** One assignment `name = expression` per line, run in order each step. */
  readonly step: readonly string[];
}

/** The same limits as a typed surface, per expression, plus counts that keep a definition small. */
export const CUSTOM_LIMITS = {
  maxNameLength: 40,
  maxState: 8,
  maxHyperparameters: 8,
  maxLines: 16,
  maxExpressionLength: MAX_EXPRESSION_LENGTH,
  /** Every expression of the definition together. */
  maxTotalLength: 4000,
  maxMagnitude: 1e6,
} as const;

// As in scene.ts: zod probes `new Function` when an object schema is built unless jitless is set, and the
// page's CSP reports the refusal. This module is evaluated before scene.ts sets it, so it sets it too.
z.config({ jitless: true });

const finite = z.number().min(-CUSTOM_LIMITS.maxMagnitude).max(CUSTOM_LIMITS.maxMagnitude);
const text = z.string().max(CUSTOM_LIMITS.maxExpressionLength);

/** The JSON shape; what the names and lines mean is checked by compileCustomOptimizer. */
export const customOptimizerSchema = z.strictObject({
  name: z.string().min(1).max(CUSTOM_LIMITS.maxNameLength),
  lr: z.number().min(1e-6).max(10),
  state: z.array(z.strictObject({ name: z.string().max(24), init: text })).max(CUSTOM_LIMITS.maxState),
  hyperparameters: z
    .array(z.strictObject({ name: z.string().max(24), value: finite, min: finite, max: finite }))
    .max(CUSTOM_LIMITS.maxHyperparameters),
  step: z.array(text).min(1).max(CUSTOM_LIMITS.maxLines),
});

/** Lion (Chen et al. 2023, Algorithm 2) as a person types it: the example the editor opens with. */
export const TYPED_LION: CustomOptimizerDefinition = {
  name: 'My Lion',
  // Visible steps on the default ravine (torch-style Lion defaults to 1e-4).
  lr: 0.02,
  state: [{ name: 'm', init: '0' }],
  hyperparameters: [
    { name: 'beta1', value: 0.9, min: 0, max: 0.999 },
    { name: 'beta2', value: 0.99, min: 0, max: 0.999 },
    { name: 'decay', value: 0, min: 0, max: 1 },
  ],
  step: [
    'c = beta1 * m + (1 - beta1) * g',
    'w = w - lr * (sign(c) + decay * w)',
    'm = beta2 * m + (1 - beta2) * g',
  ],
};
