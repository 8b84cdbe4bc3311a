// torch.optim.Adagrad (src/core/optimizers/adagrad.ts): η̃ = η/(1+(t−1)·decay); r ← r + g²; w ← w − η̃·g/(√r+ε).
struct OptState {
  sum: vec2<f32>,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(vec2<f32>(hp.initial_accumulator_value));
}

fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  let g = i.g + hp.weight_decay * i.w;
  let clr = i.lr / (1.0 + f32(i.t - 1u) * hp.lr_decay);
  (*s).sum = (*s).sum + g * g;
  let effective_lr = clr / (sqrt((*s).sum) + hp.eps);
  return StepOut(-effective_lr * g, false);
}
