/**
 * `npm run generate:kernels`: rewrites src/workers/generated/ruleKernels.ts (the CPU batch loops) and
 * src/core/optimizers/generated/ruleSteps.ts (the specs' float64 steps) from the optimizers' rules
 * (see kernelGenerator.ts). Unit tests fail while either committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import {
  formatRuleKernels,
  formatRuleSteps,
  RULE_KERNELS_PATH,
  RULE_STEPS_PATH,
} from '../src/workers/formatKernels';

writeFileSync(RULE_KERNELS_PATH, await formatRuleKernels());
console.log(`wrote ${RULE_KERNELS_PATH}`);
writeFileSync(RULE_STEPS_PATH, await formatRuleSteps());
console.log(`wrote ${RULE_STEPS_PATH}`);
