// torch.optim.Adadelta (src/core/optimizers/adadelta.ts), Zeiler 2012:
// r ← ρr + (1−ρ)g²; Δ = √(a+ε)/√(r+ε)·g; a ← ρa + (1−ρ)Δ²; w ← w − ηΔ.
struct OptState {
  square_average: vec2<f32>,
  delta_average: vec2<f32>,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(vec2<f32>(0.0), vec2<f32>(0.0));
}

fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  let g = i.g + hp.weight_decay * i.w;
  (*s).square_average = hp.rho * (*s).square_average + (1.0 - hp.rho) * g * g;
  let delta = sqrt((*s).delta_average + hp.eps) / sqrt((*s).square_average + hp.eps) * g;
  (*s).delta_average = hp.rho * (*s).delta_average + (1.0 - hp.rho) * delta * delta;
  return StepOut(-i.lr * delta, false);
}
