/** The generated files as committed: the generators' output formatted with the project's Prettier settings. */
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { generateRuleKernels, generateRuleSteps } from './kernelGenerator';

export const RULE_KERNELS_PATH = fileURLToPath(new URL('./generated/ruleKernels.ts', import.meta.url));

export async function formatRuleKernels(): Promise<string> {
  const options = (await resolveConfig(RULE_KERNELS_PATH)) ?? {};
  return format(generateRuleKernels(), { ...options, filepath: RULE_KERNELS_PATH });
}

export const RULE_STEPS_PATH = fileURLToPath(
  new URL('../core/optimizers/generated/ruleSteps.ts', import.meta.url),
);

export async function formatRuleSteps(): Promise<string> {
  const options = (await resolveConfig(RULE_STEPS_PATH)) ?? {};
  return format(generateRuleSteps(), { ...options, filepath: RULE_STEPS_PATH });
}
