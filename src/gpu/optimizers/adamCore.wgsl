// The moment updates shared by Adam and AdamW (src/core/optimizers/adam.ts), Kingma & Ba 2015, Alg. 1:
// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; Δw = −η·m̂/(√v̂+ε), torch's denominator √v/√(1−β₂ᵗ) + ε.
// β₁ᵗ and β₂ᵗ are running products (one multiply per step instead of two pow calls), 1−β is computed
// once per particle, and amsgrad / bias_correction are constants when the whole batch shares them
// (see load_hyper), so their code vanishes at pipeline creation.
struct OptState {
  m: vec2<f32>,
  v: vec2<f32>,
  v_max: vec2<f32>,
  beta_powers: vec2<f32>,
  one_minus_betas: vec2<f32>,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(vec2<f32>(0.0), vec2<f32>(0.0), vec2<f32>(0.0), vec2<f32>(1.0), 1.0 - hp.betas);
}

fn adam_update(i: StepIn, hp: Hyper, s: ptr<function, OptState>, g: vec2<f32>) -> vec2<f32> {
  (*s).m = hp.betas.x * (*s).m + (*s).one_minus_betas.x * g;
  (*s).v = hp.betas.y * (*s).v + (*s).one_minus_betas.y * g * g;
  var second_moment = (*s).v;
  if (hp.amsgrad > 0.5) {
    (*s).v_max = max((*s).v_max, (*s).v);
    second_moment = (*s).v_max;
  }
  var first_correction = 1.0;
  var second_correction = 1.0;
  if (hp.bias_correction > 0.5) {
    (*s).beta_powers = (*s).beta_powers * hp.betas;
    first_correction = 1.0 - (*s).beta_powers.x;
    second_correction = 1.0 - (*s).beta_powers.y;
  }
  let effective_lr = i.lr / (sqrt(second_moment) / sqrt(second_correction) + hp.eps);
  return -effective_lr * (*s).m / first_correction;
}
