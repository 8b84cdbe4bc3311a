/**
 * A crowd as a batch request: one optimizer, n particles with the optimizer's own hyperparameters, each
 * from its own start; in the noise ensemble every particle starts at one point and differs only in its
 * gradient-noise stream (lecture 003: noisy minibatch gradients). Pure.
 */
import type { OptimizerConfig, SurfaceRef } from '../core/scene';
import type { Vec2 } from '../core/types';
import { particleHyperparameters } from '../engine/layout';
import type { BatchRequest } from '../engine/types';
import { crowdStarts, type StartShape } from './crowdStarts';

export type CrowdMode = 'ring' | 'cloud' | 'line' | 'noise';

export const CROWD_MODES: Readonly<Record<CrowdMode, string>> = {
  ring: 'ring',
  cloud: 'random cloud',
  line: 'line',
  noise: 'noise ensemble',
};

/** At most this many recorded points per particle: enough for smooth playback, bounded memory. */
export const MAX_SAMPLES = 400;

export interface CrowdSetting {
  readonly surface: SurfaceRef;
  readonly mode: CrowdMode;
  readonly center: Vec2;
  /** Ring radius, cloud 2σ, line half-width (unused by the noise ensemble). */
  readonly spread: number;
  readonly count: number;
  readonly steps: number;
  readonly seed: number;
  /** Gradient noise σ of the noise ensemble (other modes use the optimizer's own). */
  readonly noise: number;
  readonly lossTarget: number;
}

/** Record every k-th step so a run keeps at most MAX_SAMPLES + 1 points. */
export function sampleEveryFor(steps: number): number {
  return Math.max(1, Math.ceil(steps / MAX_SAMPLES));
}

export function crowdRequest(config: OptimizerConfig, setting: CrowdSetting): BatchRequest {
  const { count, mode } = setting;
  const shape: StartShape = mode === 'noise' ? 'same' : mode;
  return {
    surface: setting.surface,
    optimizerType: config.type,
    count,
    starts: crowdStarts(shape, setting.center, setting.spread, count, setting.seed),
    hyperparameters: particleHyperparameters(config.type, config.hyperparameters, count),
    // Stream p for particle p: in the ensemble these are the N noise seeds.
    streams: Uint32Array.from({ length: count }, (_, p) => p),
    steps: setting.steps,
    seed: setting.seed,
    schedule: config.schedule,
    clip: config.clip,
    noise: mode === 'noise' ? setting.noise : config.noise,
    lossTarget: setting.lossTarget,
    sampleEvery: sampleEveryFor(setting.steps),
  };
}
