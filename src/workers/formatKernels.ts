/** The generated kernels as committed: generateRuleKernels() formatted with the project's Prettier settings. */
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { generateRuleKernels } from './kernelGenerator';

export const RULE_KERNELS_PATH = fileURLToPath(new URL('./generated/ruleKernels.ts', import.meta.url));

export async function formatRuleKernels(): Promise<string> {
  const options = (await resolveConfig(RULE_KERNELS_PATH)) ?? {};
  return format(generateRuleKernels(), { ...options, filepath: RULE_KERNELS_PATH });
}
