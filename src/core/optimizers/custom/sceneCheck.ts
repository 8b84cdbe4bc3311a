/**
 * A scene's typed optimizer against its optimizers: the definition compiles (and is put in force),
 * every optimizer of type Custom has one to use, and its hyperparameters are the definition's names,
 * inside their ranges. Messages name the field, as the scene schema's do.
 */
import { CUSTOM_TYPE, type CustomOptimizerDefinition } from './definition';
import { setCustomOptimizer } from './registry';

export function checkCustomConfigs(
  definition: CustomOptimizerDefinition | undefined,
  optimizers: readonly Readonly<Record<string, unknown>>[],
): string[] {
  if (definition) {
    const problems = setCustomOptimizer(definition);
    if (problems) return problems.slice(0, 5).map((message) => `customOptimizer: ${message}`);
  }
  const errors: string[] = [];
  optimizers.forEach((config, index) => {
    if (config.type !== CUSTOM_TYPE) return;
    if (!definition) {
      errors.push(`optimizers[${index}].type: a ${CUSTOM_TYPE} optimizer needs the scene's customOptimizer`);
      return;
    }
    const ranges = new Map(definition.hyperparameters.map((h) => [h.name, h]));
    for (const [key, value] of Object.entries(config)) {
      if (['type', 'label', 'schedule', 'clip', 'noise', 'lr'].includes(key)) continue;
      const range = ranges.get(key);
      if (!range) errors.push(`optimizers[${index}].${key}: not a hyperparameter of ${definition.name}`);
      else if (typeof value !== 'number' || !(value >= range.min && value <= range.max))
        errors.push(`optimizers[${index}].${key}: outside its range ${range.min} … ${range.max}`);
    }
    const lr = config.lr;
    if (lr !== undefined && !(typeof lr === 'number' && lr >= 1e-6 && lr <= 10))
      errors.push(`optimizers[${index}].lr: outside its range 0.000001 … 10`);
  });
  return errors;
}
