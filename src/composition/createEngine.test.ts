import { describe, expect, it } from 'vitest';
import { DeviceLostError, type GpuBatchEngine } from '../gpu/gpuEngine';
import { CpuBatchEngine } from '../workers/cpuEngine';
import { ResilientEngine } from './createEngine';
import { batchRequest } from '../../test/helpers/batchRequest';
import { SUMMARY_STRIDE, type BatchResult } from '../engine/types';

const request = batchRequest({
  count: 100,
  settings: { lr: 0.05 },
  steps: 80,
  seed: 4,
  noise: 0.2,
  sampleEvery: 10,
});

describe('ResilientEngine', () => {
  it('keeps what the GPU finished before the device was lost and computes the rest on the CPU', async () => {
    const reference = await new CpuBatchEngine({ workers: 0 }).run(request);
    const done = 40;
    // A GPU that finished the first 40 particles (here: exactly the CPU's numbers, marked) and then lost its device.
    const partial: BatchResult = {
      ...reference,
      summary: reference.summary.slice(),
      trajectories: reference.trajectories.slice(),
      engine: 'WebGPU · fake',
    };
    partial.summary.fill(0, done * SUMMARY_STRIDE);
    partial.trajectories.fill(0, done * reference.sampleCount * 3);
    partial.summary[0] = 12345; // proves particle 0 came from the GPU part, not a re-run
    const fakeGpu = {
      name: 'WebGPU · fake',
      onLost: null,
      run: () => Promise.reject(new DeviceLostError('test', done, partial)),
      dispose: () => undefined,
    } as unknown as GpuBatchEngine;
    const notices: string[] = [];
    const engine = new ResilientEngine(fakeGpu, null, (notice) => notices.push(notice));
    (engine as unknown as { cpu: CpuBatchEngine }).cpu = new CpuBatchEngine({ workers: 0 });
    const progress: number[] = [];
    const result = await engine.run(request, { onProgress: (d) => progress.push(d) });
    expect(engine.kind).toBe('cpu');
    expect(notices).toEqual([expect.stringMatching(/device lost.*CPU/)]);
    expect(result.fallback).toMatch(/CPU/);
    expect(result.summary[0]).toBe(12345);
    expect(Array.from(result.summary.subarray(done * SUMMARY_STRIDE))).toEqual(
      Array.from(reference.summary.subarray(done * SUMMARY_STRIDE)),
    );
    expect(Array.from(result.trajectories.subarray(done * reference.sampleCount * 3))).toEqual(
      Array.from(reference.trajectories.subarray(done * reference.sampleCount * 3)),
    );
    expect(progress.at(-1)).toBe(request.count * request.steps);
  });
});
