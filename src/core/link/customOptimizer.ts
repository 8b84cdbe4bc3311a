/**
 * A link's typed optimizer (`opt`) against its optimizer list: a definition that does not compile is
 * dropped with its optimizers, an optimizer of type Custom without a definition is dropped, and the
 * hyperparameters of the rest are the definition's own, clamped into their ranges. One warning each.
 */
import { compileCustomOptimizer } from '../optimizers/custom/compile';
import { CUSTOM_TYPE, type CustomOptimizerDefinition } from '../optimizers/custom/definition';
import type { Warn } from './draft';
import { fitToRange } from './numbers';
import type { OptimizerListEntry } from './optimizerList';

export function customOptimizerFromDraft(
  draft: unknown,
  entries: readonly OptimizerListEntry[],
  warn: Warn,
): { definition?: CustomOptimizerDefinition; entries: OptimizerListEntry[] } {
  let definition: CustomOptimizerDefinition | undefined;
  if (draft !== undefined) {
    const compiled = compileCustomOptimizer(draft);
    if (compiled.ok) definition = draft as CustomOptimizerDefinition;
    else
      warn(`typed optimizer: ${compiled.errors[0]!.message}; it is dropped, and the optimizers that use it`);
  }
  const kept: OptimizerListEntry[] = [];
  entries.forEach((entry, i) => {
    if (entry.json.type !== CUSTOM_TYPE) return kept.push(entry);
    if (!definition) {
      if (draft === undefined)
        warn(
          `optimizer ${i + 1}: a typed optimizer, but the link has no definition (was it cut short?); dropped`,
        );
      return;
    }
    const json: Record<string, unknown> & { type: string } = { type: CUSTOM_TYPE };
    const ranges = new Map(definition.hyperparameters.map((h) => [h.name, h]));
    for (const [key, value] of Object.entries(entry.json)) {
      if (['type', 'label', 'schedule', 'clip', 'noise'].includes(key)) json[key] = value;
      else if (key === 'lr')
        json.lr = fitToRange(value as number, { min: 1e-6, max: 10 }, (m) =>
          warn(`optimizer ${i + 1}: lr: ${m}`),
        );
      else if (!ranges.has(key))
        warn(`optimizer ${i + 1}: ${definition.name} has no hyperparameter '${key}'; ignored`);
      else
        json[key] = fitToRange(value as number, ranges.get(key)!, (m) =>
          warn(`optimizer ${i + 1}: ${key}: ${m}`),
        );
    }
    kept.push({ json, disabled: entry.disabled });
  });
  return definition ? { definition, entries: kept } : { entries: kept };
}
