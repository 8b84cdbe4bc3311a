/**
 * Reading a crowd's recorded trajectories (n × samples × (w1, w2, loss), float32 from the engine): a
 * particle's position at a fractional frame, which particles diverged, the ensemble's mean path and its
 * spread around it. Pure.
 */
import { SUMMARY, SUMMARY_STRIDE } from '../engine/types';

export const POINT_STRIDE = 3;

/** Position of a particle at fractional frame f (linear between recorded samples), into `out`. */
export function pointAt(
  trajectories: Float32Array,
  samples: number,
  particle: number,
  frame: number,
  out: [number, number],
): [number, number] {
  const clamped = Math.max(0, Math.min(samples - 1, frame));
  const low = Math.floor(clamped);
  const high = Math.min(samples - 1, low + 1);
  const t = clamped - low;
  const a = (particle * samples + low) * POINT_STRIDE;
  const b = (particle * samples + high) * POINT_STRIDE;
  out[0] = trajectories[a]! + t * (trajectories[b]! - trajectories[a]!);
  out[1] = trajectories[a + 1]! + t * (trajectories[b + 1]! - trajectories[a + 1]!);
  return out;
}

/** 1 where the particle diverged (or its start was undefined), from the engine's summary. */
export function divergedMask(summary: Float64Array, count: number): Uint8Array {
  return Uint8Array.from({ length: count }, (_, p) =>
    summary[p * SUMMARY_STRIDE + SUMMARY.divergedStep]! >= 0 ? 1 : 0,
  );
}

export interface CrowdTally {
  readonly count: number;
  readonly reached: number;
  readonly diverged: number;
}

export function crowdTally(summary: Float64Array, count: number): CrowdTally {
  let reached = 0;
  let diverged = 0;
  for (let p = 0; p < count; p++) {
    const o = p * SUMMARY_STRIDE;
    if (summary[o + SUMMARY.divergedStep]! >= 0) diverged++;
    else if (summary[o + SUMMARY.reachedStep]! >= 0) reached++;
  }
  return { count, reached, diverged };
}

/**
 * The mean position per sample over the particles that did not diverge (a diverged particle's repeated
 * last point would drag the mean anywhere). Interleaved (w1, w2); NaN where no particle is left.
 */
export function meanPath(
  trajectories: Float32Array,
  count: number,
  samples: number,
  diverged: Uint8Array,
): Float64Array {
  const mean = new Float64Array(2 * samples);
  for (let s = 0; s < samples; s++) {
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (let p = 0; p < count; p++) {
      if (diverged[p]) continue;
      const o = (p * samples + s) * POINT_STRIDE;
      sx += trajectories[o]!;
      sy += trajectories[o + 1]!;
      n++;
    }
    mean[2 * s] = n > 0 ? sx / n : Number.NaN;
    mean[2 * s + 1] = n > 0 ? sy / n : Number.NaN;
  }
  return mean;
}

/** Root-mean-square distance from the mean at one sample, over the particles that did not diverge. */
export function spreadAt(
  trajectories: Float32Array,
  count: number,
  samples: number,
  sample: number,
  mean: Float64Array,
  diverged: Uint8Array,
): number {
  const mx = mean[2 * sample]!;
  const my = mean[2 * sample + 1]!;
  let sum = 0;
  let n = 0;
  for (let p = 0; p < count; p++) {
    if (diverged[p]) continue;
    const o = (p * samples + sample) * POINT_STRIDE;
    sum += (trajectories[o]! - mx) ** 2 + (trajectories[o + 1]! - my) ** 2;
    n++;
  }
  return n > 0 ? Math.sqrt(sum / n) : Number.NaN;
}
