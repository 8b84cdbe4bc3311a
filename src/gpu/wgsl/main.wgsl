// Every invocation runs one particle for all `batch.steps` updates, with the optimizer state in
// function-local variables: the loop never leaves the dispatch (the mirror of runOptimizer in
// src/core/simulate.ts, including where and why a trajectory stops).
//
// Written for a software rasterizer as much as for a GPU. SwiftShader runs four invocations in SIMD lanes
// and turns every data-dependent branch into masked code, and its JIT does little loop-invariant motion,
// so the hot loop is kept small by hand: uniforms are read once into registers; the step's five stop
// conditions are one combined test and one `break` (bool `&`, not `&&`/`||`, which WGSL short-circuits
// into branches); the bookkeeping is `select`s; what a batch does not use (reached, probe, trajectory
// samples, noise, clipping, schedules) vanishes at pipeline creation through override constants; and
// nothing is written to storage inside the loop unless trajectories are recorded. The stop test leaves the
// new point's finiteness to the bound test (false for NaN and Inf) and tells the causes apart only when it
// fails. The particle's start, stream and hyperparameters come from separate sections of `particles`
// (bindings.wgsl), so the host fills them with typed-array copies and a batch that shares one
// hyperparameter row uploads it once.
//
// The update rules still take StepIn/Hyper by value and their OptState by pointer: measured in Node
// (Dawn + SwiftShader), a private-variable interface and even Adam spliced into this loop ran no faster
// than this one (SwiftShader's SPIR-V optimizer already scalarizes these composites); what the loop costs
// beyond the bare Adam kernel is the loss, the stop test and the bookkeeping themselves.

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
  var w = particle_start(p);
  let stream = particle_stream(p);
  let hp = particle_hyper(p);
  var state = opt_init(hp);
  let loss_target = batch.loss_target;
  let probe_step = batch.probe_step;
  let bound = batch.divergence_bound;
  let sample_every = batch.sample_every;

  var loss = surface_value(w);
  var min_loss = loss;
  var reached: f32 = select(-1.0, 0.0, loss <= loss_target);
  var diverged: f32 = -1.0;
  var probe_loss = loss;
  var steps = batch.steps;
  if (!is_finite(loss)) {
    diverged = 0.0;
    reached = -1.0;
    steps = 0u;
  }
  if (RECORDING) {
    record_sample(row, 0u, w, loss);
  }
  var next_sample = sample_every;

  // Where and why the run stopped early (stop_t = 0: it did not).
  var stop_t: u32 = 0u;
  var stop_w = vec2<f32>(0.0);
  var stop_loss: f32 = 0.0;
  var stop_counts = false;
  for (var t: u32 = 1u; t <= steps; t = t + 1u) {
    let g = surface_gradient(w);
    let processed = clip_gradient(add_gradient_noise(g, stream, t));
    let lr = scheduled_lr(hp.lr, f32(t - 1u));
    let result = opt_step(StepIn(t, lr, w, loss, processed, stream), hp, &state);
    let next = w + result.update;
    let next_loss = surface_value(next);
    // The run goes on while the gradient, the new point and its loss are finite, the rule did not fail,
    // and the point is inside the divergence bound: one test. `abs(x) <= bound` is false for NaN and Inf,
    // so the bound test doubles as the new point's finiteness test; the rest are bit tests, which stay
    // NaN-proof under compilers that assume finite math. Which way it failed is sorted out only here.
    let a = abs(next);
    if (!(is_finite2(g) & is_finite(next_loss) & !result.failed & (a.x <= bound) & (a.y <= bound))) {
      stop_t = t;
      stop_w = next;
      stop_loss = next_loss;
      // Finite but outside the bound: this step still counts, then the run stops (as on the CPU).
      stop_counts = is_finite2(g) & is_finite2(next) & is_finite(next_loss) & !result.failed;
      break;
    }
    w = next;
    loss = next_loss;
    min_loss = min(min_loss, loss);
    if (REACHED) {
      reached = select(reached, f32(t), (reached < 0.0) & (loss <= loss_target));
    }
    if (PROBE) {
      probe_loss = select(probe_loss, loss, t == probe_step);
    }
    if (RECORDING) {
      if (t == next_sample) {
        record_sample(row, t / sample_every, w, loss);
        next_sample = next_sample + sample_every;
      }
    }
  }

  var completed = steps;
  if (stop_t > 0u) {
    diverged = f32(stop_t);
    completed = stop_t - 1u;
    if (stop_counts) {
      w = stop_w;
      loss = stop_loss;
      completed = stop_t;
      min_loss = min(min_loss, loss);
      reached = select(reached, f32(stop_t), (reached < 0.0) & (loss <= loss_target));
      probe_loss = select(probe_loss, loss, stop_t == probe_step);
      if (RECORDING) {
        if (stop_t % sample_every == 0u) {
          record_sample(row, stop_t / sample_every, w, loss);
        }
      }
    }
  }
  if (RECORDING) {
    // A trajectory that stopped early holds its last point, so every row has sample_count points.
    for (var i = completed / sample_every + 1u; i < batch.sample_count; i = i + 1u) {
      record_sample(row, i, w, loss);
    }
  }
  if (completed < probe_step) {
    // The run never got to step k: its loss there is undefined (NaN through a var: no NaN constants).
    var nan_bits = 0x7fc00000u;
    probe_loss = bitcast<f32>(nan_bits);
  }
  let out = row * SUMMARY_STRIDE;
  summary[out + SUMMARY_W1] = w.x;
  summary[out + SUMMARY_W2] = w.y;
  summary[out + SUMMARY_LOSS] = loss;
  summary[out + SUMMARY_MIN_LOSS] = min_loss;
  summary[out + SUMMARY_REACHED_STEP] = reached;
  summary[out + SUMMARY_DIVERGED_STEP] = diverged;
  summary[out + SUMMARY_COMPLETED_STEPS] = f32(completed);
  summary[out + SUMMARY_PROBE_LOSS] = probe_loss;
}
