// Newton's method (src/core/optimizers/newton.ts): w ← w − η(H + λI)⁻¹g, stopping on a singular Hessian.
struct OptState {
  unused: f32,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(0.0);
}

fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  let h = surface_hessian(i.w);
  let a = h.x + hp.damping;
  let b = h.y;
  let c = h.z + hp.damping;
  let determinant = a * c - b * b;
  if (!is_finite(determinant) || determinant == 0.0) {
    return StepOut(vec2<f32>(0.0), true);
  }
  // (H+λI)⁻¹ = [c −b; −b a]/det.
  let update = -i.lr * vec2<f32>(c * i.g.x - b * i.g.y, -b * i.g.x + a * i.g.y) / determinant;
  return StepOut(update, false);
}
