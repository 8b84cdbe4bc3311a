/**
 * Benchmark only: GPU baselines for the batch kernel.
 * - `enginePerStep`: the one-dispatch-per-step design with the engine's own pieces (same update rule, same
 *   stop test and bookkeeping, same bindings and hyperparameter loads), state round-tripping through
 *   storage between dispatches, every dispatch in one submission, one readback: the fair comparison.
 * - `bareAdamPerStep` / `bareAdamLooped`: Adam alone (no loss, no divergence or target tracking, constants
 *   inlined), one step per dispatch and all steps in one dispatch: the kernels of docs/WEBGPU-style
 *   measurements, reported for reference.
 */
import type { BatchRequest } from '../../src/engine/types';
import { SUMMARY_STRIDE } from '../../src/engine/types';
import { encodeBatchUniform, encodeParticles, pipelineConstants } from '../../src/gpu/gpuEngine';
import { generateKernel } from '../../src/gpu/kernel';
import { surfaceWgsl } from '../../src/gpu/surfaceWgsl';
import bareAdamWgsl from './adamPerStep.wgsl?raw';
import perStepMainWgsl from './perStepMain.wgsl?raw';

const WORKGROUP_SIZE = 64;
const pipelines = new Map<string, Promise<GPUComputePipeline>>();

