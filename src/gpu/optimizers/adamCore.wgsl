// The moment updates shared by Adam and AdamW (src/core/optimizers/adam.ts), Kingma & Ba 2015, Alg. 1:
// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; Δw = −η·m̂/(√v̂+ε), torch's denominator √v/√(1−β₂ᵗ) + ε.
// β₁ᵗ and β₂ᵗ are running products (one multiply per step instead of two pow calls); the per-particle
// switches use select, as a software rasterizer would run both sides of a branch anyway.
struct OptState {
  m: vec2<f32>,
  v: vec2<f32>,
  v_max: vec2<f32>,
  beta_powers: vec2<f32>,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(vec2<f32>(0.0), vec2<f32>(0.0), vec2<f32>(0.0), vec2<f32>(1.0));
}

fn adam_update(i: StepIn, hp: Hyper, s: ptr<function, OptState>, g: vec2<f32>) -> vec2<f32> {
  let beta1 = hp.betas.x;
  let beta2 = hp.betas.y;
  (*s).m = beta1 * (*s).m + (1.0 - beta1) * g;
  (*s).v = beta2 * (*s).v + (1.0 - beta2) * g * g;
  (*s).v_max = max((*s).v_max, (*s).v);
  let second_moment = select((*s).v, (*s).v_max, hp.amsgrad > 0.5);
  (*s).beta_powers = (*s).beta_powers * hp.betas;
  let corrections = select(vec2<f32>(1.0), 1.0 - (*s).beta_powers, hp.bias_correction > 0.5);
  let first_correction = corrections.x;
  let second_correction = corrections.y;
  let effective_lr = i.lr / (sqrt(second_moment) / sqrt(second_correction) + hp.eps);
  return -effective_lr * (*s).m / first_correction;
}
