// torch.optim.Adamax (src/core/optimizers/adamax.ts): u ← max(β₂u, |g|+ε); Δw = −η/(1−β₁ᵗ)·m/u.
struct OptState {
  m: vec2<f32>,
  u: vec2<f32>,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(vec2<f32>(0.0), vec2<f32>(0.0));
}

fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  let g = i.g + hp.weight_decay * i.w;
  let beta1 = hp.betas.x;
  (*s).m = beta1 * (*s).m + (1.0 - beta1) * g;
  (*s).u = max(hp.betas.y * (*s).u, abs(g) + hp.eps);
  let first_correction = 1.0 - pow_safe(beta1, f32(i.t));
  return StepOut(-(i.lr / (*s).u) * (*s).m / first_correction, false);
}
