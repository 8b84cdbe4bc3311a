// Test helper (plain Node, run as a child process by compileWgsl.gpu.test.ts): evaluates generated WGSL
// surfaces on a WebGPU device from the `webgpu` package (Dawn). A child process because the Vulkan loader
// is found through LD_LIBRARY_PATH, which only applies at process start.
//
// stdin:  { "cases": [{ "wgsl": string, "points": number[] (x0, y0, x1, y1, …), "constants"?: number[] }] }
// stdout: { "ok": true, "results": [{ "errors": string[], "out": number[] (6 per point: f, g1, g2, h11, h12, h22) }] }
//         or { "ok": false, "reason": string } when there is no adapter.
import { readFileSync } from 'node:fs';

const OUTPUTS = 6;

function shaderFor(surfaceWgsl, withConstants) {
  return `${surfaceWgsl}
@group(0) @binding(0) var<storage, read> in_points: array<vec2<f32>>;
@group(0) @binding(1) var<storage, read_write> out_values: array<f32>;
${withConstants ? '@group(0) @binding(2) var<storage, read> surface_constants: array<f32>;' : ''}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let i = id.x;
  if (i >= arrayLength(&in_points)) { return; }
  let w = in_points[i];
  let g = surface_gradient(w);
  let h = surface_hessian(w);
  let base = i * ${OUTPUTS}u;
  out_values[base] = surface_value(w);
  out_values[base + 1u] = g.x;
  out_values[base + 2u] = g.y;
  out_values[base + 3u] = h.x;
  out_values[base + 4u] = h.y;
  out_values[base + 5u] = h.z;
}
`;
}

async function runCase(device, testCase, { GPUBufferUsage, GPUMapMode }) {
  const withConstants = Array.isArray(testCase.constants) && testCase.constants.length > 0;
  const module = device.createShaderModule({ code: shaderFor(testCase.wgsl, withConstants) });
  const info = await module.getCompilationInfo();
  const errors = info.messages
    .filter((m) => m.type === 'error')
    .map((m) => `${m.lineNum}:${m.linePos} ${m.message}`);
  if (errors.length > 0) return { errors, out: [] };

  device.pushErrorScope('validation');
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const pipelineError = await device.popErrorScope();
  if (pipelineError) return { errors: [pipelineError.message], out: [] };

  const count = testCase.points.length / 2;
  const makeBuffer = (data, usage) => {
    const buffer = device.createBuffer({ size: Math.max(16, data.byteLength), usage });
    device.queue.writeBuffer(buffer, 0, data);
    return buffer;
  };
  const pointBuffer = makeBuffer(
    new Float32Array(testCase.points),
    GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
  );
  const size = Math.max(16, count * OUTPUTS * 4);
  const resultBuffer = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readBuffer = device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const entries = [
    { binding: 0, resource: { buffer: pointBuffer } },
    { binding: 1, resource: { buffer: resultBuffer } },
  ];
  const buffers = [pointBuffer, resultBuffer, readBuffer];
  if (withConstants) {
    const constantBuffer = makeBuffer(
      new Float32Array(testCase.constants),
      GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    );
    buffers.push(constantBuffer);
    entries.push({ binding: 2, resource: { buffer: constantBuffer } });
  }
  const bindGroup = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(Math.ceil(count / 64));
  pass.end();
  encoder.copyBufferToBuffer(resultBuffer, 0, readBuffer, 0, size);
  device.queue.submit([encoder.finish()]);
  await readBuffer.mapAsync(GPUMapMode.READ);
  const out = Array.from(new Float32Array(readBuffer.getMappedRange()).slice(0, count * OUTPUTS), (v) =>
    Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v,
  );
  readBuffer.unmap();
  for (const b of buffers) b.destroy();
  return { errors: [], out };
}

async function main() {
  const input = JSON.parse(readFileSync(0, 'utf8'));
  let webgpu;
  try {
    webgpu = await import('webgpu');
  } catch (err) {
    return { ok: false, reason: `webgpu package not loadable: ${err}` };
  }
  const gpu = webgpu.create([]); // keep a reference for the lifetime of the device
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { ok: false, reason: 'no WebGPU adapter' };
  const device = await adapter.requestDevice();
  try {
    const results = [];
    for (const testCase of input.cases) results.push(await runCase(device, testCase, webgpu.globals));
    return { ok: true, results, gpu: Boolean(gpu) };
  } finally {
    device.destroy();
  }
}

main()
  .catch((err) => ({ ok: false, reason: String(err && err.stack ? err.stack : err) }))
  .then((result) => {
    process.stdout.write(JSON.stringify(result));
    process.exit(0);
  });
