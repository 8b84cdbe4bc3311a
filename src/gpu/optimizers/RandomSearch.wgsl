// Random search (src/core/optimizers/randomSearch.ts): w + η·z (or, global, fresh weights η·z), z ~ N(0, I)
// from four uniforms per step, kept only if the loss is lower.
struct OptState {
  unused: f32,
}

fn opt_init(hp: Hyper) -> OptState {
  return OptState(0.0);
}

fn opt_step(i: StepIn, hp: Hyper, s: ptr<function, OptState>) -> StepOut {
  let c = 4u * i.t;
  let r1 = sqrt(-2.0 * log(rng_uniform(batch.seed, i.stream, RNG_CHANNEL_RANDOM_SEARCH, c)));
  let r2 = sqrt(-2.0 * log(rng_uniform(batch.seed, i.stream, RNG_CHANNEL_RANDOM_SEARCH, c + 2u)));
  let z = vec2<f32>(
    r1 * cos(6.283185307179586 * rng_uniform(batch.seed, i.stream, RNG_CHANNEL_RANDOM_SEARCH, c + 1u)),
    r2 * cos(6.283185307179586 * rng_uniform(batch.seed, i.stream, RNG_CHANNEL_RANDOM_SEARCH, c + 3u)),
  );
  let step = i.lr * z;
  if (hp.global_search > 0.5) {
    if (surface_value(step) < i.loss) {
      return StepOut(step - i.w, false);
    }
    return StepOut(vec2<f32>(0.0), false);
  }
  if (surface_value(i.w + step) < i.loss) {
    return StepOut(step, false);
  }
  return StepOut(vec2<f32>(0.0), false);
}
