// torch.optim.Adam: L2 weight decay folded into the gradient.
fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  return StepOut(adam_update(i, hp, s, i.g + hp.weight_decay * i.w), false);
}
