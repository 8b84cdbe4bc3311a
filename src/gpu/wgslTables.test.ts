import { describe, expect, it } from 'vitest';
import { CLIPPING_TYPES } from '../core/gradientProcessing';
import { RNG_CHANNEL } from '../core/rng';
import { SCHEDULE_TYPES } from '../core/schedules';
import { SUMMARY_FIELDS } from '../engine/types';
import { batchRequest } from '../../test/helpers/batchRequest';
import { encodeBatchUniform } from './gpuEngine';
import { CLIP_CODES, SCHEDULE_CODES, tableConstantsWgsl, tableFunctionsWgsl } from './wgslTables';

describe('WGSL generated from the TypeScript tables', () => {
  it('has one schedule case and one clipping branch per table entry, with the codes the uniform block carries', () => {
    const wgsl = tableFunctionsWgsl();
    for (const type of SCHEDULE_TYPES.filter((t) => t !== 'constant'))
      expect(wgsl).toContain(`case ${SCHEDULE_CODES[type]}u: { // ${type}`);
    for (const type of CLIPPING_TYPES.filter((t) => t !== 'none'))
      expect(wgsl).toContain(`if (CLIP_TYPE == ${CLIP_CODES[type]}u) { // ${type}`);
    const request = batchRequest({
      schedule: { type: 'step', step_size: 7, gamma: 0.25 },
      clip: { type: 'norm', max: 3 },
    });
    const uniform = encodeBatchUniform(request, 0, 1, {
      streamBase: 0,
      hyperBase: 0,
      hyperStride: 0,
    } as never);
    const u32 = new Uint32Array(uniform);
    const f32 = new Float32Array(uniform);
    expect([u32[6], u32[7]]).toEqual([CLIP_CODES.norm, SCHEDULE_CODES.step]);
    // The step schedule's parameters in table order: a = step_size, b = gamma.
    expect([f32[10], f32[11]]).toEqual([7, 0.25]);
  });

  it('writes the summary layout and the RNG channels as constants', () => {
    const wgsl = tableConstantsWgsl();
    expect(wgsl).toContain(`const SUMMARY_STRIDE: u32 = ${SUMMARY_FIELDS.length}u;`);
    expect(wgsl).toContain(`const SUMMARY_PROBE_LOSS: u32 = ${SUMMARY_FIELDS.indexOf('probeLoss')}u;`);
    expect(wgsl).toContain(`const RNG_CHANNEL_RANDOM_SEARCH: u32 = ${RNG_CHANNEL.randomSearch}u;`);
    expect(wgsl).toContain(`const RNG_CHANNEL_GRADIENT_NOISE: u32 = ${RNG_CHANNEL.gradientNoise}u;`);
  });
});