function pipelineFor(device: GPUDevice, key: string, code: string, constants: Record<string, number>) {
  let pipeline = pipelines.get(key);
  if (!pipeline) {
    const module = device.createShaderModule({ label: key, code });
    pipeline = device.createComputePipelineAsync({
      label: key,
      layout: 'auto',
      compute: { module, entryPoint: 'main', constants },
    });
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

function storage(device: GPUDevice, size: number, extra = 0): GPUBuffer {
  return device.createBuffer({
    size: Math.max(256, size),
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC | extra,
  });
}

async function readBack(device: GPUDevice, source: GPUBuffer, bytes: number, encoder: GPUCommandEncoder) {
  const readback = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  encoder.copyBufferToBuffer(source, 0, readback, 0, bytes);
  device.queue.submit([encoder.finish()]);
  await readback.mapAsync(GPUMapMode.READ);
  const result = new Float32Array(readback.getMappedRange().slice(0));
  readback.unmap();
  readback.destroy();
  return result;
}

/** The batch kernel's own pieces, one step per dispatch; returns the summaries (SUMMARY_STRIDE floats each). */
export async function enginePerStep(device: GPUDevice, request: BatchRequest): Promise<Float32Array> {
  const count = request.count;
  const constants = { ...pipelineConstants(request) };
  delete constants.RECORDING;
  const code = generateKernel(surfaceWgsl(request.surface), request.optimizerType, perStepMainWgsl).code;
  const pipeline = await pipelineFor(
    device,
    `per-step ${JSON.stringify(constants)}\n${code}`,
    code,
    constants,
  );
  const particles = encodeParticles(request);
  const particleBuffer = storage(device, particles.data.byteLength);
  const summary = storage(device, count * SUMMARY_STRIDE * 4);
  // Room for the largest OptState of the rules this benchmark runs (Adam: 5 × vec2<f32>).
  const states = storage(device, count * 64);
  const batch = device.createBuffer({ size: 80, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const steps = request.steps;
  // One 256-byte uniform slot per dispatch so every dispatch reads its own t.
  const stepUniforms = device.createBuffer({
    size: 256 * (steps + 1),
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  const params = new Uint32Array(64 * (steps + 1));
  for (let t = 0; t <= steps; t++) params[64 * t] = t;
  device.queue.writeBuffer(particleBuffer, 0, particles.data);
  device.queue.writeBuffer(batch, 0, encodeBatchUniform(request, 0, count, particles));
  device.queue.writeBuffer(stepUniforms, 0, params);
  const layout = pipeline.getBindGroupLayout(0);
  const encoder = device.createCommandEncoder();
  for (let t = 0; t <= steps; t++) {
    const bindGroup = device.createBindGroup({
      layout,
      entries: [
        { binding: 0, resource: { buffer: batch } },
        { binding: 1, resource: { buffer: particleBuffer } },
        { binding: 2, resource: { buffer: summary } },
        { binding: 4, resource: { buffer: states } },
        { binding: 5, resource: { buffer: stepUniforms, offset: 256 * t, size: 16 } },
      ],
    });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(Math.ceil(count / WORKGROUP_SIZE));
    pass.end();
  }
  const result = await readBack(device, summary, count * SUMMARY_STRIDE * 4, encoder);
  for (const buffer of [particleBuffer, summary, states, batch, stepUniforms]) buffer.destroy();
  return result;
}

/** Adam alone on the quadratic, state in storage, one step per dispatch. */
export async function bareAdamPerStep(
  device: GPUDevice,
  starts: Float32Array,
  steps: number,
  lr: number,
): Promise<Float32Array> {
  const count = starts.length / 2;
  const code = `${surfaceWgsl('quadratic')}\n${bareAdamWgsl}`;
  const pipeline = await pipelineFor(device, 'bare adam per step', code, { WORKGROUP_SIZE, LOOPED: 0 });
  const initial = new Float32Array(count * 6);
  for (let p = 0; p < count; p++) {
    initial[6 * p] = starts[2 * p]!;
    initial[6 * p + 1] = starts[2 * p + 1]!;
  }
  const state = storage(device, initial.byteLength);
  const uniforms = device.createBuffer({
    size: 256 * steps,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  const params = new ArrayBuffer(256 * steps);
  for (let t = 1; t <= steps; t++) {
    const u32 = new Uint32Array(params, 256 * (t - 1), 8);
    const f32 = new Float32Array(params, 256 * (t - 1), 8);
    u32[0] = count;
    u32[1] = t;
    f32[2] = lr;
    f32[3] = 0.9;
    f32[4] = 0.999;
    f32[5] = 1e-8;
    u32[6] = 1;
  }
  device.queue.writeBuffer(state, 0, initial);
  device.queue.writeBuffer(uniforms, 0, params);
  const encoder = device.createCommandEncoder();
  for (let k = 0; k < steps; k++) {
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: uniforms, offset: 256 * k, size: 32 } },
        { binding: 1, resource: { buffer: state } },
      ],
    });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(Math.ceil(count / WORKGROUP_SIZE));
    pass.end();
  }
  const result = await readBack(device, state, initial.byteLength, encoder);
  for (const buffer of [state, uniforms]) buffer.destroy();
  return result;
}

/** The same bare Adam with all steps looped inside one dispatch (state in registers). */
export async function bareAdamLooped(
  device: GPUDevice,
  starts: Float32Array,
  steps: number,
  lr: number,
): Promise<Float32Array> {
  const count = starts.length / 2;
  const code = `${surfaceWgsl('quadratic')}\n${bareAdamWgsl}`;
  const pipeline = await pipelineFor(device, 'bare adam looped', code, { WORKGROUP_SIZE, LOOPED: 1 });
  const initial = new Float32Array(count * 6);
  for (let p = 0; p < count; p++) {
    initial[6 * p] = starts[2 * p]!;
    initial[6 * p + 1] = starts[2 * p + 1]!;
  }
  const state = storage(device, initial.byteLength);
  const uniforms = device.createBuffer({ size: 32, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const params = new ArrayBuffer(32);
  new Uint32Array(params, 0, 2).set([count, 1]);
  new Float32Array(params, 8, 4).set([lr, 0.9, 0.999, 1e-8]);
  new Uint32Array(params, 24, 1)[0] = steps;
  device.queue.writeBuffer(state, 0, initial);
  device.queue.writeBuffer(uniforms, 0, params);
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(
    0,
    device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: uniforms } },
        { binding: 1, resource: { buffer: state } },
      ],
    }),
  );
  pass.dispatchWorkgroups(Math.ceil(count / WORKGROUP_SIZE));
  pass.end();
  const result = await readBack(device, state, initial.byteLength, encoder);
  for (const buffer of [state, uniforms]) buffer.destroy();
  return result;
}
