/** Shared types of the pure core. No DOM, no React, no GPU: this folder runs in Node. */

/** A point in parameter space (w1, w2). Screen space uses its own types in src/ui. */
export type Vec2 = readonly [number, number];

/** Symmetric 2×2 Hessian as [∂²/∂w1², ∂²/∂w1∂w2, ∂²/∂w2²]. */
export type Hessian2 = readonly [number, number, number];

export interface ViewBox {
  readonly w1: readonly [number, number];
  readonly w2: readonly [number, number];
}

export type CriticalPointKind = 'minimum' | 'saddle' | 'maximum';

export interface CriticalPoint {
  readonly kind: CriticalPointKind;
  readonly at: Vec2;
  readonly label?: string;
}

/**
 * How contour levels suit a surface: log-spaced above the minimum (ravines, Rosenbrock),
 * symmetric around zero (saddles, where the loss goes negative) or linear.
 */
export type ContourScale = 'log' | 'symmetric' | 'linear';

export interface Surface {
  readonly id: string;
  readonly name: string;
  /** LaTeX-like formula shown to the user. */
  readonly formula: string;
  /** The same function in the expression language of src/core/expr (drives the generated WGSL). */
  readonly expression: string;
  /** One sentence of what this surface teaches. */
  readonly description: string;
  value(w1: number, w2: number): number;
  gradient(w1: number, w2: number): Vec2;
  hessian(w1: number, w2: number): Hessian2;
  /**
   * Value and gradient in one call, the gradient written into `out` (no allocation): what the batch
   * engines call every step. Bit-identical to value() and gradient() (surfaces.test.ts checks it).
   */
  valueAndGradientInto?(out: [number, number], w1: number, w2: number): number;
  readonly viewBox: ViewBox;
  readonly criticalPoints: readonly CriticalPoint[];
  readonly defaultStart: Vec2;
  /** Other instructive start points. */
  readonly starts: readonly Vec2[];
  readonly contourScale: ContourScale;
}

/** One hyperparameter of an optimizer, as a table row that drives the UI, the schema and the link codec. */
export type HyperparameterSpec =
  | {
      readonly key: string;
      readonly kind: 'number';
      readonly label: string;
      readonly default: number;
      readonly min: number;
      readonly max: number;
      readonly scale: 'log' | 'linear';
      /** Integer-valued (history size, step size of a schedule). */
      readonly integer?: boolean;
      readonly help?: string;
    }
  | {
      readonly key: string;
      readonly kind: 'boolean';
      readonly label: string;
      readonly default: boolean;
      readonly help?: string;
    }
  | {
      readonly key: string;
      readonly kind: 'pair';
      readonly label: string;
      readonly labels: readonly [string, string];
      readonly default: readonly [number, number];
      readonly min: number;
      readonly max: number;
      readonly scale: 'log' | 'linear';
      readonly help?: string;
    };

export type HyperparameterValue = number | boolean | readonly [number, number];
export type Hyperparameters = Readonly<Record<string, HyperparameterValue>>;
