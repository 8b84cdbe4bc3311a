import { describe, expect, it } from 'vitest';
import { SUMMARY, SUMMARY_STRIDE } from '../engine/types';
import { crowdTally, divergedMask, meanPath, pointAt, spreadAt } from './crowdFrames';

/** Three particles × three samples of (w1, w2, loss). */
const trajectories = Float32Array.from([
  // particle 0: (0,0) → (1,0) → (2,0)
  0, 0, 9, 1, 0, 9, 2, 0, 9,
  // particle 1: (0,2) → (1,2) → (2,2)
  0, 2, 9, 1, 2, 9, 2, 2, 9,
  // particle 2 diverged: its repeated last point is far away
  0, 0, 9, 500, 500, 9, 500, 500, 9,
]);
const summary = new Float64Array(3 * SUMMARY_STRIDE);
summary[0 * SUMMARY_STRIDE + SUMMARY.divergedStep] = -1;
summary[0 * SUMMARY_STRIDE + SUMMARY.reachedStep] = 2;
summary[1 * SUMMARY_STRIDE + SUMMARY.divergedStep] = -1;
summary[1 * SUMMARY_STRIDE + SUMMARY.reachedStep] = -1;
summary[2 * SUMMARY_STRIDE + SUMMARY.divergedStep] = 1;
summary[2 * SUMMARY_STRIDE + SUMMARY.reachedStep] = -1;

describe('crowd frames', () => {
  it('interpolates a particle between samples and clamps at the ends', () => {
    const out: [number, number] = [0, 0];
    expect(pointAt(trajectories, 3, 1, 0.25, out)).toEqual([0.25, 2]);
    expect(pointAt(trajectories, 3, 1, 1.5, out)).toEqual([1.5, 2]);
    expect(pointAt(trajectories, 3, 0, 7, out)).toEqual([2, 0]);
    expect(pointAt(trajectories, 3, 0, -1, out)).toEqual([0, 0]);
  });

  it('counts reached and diverged particles', () => {
    expect(Array.from(divergedMask(summary, 3))).toEqual([0, 0, 1]);
    expect(crowdTally(summary, 3)).toEqual({ count: 3, reached: 1, diverged: 1 });
  });

  it('averages the particles that did not diverge, and measures their spread', () => {
    const diverged = divergedMask(summary, 3);
    const mean = meanPath(trajectories, 3, 3, diverged);
    expect(Array.from(mean)).toEqual([0, 1, 1, 1, 2, 1]);
    // Each survivor is 1 from the mean.
    expect(spreadAt(trajectories, 3, 3, 2, mean, diverged)).toBeCloseTo(1, 12);
    const none = meanPath(trajectories, 3, 3, Uint8Array.from([1, 1, 1]));
    expect(Array.from(none).every(Number.isNaN)).toBe(true);
    expect(spreadAt(trajectories, 3, 3, 0, none, Uint8Array.from([1, 1, 1]))).toBeNaN();
  });
});
