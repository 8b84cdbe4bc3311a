// What happens to the gradient before the optimizer sees it (the mirror of src/core/gradientProcessing.ts).
// clip_gradient() and scheduled_lr() are generated from their tables (src/gpu/wgslTables.ts).

fn add_gradient_noise(g: vec2<f32>, stream: u32, t: u32) -> vec2<f32> {
  if (!NOISE) {
    return g;
  }
  return g + batch.noise * vec2<f32>(
    rng_gaussian(batch.seed, stream, RNG_CHANNEL_GRADIENT_NOISE, 2u * t),
    rng_gaussian(batch.seed, stream, RNG_CHANNEL_GRADIENT_NOISE, 2u * t + 1u),
  );
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
