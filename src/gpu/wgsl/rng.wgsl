// Counter-based RNG, the u32 mirror of src/core/rng.ts (PCG hash of Jarzynski & Olano 2020).
// WGSL u32 arithmetic wraps modulo 2^32 exactly like Math.imul(...) >>> 0.

fn pcg_hash(input: u32) -> u32 {
  let state = input * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

fn hash4(seed: u32, stream: u32, channel: u32, counter: u32) -> u32 {
  return pcg_hash(seed ^ pcg_hash(stream ^ pcg_hash(channel ^ pcg_hash(counter))));
}

// Uniform in (0, 1): ((h >> 8) + 0.5) / 2^24, as the CPU computes it.
fn rng_uniform(seed: u32, stream: u32, channel: u32, counter: u32) -> f32 {
  return (f32(hash4(seed, stream, channel, counter) >> 8u) + 0.5) * (1.0 / 16777216.0);
}

// Box–Muller from the uniforms at counters 2c and 2c+1.
fn rng_gaussian(seed: u32, stream: u32, channel: u32, counter: u32) -> f32 {
  let u1 = rng_uniform(seed, stream, channel, 2u * counter);
  let u2 = rng_uniform(seed, stream, channel, 2u * counter + 1u);
  return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}
