/**
 * The WGSL that mirrors TypeScript tables, generated from them so no code or layout is typed twice: the
 * summary layout (src/engine/types.ts), the RNG channels (src/core/rng.ts), the schedules
 * (src/core/schedules.ts) and the clipping methods (src/core/gradientProcessing.ts). A schedule's or a
 * method's code is its index in its table; gpuEngine.ts writes the same codes into the uniform block.
 */
import { CLIPPING_TYPES, CLIPPINGS, type Clipping } from '../core/gradientProcessing';
import { RNG_CHANNEL } from '../core/rng';
import { SCHEDULE_TYPES, SCHEDULES, type Schedule } from '../core/schedules';
import { SUMMARY_FIELDS } from '../engine/types';

export const SCHEDULE_CODES = Object.fromEntries(SCHEDULE_TYPES.map((type, i) => [type, i])) as Record<
  Schedule['type'],
  number
>;
export const CLIP_CODES = Object.fromEntries(CLIPPING_TYPES.map((type, i) => [type, i])) as Record<
  Clipping['type'],
  number
>;

const constantName = (camel: string) => camel.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

function summaryWgsl(): string {
  return [
    `// One particle's summary: ${SUMMARY_FIELDS.join(', ')}.`,
    `const SUMMARY_STRIDE: u32 = ${SUMMARY_FIELDS.length}u;`,
    ...SUMMARY_FIELDS.map((field, i) => `const SUMMARY_${constantName(field)}: u32 = ${i}u;`),
  ].join('\n');
}

function rngChannelWgsl(): string {
  return Object.entries(RNG_CHANNEL)
    .map(([name, channel]) => `const RNG_CHANNEL_${constantName(name)}: u32 = ${channel}u;`)
    .join('\n');
}

function scheduleWgsl(): string {
  const cases = SCHEDULE_TYPES.filter((type) => type !== 'constant').map(
    (type) => `    case ${SCHEDULE_CODES[type]}u: { // ${type}\n      return ${SCHEDULES[type].wgsl};\n    }`,
  );
  return [
    '// The scheduled rate for the update that follows `t` completed steps; a and b are the',
    "// schedule's parameters in table order.",
    'fn scheduled_lr(base_lr: f32, t: f32) -> f32 {',
    '  let a = batch.schedule_a;',
    '  let b = batch.schedule_b;',
    '  switch (SCHEDULE_TYPE) {',
    ...cases,
    `    default: {\n      return ${SCHEDULES.constant.wgsl};\n    }`,
    '  }',
    '}',
  ].join('\n');
}

function clippingWgsl(): string {
  const branches = CLIPPING_TYPES.filter((type) => type !== 'none').map(
    (type) =>
      `  if (CLIP_TYPE == ${CLIP_CODES[type]}u) { // ${type}\n    return ${CLIPPINGS[type].wgsl};\n  }`,
  );
  return [
    'fn clip_gradient(g: vec2<f32>) -> vec2<f32> {',
    '  let m = batch.clip_max;',
    ...branches,
    `  return ${CLIPPINGS.none.wgsl};`,
    '}',
  ].join('\n');
}

/** Constants the bindings need (the summary layout, the RNG channels). */
export function tableConstantsWgsl(): string {
  return [
    '// ---- generated from the TypeScript tables (src/gpu/wgslTables.ts) ----',
    summaryWgsl(),
    rngChannelWgsl(),
  ].join('\n');
}

/** The schedule and clipping functions gradient.wgsl's callers use. */
export function tableFunctionsWgsl(): string {
  return [scheduleWgsl(), clippingWgsl()].join('\n\n');
}
