/** `npm run generate:kernels`: rewrites src/workers/generated/ruleKernels.ts (see kernelGenerator.ts). */
import { writeFileSync } from 'node:fs';
import { formatRuleKernels, RULE_KERNELS_PATH } from '../src/workers/formatKernels';

writeFileSync(RULE_KERNELS_PATH, await formatRuleKernels());
console.log(`wrote ${RULE_KERNELS_PATH}`);
