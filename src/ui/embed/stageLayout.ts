/**
 * How wide the embed lays its stage out, in CSS px, for a frame of a given width. The stage is laid out at
 * the frame's own width (so a 480-px embed gets a 480-px layout with full-size text, not a desktop layout
 * shrunk to 6-px ticks); only below a minimum does it lay out wider and scale down, never under 0.75.
 */
export const STAGE_MIN_WIDTH = { one: 360, many: 640 } as const;
const MIN_SCALE = 0.75;

export function stageWidth(frameWidth: number, many: boolean): number {
  const minimum = many ? STAGE_MIN_WIDTH.many : STAGE_MIN_WIDTH.one;
  if (frameWidth >= minimum) return Math.floor(frameWidth);
  return Math.floor(Math.min(minimum, frameWidth / MIN_SCALE));
}
