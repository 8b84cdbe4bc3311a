/** The built-in surfaces in the order the picker shows them: the lectures' two examples first. */
import type { Surface } from '../types';
import { ackley } from './ackley';
import { beale } from './beale';
import { booth } from './booth';
import { cliff } from './cliff';
import { goldsteinPrice } from './goldsteinPrice';
import { himmelblau } from './himmelblau';
import { monkeySaddle } from './monkeySaddle';
import { quadratic } from './quadratic';
import { rastrigin } from './rastrigin';
import { rosenbrock } from './rosenbrock';
import { saddle } from './saddle';
import { sixHumpCamel } from './sixHumpCamel';

export const SURFACES: readonly Surface[] = [
  quadratic,
  saddle,
  rosenbrock,
  cliff,
  monkeySaddle,
  booth,
  beale,
  himmelblau,
  sixHumpCamel,
  goldsteinPrice,
  rastrigin,
  ackley,
];

export const surfaceIds: readonly string[] = SURFACES.map((surface) => surface.id);

const SURFACES_BY_ID: ReadonlyMap<string, Surface> = new Map(
  SURFACES.map((surface) => [surface.id, surface]),
);

export function getSurface(id: string): Surface | undefined {
  return SURFACES_BY_ID.get(id);
}
