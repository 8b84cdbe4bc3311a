// Per-dispatch settings: one uniform block, rewritten before each dispatch of a batch.
struct Batch {
  offset: u32,          // first particle of this dispatch
  count: u32,           // particles in this dispatch
  steps: u32,           // updates per particle
  seed: u32,
  sample_every: u32,    // record a trajectory point every k steps (0 = no trajectory)
  sample_count: u32,    // points recorded per particle: floor(steps / k) + 1
  clip_type: u32,       // the method's index in CLIPPINGS (src/core/gradientProcessing.ts)
  schedule_type: u32,   // the schedule's index in SCHEDULES (src/core/schedules.ts)
  noise: f32,
  clip_max: f32,
  schedule_a: f32,      // the schedule's parameters in table order
  schedule_b: f32,
  loss_target: f32,     // "reached" = first step whose loss is at or below this
  probe_step: u32,      // the loss at this step is reported (loss at step k)
  divergence_bound: f32,
  // Where the particle buffer's sections start (gpuEngine.ts encodeParticles), in floats.
  stream_base: u32,     // the u32 stream of particle p is at stream_base + p; NO_STREAMS: it is p
  hyper_base: u32,      // hyperparameter rows
  hyper_stride: u32,    // floats per row; 0: every particle shares the first row
  _pad: u32,
}

const NO_STREAMS: u32 = 0xffffffffu;

override WORKGROUP_SIZE: u32 = 64u;
// Batch-wide features as pipeline constants: a software rasterizer (SwiftShader) runs both sides of a
// branch, so code a batch does not use must vanish at pipeline creation, not be skipped at run time.
override NOISE: bool = false;        // gradient noise on
override CLIP_TYPE: u32 = 0u;        // as clip_type
override SCHEDULE_TYPE: u32 = 0u;    // as schedule_type
override RECORDING: bool = false;    // trajectory samples written
override REACHED: bool = true;       // a finite loss target: track the first step at or below it
override PROBE: bool = false;        // a probe step inside the run: keep the loss at that step

@group(0) @binding(0) var<uniform> batch: Batch;
// In sections: every particle's (w1, w2), then the streams (u32 bits) if any, then the optimizer's
// hyperparameter rows (see `struct Hyper` and particle_hyper).
@group(0) @binding(1) var<storage, read> particles: array<f32>;
// Per particle of this dispatch, SUMMARY_STRIDE floats at the SUMMARY_* offsets (src/engine/types.ts).
@group(0) @binding(2) var<storage, read_write> summary: array<f32>;
// Per particle of this dispatch, sample_count × (w1, w2, loss).
@group(0) @binding(3) var<storage, read_write> samples: array<f32>;

fn is_finite(x: f32) -> bool {
  // Exponent bits all set = Inf or NaN. Bit test, so no compiler may fold it away.
  return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u;
}

// `&`, not `&&`: WGSL's && short-circuits, which costs a branch per call.
fn is_finite2(v: vec2<f32>) -> bool {
  return is_finite(v.x) & is_finite(v.y);
}

fn particle_start(p: u32) -> vec2<f32> {
  return vec2<f32>(particles[2u * p], particles[2u * p + 1u]);
}

fn particle_stream(p: u32) -> u32 {
  if (batch.stream_base == NO_STREAMS) {
    return p;
  }
  return bitcast<u32>(particles[batch.stream_base + p]);
}

fn particle_hyper(p: u32) -> Hyper {
  return load_hyper(batch.hyper_base + p * batch.hyper_stride);
}

struct StepIn {
  t: u32,         // 1-based step, as torch's state['step']
  lr: f32,        // after the schedule
  w: vec2<f32>,
  loss: f32,
  g: vec2<f32>,   // after noise and clipping
  stream: u32,
}

struct StepOut {
  update: vec2<f32>,
  failed: bool,   // the rule cannot continue (a singular Hessian)
}
