/**
 * Ranges read from the zod schemas themselves, so the link codec clamps to exactly what the scene schema
 * accepts and there is one source of truth for every limit.
 */
import type { z } from 'zod';
import { clippingSchema, scheduleSchema, sceneSchema } from '../scene';
import type { Range } from './numbers';

interface NumberLike {
  readonly minValue: number | null;
  readonly maxValue: number | null;
  readonly isInt?: boolean;
}

export function unwrap(schema: z.ZodType): z.ZodType {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
  return (def.type === 'optional' || def.type === 'default') && def.innerType
    ? unwrap(def.innerType)
    : schema;
}

export function rangeOf(schema: z.ZodType): Range {
  const number = unwrap(schema) as unknown as NumberLike;
  return {
    min: number.minValue ?? -Number.MAX_VALUE,
    max: number.maxValue ?? Number.MAX_VALUE,
    integer: number.isInt === true,
  };
}

/** A tagged union (schedule, clipping) as a table: each variant's numeric fields in declaration order. */
export interface VariantTable {
  readonly name: string;
  readonly variants: ReadonlyMap<string, readonly { key: string; range: Range }[]>;
  readonly schema: z.ZodType;
}

function variantTable(
  name: string,
  union: { options: readonly z.ZodType[] },
  schema: z.ZodType,
): VariantTable {
  const variants = new Map<string, { key: string; range: Range }[]>();
  for (const option of union.options) {
    const shape = (option as unknown as { shape: Record<string, z.ZodType> }).shape;
    const literal = (shape.type as unknown as { value: string }).value;
    const fields = Object.entries(shape)
      .filter(([key]) => key !== 'type')
      .map(([key, field]) => ({ key, range: rangeOf(field) }));
    variants.set(literal, fields);
  }
  return { name, variants, schema };
}

export const SCHEDULE_TABLE = variantTable('schedule', scheduleSchema, scheduleSchema);
export const CLIPPING_TABLE = variantTable('clip', clippingSchema, clippingSchema);

/** The fields every optimizer shares (label, noise), read from the scene schema's first optimizer variant. */
const firstOptimizer = (
  sceneSchema.shape.optimizers as unknown as {
    element: { options: readonly { shape: Record<string, z.ZodType> }[] };
  }
).element.options[0]!.shape;

export const NOISE_RANGE: Range = rangeOf(firstOptimizer.noise!);
export const LABEL_MAX_LENGTH: number =
  (unwrap(firstOptimizer.label!) as unknown as { maxLength: number | null }).maxLength ?? 60;

const shape = sceneSchema.shape;
export const STEPS_RANGE: Range = rangeOf(shape.steps);
export const SEED_RANGE: Range = rangeOf(shape.seed);
