/**
 * The Network view's training experiments in a link: one key, `nexp`, of `name:value` fields under the
 * config's own names (src/core/trainingExperiments.ts), e.g. `kind:batchnorm,offset:3,ratio:10,…`. Every
 * field is written, defaults included, so a link keeps its meaning if the defaults change; reading drops
 * an unknown field or value with a warning and clamps numbers, like the rest of ./network.ts.
 */
import { EXPERIMENT_ACTIVATIONS, EXPERIMENT_KINDS, experimentSchema } from '../trainingExperiments';
import type { NetworkSceneJson } from '../network';
import type { Warn } from './draft';
import { decodeFields, encodeFields } from './network';
import { rangeOf } from './schemaRanges';

const shape = experimentSchema.shape;
const number = (name: keyof typeof shape) =>
  ({ name, type: { kind: 'number', range: rangeOf(shape[name]) } }) as const;

export const EXPERIMENT_FIELDS = [
  { name: 'kind', type: { kind: 'enum', values: EXPERIMENT_KINDS } },
  number('offset'),
  number('ratio'),
  number('correlation'),
  number('points'),
  number('dataSeed'),
  number('depth'),
  number('width'),
  { name: 'activation', type: { kind: 'enum', values: EXPERIMENT_ACTIVATIONS } },
  number('lr'),
  number('gradientDepth'),
  number('gradientLr'),
  number('steps'),
  number('batchSize'),
  number('seed'),
] as const;

export function encodeNetworkExperiments(scene: NetworkSceneJson): string | undefined {
  return scene.experiments ? encodeFields(EXPERIMENT_FIELDS, scene.experiments) : undefined;
}

export function decodeNetworkExperiments(value: string, warn: Warn): Record<string, unknown> {
  return decodeFields(value, EXPERIMENT_FIELDS, 'network experiments', warn);
}
