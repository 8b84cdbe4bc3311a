// torch.optim.RMSprop (src/core/optimizers/rmsprop.ts): r ← αr + (1−α)g²; centered: r̃ = r − ḡ²;
// w ← w − η·g/(√r̃+ε), or through a momentum buffer b ← μb + g/(√r̃+ε).
struct OptState {
  square_average: vec2<f32>,
  gradient_average: vec2<f32>,
  buffer: vec2<f32>,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(vec2<f32>(0.0), vec2<f32>(0.0), vec2<f32>(0.0));
}

fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  let g = i.g + hp.weight_decay * i.w;
  (*s).square_average = hp.alpha * (*s).square_average + (1.0 - hp.alpha) * g * g;
  var variance = (*s).square_average;
  if (hp.centered > 0.5) {
    (*s).gradient_average = hp.alpha * (*s).gradient_average + (1.0 - hp.alpha) * g;
    variance = variance - (*s).gradient_average * (*s).gradient_average;
  }
  let denominator = sqrt(variance) + hp.eps;
  if (hp.momentum > 0.0) {
    (*s).buffer = hp.momentum * (*s).buffer + g / denominator;
    return StepOut(-i.lr * (*s).buffer, false);
  }
  return StepOut(-(i.lr / denominator) * g, false);
}
