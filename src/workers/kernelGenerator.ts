/**
 * Writes src/workers/generated/ruleKernels.ts: one particle loop per update rule (generated from the
 * element-wise rules by ruleKernelSource.ts, or hand-written in ruleSources.ts), each the shared loop
 * below with that rule's slots, setup and step spliced in, so the rule's state lives in
 * locals and nothing is dispatched per step. Run `npm run generate:kernels` after changing a rule or the
 * loop; a unit test fails while the committed file is out of date.
 *
 * The loop mirrors runOptimizer (src/core/simulate.ts): where and why a run stops, what counts as a step.
 */
import { hyperparameterLayout } from '../engine/layout';
import { OPTIMIZERS } from '../core/optimizers';
import { ruleStepSource } from '../core/optimizers/ruleStepSource';
import { layoutOf } from '../core/optimizers/ruleStep';
import { ruleKernelSource } from './ruleKernelSource';
import { HAND_WRITTEN_RULE_SOURCES, SPEC_STEP_SOURCE, type RuleSource } from './ruleSources';

/** Every optimizer with a CPU rule of its own, in registry order: generated from its rule, or by hand. */
export function cpuRuleSources(): Record<string, RuleSource> {
  const sources: Record<string, RuleSource> = {};
  for (const spec of OPTIMIZERS) {
    const source = spec.rule ? ruleKernelSource(spec.rule) : HAND_WRITTEN_RULE_SOURCES[spec.type];
    if (source) sources[spec.type] = source;
  }
  return sources;
}

function slotReads(type: string | null, source: RuleSource): string {
  if (!type) return '';
  const layout = hyperparameterLayout(type);
  return Object.entries(source.slots)
    .map(([local, column]) => {
      const index = layout.columns.findIndex((c) => c.name === column);
      if (index < 0) throw new Error(`${type} has no hyperparameter column ${column}`);
      const read = `hpRows[h + ${index}]!`;
      return source.booleans?.includes(local)
        ? `const ${local} = ${read} !== 0;`
        : `const ${local} = ${read};`;
    })
    .join('\n');
}

/** Whether the rule's code mentions `name` (as a whole word). */
function uses(source: RuleSource, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(source.setup + source.step);
}

function kernel(name: string, type: string | null, source: RuleSource): string {
  const batchLocals = ['spec', 'layout', 'oracle'].filter((local) => uses(source, local));
  const seesGradient = uses(source, 'd1');
  const okDeclaration = /\bok = /.test(source.step) ? 'let ok = true;' : 'const ok = true;';
  const gradientSeen = seesGradient
    ? `
      // The gradient the optimizer sees.
      let d1 = g1;
      let d2 = g2;
      if (processed) {
        g[0] = g1;
        g[1] = g2;
        if (noise > 0) addGradientNoise(g, noise, seed, streams ? streams[p]! : p, t);
        clipGradient(g, clip);
        d1 = g[0];
        d2 = g[1];
      }`
    : '';
  return `
/** ${type ? `${type}: its rule` : "Any other optimizer: its spec's step"}, spliced into the particle loop. */
export function ${name}(job: KernelJob): void {
  const { request, ${batchLocals.map((local) => `${local}, `).join('')}surface, from, to, summary, trajectories } = job;
  const { rowStride, lrColumn, sampleCount, every, probeStep, bound, schedule, constantRate } = job;
  ${seesGradient ? 'const { processed, noise, clip } = job;' : ''}
  const { steps, lossTarget, seed, starts, streams, hyperparameters: hpRows } = request;
  const sampled = every > 0;
  const probing = probeStep >= 0;
  // Plain arrays, not typed ones: once the surface call is inlined V8 keeps their values in registers.
  const gradient: [number, number] = [0, 0];
  ${seesGradient ? 'const g: [number, number] = [0, 0];' : ''}
  ${source.prelude ?? ''}

  for (let p = from; p < to; p++) {
    const row = p - from;
    const h = p * rowStride;
    ${uses(source, 'stream') ? 'const stream = streams ? streams[p]! : p;' : ''}
    const baseLr = hpRows[h + lrColumn]!;
    ${slotReads(type, source)}
    ${source.setup}
    let w1 = starts[2 * p]!;
    let w2 = starts[2 * p + 1]!;
    // The loss and gradient at the current point; each step evaluates its new point once.
    let loss = surface.valueAndGradientInto(gradient, w1, w2);
    let g1 = gradient[0];
    let g2 = gradient[1];
    let minLoss = loss;
    let reached = -1;
    let diverged = -1;
    let completed = 0;
    let probeLoss = probeStep === 0 ? loss : Number.NaN;
    if (!Number.isFinite(loss)) diverged = 0;
    else if (steps > 0 && !(g1 - g1 + (g2 - g2) === 0)) diverged = 1;
    else if (loss <= lossTarget) reached = 0;
    const sampleBase = row * sampleCount * 3;
    if (sampled) {
      trajectories[sampleBase] = w1;
      trajectories[sampleBase + 1] = w2;
      trajectories[sampleBase + 2] = loss;
    }

    for (let t = 1; t <= steps && diverged < 0; t++) {${gradientSeen}
      const lr = constantRate ? baseLr : scheduledLearningRate(schedule, baseLr, t - 1);
      let u1 = 0;
      let u2 = 0;
      ${okDeclaration}
      {
        ${source.step}
      }
      const next1 = w1 + u1;
      const next2 = w2 + u2;
      const nextLoss = surface.valueAndGradientInto(gradient, next1, next2);
      const nextG1 = gradient[0];
      const nextG2 = gradient[1];
      // One test on the usual path: NaN fails every comparison, and x − x is 0 only for finite x, so
      // this is "the rule went on, the new point is inside the bound, its loss and gradient are finite".
      const finiteLossAndGradient = nextLoss - nextLoss + (nextG1 - nextG1) + (nextG2 - nextG2) === 0;
      if (!(ok && Math.abs(next1) <= bound && Math.abs(next2) <= bound && finiteLossAndGradient)) {
        // Not finite (or the rule failed): the step does not count.
        if (!ok || !Number.isFinite(next1) || !Number.isFinite(next2) || !Number.isFinite(nextLoss)) {
          diverged = t;
          break;
        }
        // Finite beyond the bound: the step counts, then the run stops. A gradient that is not finite
        // stops it before the next step uses it (there is none after the last).
        if (Math.abs(next1) > bound || Math.abs(next2) > bound) diverged = t;
        else if (t < steps) diverged = t + 1;
      }
      w1 = next1;
      w2 = next2;
      loss = nextLoss;
      g1 = nextG1;
      g2 = nextG2;
      completed = t;
      if (loss < minLoss) minLoss = loss;
      if (reached < 0 && loss <= lossTarget) reached = t;
      if (probing && t === probeStep) probeLoss = loss;
      if (sampled && t % every === 0) {
        const o = sampleBase + (t / every) * 3;
        trajectories[o] = w1;
        trajectories[o + 1] = w2;
        trajectories[o + 2] = loss;
      }
    }

    if (sampled) {
      // A run that stopped early holds its last point.
      for (let i = Math.floor(completed / every) + 1; i < sampleCount; i++) {
        const o = sampleBase + i * 3;
        trajectories[o] = w1;
        trajectories[o + 1] = w2;
        trajectories[o + 2] = loss;
      }
    }
    const o = row * SUMMARY_STRIDE;
    summary[o] = w1;
    summary[o + 1] = w2;
    summary[o + 2] = loss;
    summary[o + 3] = minLoss;
    summary[o + 4] = reached;
    summary[o + 5] = diverged;
    summary[o + 6] = completed;
    summary[o + 7] = completed >= probeStep && probeStep >= 0 ? probeLoss : Number.NaN;
  }
}
`;
}

