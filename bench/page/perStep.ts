/** Benchmark only: the one-dispatch-per-step GPU variant (Adam), for the ratio against the batch kernel. */
import { surfaceWgsl } from '../../src/gpu/surfaceWgsl';
import kernelWgsl from './adamPerStep.wgsl?raw';

export async function adamPerStep(
  device: GPUDevice,
  starts: Float32Array,
  steps: number,
  lr: number,
): Promise<Float32Array> {
  const count = starts.length / 2;
  const module = device.createShaderModule({
    label: 'bench adam per step',
    code: `${surfaceWgsl('quadratic')}\n${kernelWgsl}`,
  });
  const pipeline = await device.createComputePipelineAsync({
    layout: 'auto',
    compute: { module, entryPoint: 'main', constants: { WORKGROUP_SIZE: 64 } },
  });
  const initial = new Float32Array(count * 6);
  for (let p = 0; p < count; p++) {
    initial[6 * p] = starts[2 * p]!;
    initial[6 * p + 1] = starts[2 * p + 1]!;
  }
  const state = device.createBuffer({
    label: 'bench state',
    size: initial.byteLength,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
  });
  const readback = device.createBuffer({
    label: 'bench readback',
    size: initial.byteLength,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  // One uniform slot per step (256-byte aligned) so every dispatch reads its own t.
  const uniforms = device.createBuffer({
    label: 'bench params',
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
  }
  device.queue.writeBuffer(state, 0, initial);
  device.queue.writeBuffer(uniforms, 0, params);
  const bindGroups = Array.from({ length: steps }, (_, k) =>
    device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: uniforms, offset: 256 * k, size: 32 } },
        { binding: 1, resource: { buffer: state } },
      ],
    }),
  );
  const encoder = device.createCommandEncoder();
  for (let k = 0; k < steps; k++) {
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroups[k]!);
    pass.dispatchWorkgroups(Math.ceil(count / 64));
    pass.end();
  }
  encoder.copyBufferToBuffer(state, 0, readback, 0, initial.byteLength);
  device.queue.submit([encoder.finish()]);
  await readback.mapAsync(GPUMapMode.READ);
  const result = new Float32Array(readback.getMappedRange().slice(0));
  readback.unmap();
  for (const buffer of [state, readback, uniforms]) buffer.destroy();
  return result;
}
