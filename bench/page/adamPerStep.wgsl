// Benchmark only: Adam on the surface, ONE step per dispatch, state (w, m, v) kept in a storage buffer —
// the straightforward GPU port the batch kernel is measured against.
struct Params {
  count: u32,
  t: u32,
  lr: f32,
  beta1: f32,
  beta2: f32,
  eps: f32,
  _pad0: u32,
  _pad1: u32,
}

override WORKGROUP_SIZE: u32 = 64u;

@group(0) @binding(0) var<uniform> params: Params;
// Per particle: w1, w2, m1, m2, v1, v2.
@group(0) @binding(1) var<storage, read_write> state: array<f32>;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  if (gid.x >= params.count) {
    return;
  }
  let o = gid.x * 6u;
  let w = vec2<f32>(state[o], state[o + 1u]);
  let g = surface_gradient(w);
  let m = params.beta1 * vec2<f32>(state[o + 2u], state[o + 3u]) + (1.0 - params.beta1) * g;
  let v = params.beta2 * vec2<f32>(state[o + 4u], state[o + 5u]) + (1.0 - params.beta2) * g * g;
  let t = f32(params.t);
  let first = 1.0 - pow(params.beta1, t);
  let second = 1.0 - pow(params.beta2, t);
  let next = w - params.lr / (sqrt(v) / sqrt(second) + params.eps) * m / first;
  state[o] = next.x;
  state[o + 1u] = next.y;
  state[o + 2u] = m.x;
  state[o + 3u] = m.y;
  state[o + 4u] = v.x;
  state[o + 5u] = v.y;
}
