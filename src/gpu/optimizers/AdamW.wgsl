// torch.optim.AdamW: decoupled decay, Δw = −ηλw + the Adam update of the raw gradient.
fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  let update = adam_update(i, hp, s, i.g);
  return StepOut(update - (i.lr * hp.weight_decay) * i.w, false);
}
