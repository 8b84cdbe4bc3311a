// torch.optim.NAdam (src/core/optimizers/nadam.ts), Dozat 2016: μₜ = β₁(1 − ½·0.96^{tψ}).
struct OptState {
  m: vec2<f32>,
  v: vec2<f32>,
  mu_product: f32,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(vec2<f32>(0.0), vec2<f32>(0.0), 1.0);
}

fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  let g = i.g + hp.weight_decay * i.w;
  let beta1 = hp.betas.x;
  let beta2 = hp.betas.y;
  let t = f32(i.t);
  let mu = beta1 * (1.0 - 0.5 * pow_safe(0.96, t * hp.momentum_decay));
  let mu_next = beta1 * (1.0 - 0.5 * pow_safe(0.96, (t + 1.0) * hp.momentum_decay));
  (*s).mu_product = (*s).mu_product * mu;
  let mu_product = (*s).mu_product;
  (*s).m = beta1 * (*s).m + (1.0 - beta1) * g;
  (*s).v = beta2 * (*s).v + (1.0 - beta2) * g * g;
  let second_correction = 1.0 - pow_safe(beta2, t);
  let denominator = sqrt((*s).v / second_correction) + hp.eps;
  let gradient_weight = i.lr * (1.0 - mu) / (1.0 - mu_product);
  let momentum_weight = i.lr * mu_next / (1.0 - mu_product * mu_next);
  return StepOut(-(gradient_weight * g + momentum_weight * (*s).m) / denominator, false);
}
