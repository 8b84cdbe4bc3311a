/**
 * The WGSL kernel for one (surface, optimizer type): the bindings, the RNG, gradient processing and
 * schedule, the surface functions (from the expression compiler), the generated hyperparameter struct,
 * the optimizer's update rule (generated from its definition, or src/gpu/optimizers/<type>.wgsl for the
 * methods that are not element-wise) and the step loop. Pure: no device needed,
 * so the generated source is snapshot- and structure-tested in Node.
 */
import { getOptimizer, OPTIMIZERS } from '../core/optimizers';
import { holdsOneRow, hyperparameterLayout, type HyperparameterLayout } from '../engine/layout';
import bindingsWgsl from './wgsl/bindings.wgsl?raw';
import gradientWgsl from './wgsl/gradient.wgsl?raw';
import mainWgsl from './wgsl/main.wgsl?raw';
import rngWgsl from './wgsl/rng.wgsl?raw';
import lbfgsWgsl from './optimizers/LBFGS.wgsl?raw';
import newtonWgsl from './optimizers/Newton.wgsl?raw';
import randomSearchWgsl from './optimizers/RandomSearch.wgsl?raw';
import { ruleWgsl } from './ruleWgsl';
import { tableConstantsWgsl, tableFunctionsWgsl } from './wgslTables';

/**
 * The hand-written WGSL of the methods that are not element-wise (src/core/optimizers/rule.ts); every
 * other optimizer's rule is generated from its definition (ruleWgsl.ts).
 */
const HAND_WRITTEN_WGSL: Readonly<Record<string, string>> = {
  Newton: newtonWgsl,
  LBFGS: lbfgsWgsl,
  RandomSearch: randomSearchWgsl,
};

/** The WGSL update rule of an optimizer type, or null when it has none. */
function optimizerWgsl(optimizerType: string): string | null {
  const rule = getOptimizer(optimizerType)?.rule;
  return rule ? ruleWgsl(rule) : (HAND_WRITTEN_WGSL[optimizerType] ?? null);
}

export const GPU_OPTIMIZER_TYPES = OPTIMIZERS.filter((spec) => optimizerWgsl(spec.type) !== null).map(
  (spec) => spec.type,
);

export function hasGpuKernel(optimizerType: string): boolean {
  return GPU_OPTIMIZER_TYPES.includes(optimizerType);
}

/** The override constant that pins a boolean hyperparameter for a whole batch. */
export function booleanOverrideName(key: string): string {
  return `HP_${key.toUpperCase()}`;
}

/**
 * `struct Hyper` and its loader (from a row's first float), generated from the spec's hyperparameter table.
 * Boolean hyperparameters also get an override constant: when every particle of a batch has the same
 * value (the usual case: sweeps vary numbers), the engine pins it at pipeline creation, so the rule's
 * `if (hp.flag > 0.5)` folds away instead of running as masked code in every step.
 */
export function hyperparameterWgsl(layout: HyperparameterLayout): string {
  const fields: string[] = [];
  const loads: string[] = [];
  const overrides: string[] = [];
  let column = 0;
  for (const spec of layout.specs) {
    if (spec.kind === 'pair') {
      fields.push(`  ${spec.key}: vec2<f32>,`);
      loads.push(`vec2<f32>(particles[base + ${column}u], particles[base + ${column + 1}u])`);
      column += 2;
    } else if (spec.kind === 'boolean') {
      const name = booleanOverrideName(spec.key);
      overrides.push(`override ${name}: f32 = -1.0; // 0 or 1 for the whole batch; -1: per particle`);
      fields.push(`  ${spec.key}: f32, // 0 or 1`);
      loads.push(`select(particles[base + ${column}u], ${name}, ${name} >= 0.0)`);
      column += 1;
    } else {
      fields.push(`  ${spec.key}: f32,`);
      loads.push(`particles[base + ${column}u]`);
      column += 1;
    }
  }
  return [
    `// Generated from the ${layout.optimizerType} spec's hyperparameter table (src/engine/layout.ts).`,
    ...overrides,
    '',
    'struct Hyper {',
    ...fields,
    '}',
    '',
    'fn load_hyper(base: u32) -> Hyper {',
    `  return Hyper(${loads.join(', ')});`,
    '}',
  ].join('\n');
}

/**
 * Override values for the boolean hyperparameters that every particle of the batch shares (see
 * hyperparameterWgsl); a boolean that varies across particles is left to be read per particle.
 */
export function batchBooleanConstants(
  layout: HyperparameterLayout,
  hyperparameters: ArrayLike<number>,
  count: number,
): Record<string, number> {
  const constants: Record<string, number> = {};
  // A request may hold a single row that every particle shares.
  const rows = holdsOneRow(hyperparameters, layout.width) ? 1 : count;
  layout.columns.forEach((column, index) => {
    if (column.kind !== 'boolean' || count === 0) return;
    const first = hyperparameters[index] ?? Number.NaN;
    for (let p = 1; p < rows; p++)
      if ((hyperparameters[p * layout.width + index] ?? Number.NaN) !== first) return;
    if (first === 0 || first === 1) constants[booleanOverrideName(column.key)] = first;
  });
  return constants;
}

export interface KernelSource {
  readonly code: string;
  readonly optimizerType: string;
  /** Floats in one particle's hyperparameter row. */
  readonly hyperparameterWidth: number;
}

/**
 * @param surfaceWgsl defines surface_value(w) -> f32, surface_gradient(w) -> vec2<f32> and
 *   surface_hessian(w) -> vec3<f32> (hxx, hxy, hyy), as the expression compiler's toWgsl() emits them.
 */
export function generateKernel(
  surfaceWgsl: string,
  optimizerType: string,
  /** The entry point; the benchmark swaps in a one-step-per-dispatch main built from the same pieces. */
  entryWgsl: string = mainWgsl,
): KernelSource {
  const rule = optimizerWgsl(optimizerType);
  if (rule === null) throw new Error(`no WGSL update rule for optimizer ${optimizerType}`);
  const layout = hyperparameterLayout(optimizerType);
  const code = [
    `// Optiscope batch kernel: ${optimizerType}.`,
    bindingsWgsl,
    tableConstantsWgsl(),
    rngWgsl,
    gradientWgsl,
    tableFunctionsWgsl(),
    '// ---- surface ----',
    surfaceWgsl,
    '// ---- hyperparameters ----',
    hyperparameterWgsl(layout),
    `// ---- ${optimizerType} ----`,
    rule,
    '// ---- step loop ----',
    entryWgsl,
  ].join('\n');
  return { code, optimizerType, hyperparameterWidth: layout.width };
}
