// Every invocation runs one particle for all `batch.steps` updates, with the optimizer state in
// function-local variables: the loop never leaves the dispatch (the mirror of runOptimizer in
// src/core/simulate.ts, including where and why a trajectory stops).

// Outputs are indexed within the dispatch (`row`), so output buffers hold one dispatch's particles.
fn record_sample(row: u32, index: u32, w: vec2<f32>, loss: f32) {
  let base = (row * batch.sample_count + index) * 3u;
  samples[base] = w.x;
  samples[base + 1u] = w.y;
  samples[base + 2u] = loss;
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  if (gid.x >= batch.count) {
    return;
  }
  let row = gid.x;
  let p = batch.offset + row;
  let base = p * PARTICLE_STRIDE;
  var w = vec2<f32>(particles[base], particles[base + 1u]);
  let stream = bitcast<u32>(particles[base + 2u]);
  let hp = load_hyper(base + 3u);
  var state = opt_init(hp);

  var loss = surface_value(w);
  var min_loss = loss;
  var reached: f32 = -1.0;
  var diverged: f32 = -1.0;
  var completed: u32 = 0u;
  var probe_loss = loss;
  if (!is_finite(loss)) {
    diverged = 0.0;
  } else if (loss <= batch.loss_target) {
    reached = 0.0;
  }
  let recording = RECORDING;
  if (recording) {
    record_sample(row, 0u, w, loss);
  }

  for (var t: u32 = 1u; t <= batch.steps; t = t + 1u) {
    if (diverged >= 0.0) {
      break;
    }
    var g = surface_gradient(w);
    if (!is_finite2(g)) {
      diverged = f32(t);
      break;
    }
    g = clip_gradient(add_gradient_noise(g, stream, t));
    let lr = scheduled_lr(hp.lr, f32(t - 1u));
    let result = opt_step(StepIn(t, lr, w, loss, g, stream), hp, &state);
    let next = w + result.update;
    let next_loss = surface_value(next);
    if (result.failed || !is_finite2(next) || !is_finite(next_loss)) {
      diverged = f32(t);
      break;
    }
    w = next;
    loss = next_loss;
    completed = t;
    min_loss = min(min_loss, loss);
    if (reached < 0.0 && loss <= batch.loss_target) {
      reached = f32(t);
    }
    if (t == batch.probe_step) {
      probe_loss = loss;
    }
    if (recording && t % batch.sample_every == 0u) {
      record_sample(row, t / batch.sample_every, w, loss);
    }
    if (abs(w.x) > batch.divergence_bound || abs(w.y) > batch.divergence_bound) {
      diverged = f32(t);
    }
  }

  if (recording) {
    // A trajectory that stopped early holds its last point, so every row has sample_count points.
    for (var i = completed / batch.sample_every + 1u; i < batch.sample_count; i = i + 1u) {
      record_sample(row, i, w, loss);
    }
  }
  if (completed < batch.probe_step) {
    // The run never got to step k: its loss there is undefined (NaN through a var: no NaN constants).
    var nan_bits = 0x7fc00000u;
    probe_loss = bitcast<f32>(nan_bits);
  }
  let out = row * SUMMARY_STRIDE;
  summary[out] = w.x;
  summary[out + 1u] = w.y;
  summary[out + 2u] = loss;
  summary[out + 3u] = min_loss;
  summary[out + 4u] = reached;
  summary[out + 5u] = diverged;
  summary[out + 6u] = f32(completed);
  summary[out + 7u] = probe_loss;
}