const kernelName = (type: string) => `run${type}`;

/** The whole generated module, unformatted (the script formats it with Prettier). */
export function generateRuleKernels(): string {
  const sources = cpuRuleSources();
  const types = Object.keys(sources);
  return [
    '// Generated by `npm run generate:kernels` (src/workers/kernelGenerator.ts) from the optimizers’ rules',
    '// (src/core/optimizers) and ruleSources.ts. Do not edit: change the rule or the loop and regenerate.',
    "import { addGradientNoise, clipGradient } from '../../core/gradientProcessing';",
    "import { RNG_CHANNEL, uniform } from '../../core/rng';",
    "import { scheduledLearningRate } from '../../core/schedules';",
    "import { decodeHyperparameters } from '../../engine/layout';",
    "import { SUMMARY_STRIDE } from '../../engine/types';",
    "import type { KernelJob } from '../kernelJob';",
    "import { StepPowers } from '../stepPowers';",
    ...types.map((type) => kernel(kernelName(type), type, sources[type]!)),
    kernel('runSpecStep', null, SPEC_STEP_SOURCE),
    '/** The kernel of each optimizer type with its own rule; any other type runs runSpecStep. */',
    `export const RULE_KERNELS: Readonly<Record<string, (job: KernelJob) => void>> = { ${types
      .map((type) => `${type}: ${kernelName(type)}`)
      .join(', ')} };`,
    '',
  ].join('\n');
}

/**
 * src/core/optimizers/generated/ruleSteps.ts, unformatted: the specs' float64 steps as straight-line
 * code (ruleStepSource.ts), each with the fingerprint of the rule it was generated from.
 */
export function generateRuleSteps(): string {
  const entries = OPTIMIZERS.flatMap((spec) =>
    spec.rule
      ? [
          `  ${spec.type}: { fingerprint: '${spec.rule.fingerprint}', run: ${ruleStepSource(spec.rule, layoutOf(spec.rule))} },`,
        ]
      : [],
  );
  return [
    '// Generated by `npm run generate:kernels` (src/workers/kernelGenerator.ts) from the optimizers’ rules:',
    '// the specs’ float64 steps as straight-line code (src/core/optimizers/ruleStepSource.ts). Do not edit.',
    "import type { Oracle } from '../spec';",
    '',
    'export const RULE_STEPS: Readonly<',
    '  Record<string, { readonly fingerprint: string; readonly run: (env: Float64Array, oracle: Oracle) => void }>',
    '> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}
