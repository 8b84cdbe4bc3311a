/**
 * The typed optimizer in force. Engines, panels and links look optimizers up by type (getOptimizer); a
 * scene holds at most one typed definition, as it holds one surface, so the spec of type CUSTOM_TYPE is
 * the one compiled from the definition last put in force: by parseScene (a scene, a file, a link), by
 * the app's store when the editor applies one, and by a CPU worker from the job it is sent. Compiled
 * once per distinct definition.
 */
import type { OptimizerSpec } from '../spec';
import { compileCustomOptimizer } from './compile';
import type { CustomOptimizerDefinition } from './definition';

let current: { key: string; definition: CustomOptimizerDefinition; spec: OptimizerSpec<unknown> } | null =
  null;

/**
 * Puts a definition in force (null: none). Returns the compile errors' messages, or null when it is
 * in force; an invalid definition leaves the one in force unchanged.
 */
export function setCustomOptimizer(definition: CustomOptimizerDefinition | null): string[] | null {
  if (definition === null) {
    current = null;
    return null;
  }
  const key = JSON.stringify(definition);
  if (current?.key === key) return null;
  const compiled = compileCustomOptimizer(definition);
  if (!compiled.ok) return compiled.errors.map((e) => e.message);
  current = { key, definition, spec: compiled.spec };
  return null;
}

/** The spec of the typed optimizer in force, or undefined. */
export function customOptimizerSpec(): OptimizerSpec<unknown> | undefined {
  return current?.spec;
}

/** The definition in force (what a CPU worker is sent), or null. */
export function customOptimizerDefinition(): CustomOptimizerDefinition | null {
  return current?.definition ?? null;
}
