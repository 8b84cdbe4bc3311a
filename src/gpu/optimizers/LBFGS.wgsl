// torch.optim.LBFGS with max_iter=1 (src/core/optimizers/lbfgs.ts): the two-loop recursion
// (Nocedal & Wright, Alg. 7.4) over the last m pairs (s, y), kept in a ring in function-local arrays.
const LBFGS_MAX_HISTORY: u32 = 32u;
const LBFGS_TOLERANCE_GRAD: f32 = 1e-7;
const LBFGS_TOLERANCE_CHANGE: f32 = 1e-9;

struct OptState {
  iteration: u32,
  direction: vec2<f32>,
  step_length: f32,
  previous_gradient: vec2<f32>,
  steps: array<vec2<f32>, LBFGS_MAX_HISTORY>,
  gradient_changes: array<vec2<f32>, LBFGS_MAX_HISTORY>,
  inverse_curvatures: array<f32, LBFGS_MAX_HISTORY>,
  oldest: u32,
  count: u32,
  hessian_diagonal: f32,
}

fn opt_init(hp: Hyper) -> OptState {
  var s: OptState;
  s.hessian_diagonal = 1.0;
  return s;
}

fn lbfgs_direction(g: vec2<f32>, s: ptr<function, OptState>) -> vec2<f32> {
  var alphas: array<f32, LBFGS_MAX_HISTORY>;
  var q = -g;
  for (var k = i32((*s).count) - 1; k >= 0; k = k - 1) {
    let slot = ((*s).oldest + u32(k)) % LBFGS_MAX_HISTORY;
    let alpha = dot((*s).steps[slot], q) * (*s).inverse_curvatures[slot];
    alphas[k] = alpha;
    q = q - alpha * (*s).gradient_changes[slot];
  }
  var r = q * (*s).hessian_diagonal;
  for (var k = 0u; k < (*s).count; k = k + 1u) {
    let slot = ((*s).oldest + k) % LBFGS_MAX_HISTORY;
    let beta = dot((*s).gradient_changes[slot], r) * (*s).inverse_curvatures[slot];
    r = r + (*s).steps[slot] * (alphas[k] - beta);
  }
  return r;
}

fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  let g = i.g;
  if (max(abs(g.x), abs(g.y)) <= LBFGS_TOLERANCE_GRAD) {
    return StepOut(vec2<f32>(0.0), false);
  }
  (*s).iteration = (*s).iteration + 1u;
  if ((*s).iteration == 1u) {
    (*s).direction = -g;
    (*s).hessian_diagonal = 1.0;
  } else {
    let y = g - (*s).previous_gradient;
    let step = (*s).direction * (*s).step_length;
    let ys = dot(y, step);
    if (ys > 1e-10) {
      let history = min(u32(hp.history_size), LBFGS_MAX_HISTORY);
      if ((*s).count == history) {
        (*s).oldest = ((*s).oldest + 1u) % LBFGS_MAX_HISTORY;
        (*s).count = (*s).count - 1u;
      }
      let slot = ((*s).oldest + (*s).count) % LBFGS_MAX_HISTORY;
      (*s).steps[slot] = step;
      (*s).gradient_changes[slot] = y;
      (*s).inverse_curvatures[slot] = 1.0 / ys;
      (*s).count = (*s).count + 1u;
      (*s).hessian_diagonal = ys / dot(y, y);
    }
    (*s).direction = lbfgs_direction(g, s);
  }
  (*s).previous_gradient = g;
  if ((*s).iteration == 1u) {
    (*s).step_length = min(1.0, 1.0 / (abs(g.x) + abs(g.y))) * i.lr;
  } else {
    (*s).step_length = i.lr;
  }
  if (dot(g, (*s).direction) > -LBFGS_TOLERANCE_CHANGE) {
    return StepOut(vec2<f32>(0.0), false);
  }
  return StepOut((*s).step_length * (*s).direction, false);
}
