// Benchmark only: Adam alone on the surface (no loss, no divergence or target tracking), the kernel of
// the WEBGPU.md measurements. LOOPED = false: ONE step per dispatch, (w, m, v) in a storage buffer;
// LOOPED = true: `count_steps` steps in one dispatch with the state in registers.
struct Params {
  count: u32,
  t: u32,
  lr: f32,
  beta1: f32,
  beta2: f32,
  eps: f32,
  count_steps: u32,
  _pad1: u32,
}

override WORKGROUP_SIZE: u32 = 64u;
override LOOPED: bool = false;

@group(0) @binding(0) var<uniform> params: Params;
// Per particle: w1, w2, m1, m2, v1, v2.
@group(0) @binding(1) var<storage, read_write> state: array<f32>;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  if (gid.x >= params.count) {
    return;
  }
  let o = gid.x * 6u;
  var w = vec2<f32>(state[o], state[o + 1u]);
  var m = vec2<f32>(state[o + 2u], state[o + 3u]);
  var v = vec2<f32>(state[o + 4u], state[o + 5u]);
  let lr = params.lr;
  let beta1 = params.beta1;
  let beta2 = params.beta2;
  let eps = params.eps;
  let steps = select(1u, params.count_steps, LOOPED);
  var t = f32(params.t) - 1.0;
  var powers = vec2<f32>(pow(beta1, t), pow(beta2, t));
  for (var k = 0u; k < steps; k = k + 1u) {
    let g = surface_gradient(w);
    m = beta1 * m + (1.0 - beta1) * g;
    v = beta2 * v + (1.0 - beta2) * g * g;
    powers = powers * vec2<f32>(beta1, beta2);
    let corrections = 1.0 - powers;
    w = w - lr / (sqrt(v) / sqrt(corrections.y) + eps) * m / corrections.x;
  }
  state[o] = w.x;
  state[o + 1u] = w.y;
  state[o + 2u] = m.x;
  state[o + 3u] = m.y;
  state[o + 4u] = v.x;
  state[o + 5u] = v.y;
}
