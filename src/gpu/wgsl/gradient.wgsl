// What happens to the gradient before the optimizer sees it, and the learning-rate schedule:
// the mirror of src/core/gradientProcessing.ts and src/core/schedules.ts.

const RNG_CHANNEL_GRADIENT_NOISE: u32 = 1u;
const RNG_CHANNEL_RANDOM_SEARCH: u32 = 2u;

fn add_gradient_noise(g: vec2<f32>, stream: u32, t: u32) -> vec2<f32> {
  if (!NOISE) {
    return g;
  }
  return g + batch.noise * vec2<f32>(
    rng_gaussian(batch.seed, stream, RNG_CHANNEL_GRADIENT_NOISE, 2u * t),
    rng_gaussian(batch.seed, stream, RNG_CHANNEL_GRADIENT_NOISE, 2u * t + 1u),
  );
}

// torch.nn.utils.clip_grad_value_ (1) and clip_grad_norm_ (2): coefficient max/(‖g‖+1e-6), capped at 1.
fn clip_gradient(g: vec2<f32>) -> vec2<f32> {
  if (CLIP_TYPE == 1u) {
    return clamp(g, vec2<f32>(-batch.clip_max), vec2<f32>(batch.clip_max));
  }
  if (CLIP_TYPE == 2u) {
    return g * min(1.0, batch.clip_max / (length(g) + 1e-6));
  }
  return g;
}

// pow that is 1 for a zero exponent (WGSL's pow(0, 0) is undefined).
fn pow_safe(base: f32, exponent: f32) -> f32 {
  if (exponent == 0.0) {
    return 1.0;
  }
  if (base == 0.0) {
    return 0.0;
  }
  return pow(base, exponent);
}

// The scheduled rate for the update that follows `t` completed steps (0 = constant, 1 = step,
// 2 = exponential, 3 = inverse time, 4 = cosine), as torch.optim.lr_scheduler defines them.
fn scheduled_lr(base_lr: f32, t: f32) -> f32 {
  switch (SCHEDULE_TYPE) {
    case 1u: {
      return base_lr * pow_safe(batch.schedule_a, floor(t / batch.schedule_b));
    }
    case 2u: {
      return base_lr * exp(-batch.schedule_a * t);
    }
    case 3u: {
      return base_lr / (1.0 + batch.schedule_a * t);
    }
    case 4u: {
      return batch.schedule_b + (base_lr - batch.schedule_b) * (1.0 + cos(3.141592653589793 * t / batch.schedule_a)) * 0.5;
    }
    default: {
      return base_lr;
    }
  }
}
