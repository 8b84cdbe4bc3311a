// torch.optim.SGD (src/core/optimizers/sgd.ts): b ← μb + (1−τ)g (b₁ = g); g ← g + μb (Nesterov) or b.
struct OptState {
  buffer: vec2<f32>,
  has_buffer: bool,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(vec2<f32>(0.0), false);
}

fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  var g = i.g + hp.weight_decay * i.w;
  if (hp.momentum != 0.0) {
    if ((*s).has_buffer) {
      (*s).buffer = hp.momentum * (*s).buffer + (1.0 - hp.dampening) * g;
    } else {
      (*s).buffer = g;
      (*s).has_buffer = true;
    }
    if (hp.nesterov > 0.5) {
      g = g + hp.momentum * (*s).buffer;
    } else {
      g = (*s).buffer;
    }
  }
  return StepOut(-i.lr * g, false);
}
