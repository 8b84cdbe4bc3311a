// Benchmark only: the one-dispatch-per-step design, built from the same pieces as the batch kernel
// (bindings, surface, hyperparameter loader, the optimizer's update rule, the same stop test and
// bookkeeping) so the two differ only in where the loop lives. Here the host loops: every dispatch does
// ONE step for every particle, with the particle's state (w, loss, min loss, reached, stop step and the
// optimizer state) read from and written back to storage buffers. Dispatch 0 initializes.
struct StepParams {
  t: u32,
}

@group(0) @binding(4) var<storage, read_write> opt_states: array<OptState>;
@group(0) @binding(5) var<uniform> step_params: StepParams;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  if (gid.x >= batch.count) {
    return;
  }
  let row = gid.x;
  let p = batch.offset + row;
  let hp = particle_hyper(p);
  let out = row * SUMMARY_STRIDE;
  let t = step_params.t;
  if (t == 0u) {
    let w0 = particle_start(p);
    let loss0 = surface_value(w0);
    summary[out] = w0.x;
    summary[out + 1u] = w0.y;
    summary[out + 2u] = loss0;
    summary[out + 3u] = loss0;
    summary[out + 4u] = select(-1.0, 0.0, loss0 <= batch.loss_target);
    summary[out + 5u] = select(0.0, -1.0, is_finite(loss0));
    summary[out + 6u] = 0.0;
    summary[out + 7u] = loss0;
    opt_states[row] = opt_init(hp);
    return;
  }
  if (summary[out + 5u] >= 0.0) {
    return;
  }
  let stream = particle_stream(p);
  let w = vec2<f32>(summary[out], summary[out + 1u]);
  let loss = summary[out + 2u];
  var state = opt_states[row];
  let g = surface_gradient(w);
  let processed = clip_gradient(add_gradient_noise(g, stream, t));
  let lr = scheduled_lr(hp.lr, f32(t - 1u));
  let result = opt_step(StepIn(t, lr, w, loss, processed, stream), hp, &state);
  let next = w + result.update;
  let next_loss = surface_value(next);
  let a = abs(next);
  let finite = is_finite2(g) & is_finite2(next) & is_finite(next_loss) & !result.failed;
  if (!finite) {
    summary[out + 5u] = f32(t);
    return;
  }
  summary[out] = next.x;
  summary[out + 1u] = next.y;
  summary[out + 2u] = next_loss;
  summary[out + 3u] = min(summary[out + 3u], next_loss);
  if (REACHED) {
    summary[out + 4u] = select(summary[out + 4u], f32(t), (summary[out + 4u] < 0.0) & (next_loss <= batch.loss_target));
  }
  summary[out + 6u] = f32(t);
  if (PROBE) {
    summary[out + 7u] = select(summary[out + 7u], next_loss, t == batch.probe_step);
  }
  if (!((a.x <= batch.divergence_bound) & (a.y <= batch.divergence_bound))) {
    summary[out + 5u] = f32(t);
  }
  opt_states[row] = state;
}
