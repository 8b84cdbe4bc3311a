import type { OptimizerConfig, SurfaceRef } from '../core/scene';
import type { Vec2 } from '../core/types';
import { particleHyperparameters } from '../engine/layout';
import type { BatchRequest } from '../engine/types';

export interface SameStartSetting {
  readonly surface: SurfaceRef;
  readonly start: Vec2;
  readonly steps: number;
  readonly seed: number;
  readonly lossTarget: number;
  readonly probeStep?: number;
}

/**
 * `count` runs of one optimizer from the same start on the same random stream (stream 0, so noise never
 * explains a difference), differing only in the `varied` hyperparameter columns (one value per particle).
 */
export function sameStartRequest(
  config: OptimizerConfig,
  setting: SameStartSetting,
  count: number,
  varied: Readonly<Record<string, ArrayLike<number>>>,
): BatchRequest {
  const starts = new Float64Array(2 * count);
  for (let p = 0; p < count; p++) {
    starts[2 * p] = setting.start[0];
    starts[2 * p + 1] = setting.start[1];
  }
  return {
    surface: setting.surface,
    optimizerType: config.type,
    count,
    starts,
    hyperparameters: particleHyperparameters(config.type, config.hyperparameters, count, varied),
    streams: new Uint32Array(count),
    steps: setting.steps,
    seed: setting.seed,
    schedule: config.schedule,
    clip: config.clip,
    noise: config.noise,
    lossTarget: setting.lossTarget,
    ...(setting.probeStep === undefined ? {} : { probeStep: setting.probeStep }),
  };
}
