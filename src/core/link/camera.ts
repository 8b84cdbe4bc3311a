/**
 * The 3-D view's camera in a link (`cam=azimuth,elevation,distance,tx,ty,tz`). A value out of range is
 * clamped with a warning; text that is not six numbers is dropped with a warning, and the view opens
 * with its default camera.
 */
import type { Warn } from './draft';
import { fitToRange, formatNumber, parseNumber, type Range } from './numbers';
import type { OrbitCamera } from './types';

export const CAMERA_RANGES = {
  azimuth: { min: -180, max: 180 },
  /** Degrees above the plane: straight down is 90; below the plane the surface is seen from beneath. */
  elevation: { min: -85, max: 89 },
  distance: { min: 0.3, max: 12 },
  target: { min: -4, max: 4 },
} as const satisfies Record<string, Range>;

/** Links carry the camera to 1/1000 (of a degree, of the box's half side): finer is invisible. */
const round = (x: number) => Math.round(x * 1000) / 1000 || 0;

export function encodeCamera(camera: OrbitCamera): string {
  return [camera.azimuth, camera.elevation, camera.distance, ...camera.target]
    .map((x) => formatNumber(round(x)))
    .join(',');
}

export function decodeCamera(value: string, warn: Warn): OrbitCamera | undefined {
  const parts = value.split(',');
  const numbers = parts.map(parseNumber);
  if (parts.length !== 6 || numbers.some((x) => x === undefined)) {
    warn(
      `3-D camera '${value.slice(0, 60)}' is not six numbers (azimuth, elevation, distance, target x, y, z); the default camera is used`,
    );
    return undefined;
  }
  const [azimuth, elevation, distance, tx, ty, tz] = numbers as number[];
  const fit = (x: number, range: Range, name: string) =>
    fitToRange(x, range, (m) => warn(`3-D camera ${name}: ${m}`));
  return {
    azimuth: fit(azimuth!, CAMERA_RANGES.azimuth, 'azimuth'),
    elevation: fit(elevation!, CAMERA_RANGES.elevation, 'elevation'),
    distance: fit(distance!, CAMERA_RANGES.distance, 'distance'),
    target: [
      fit(tx!, CAMERA_RANGES.target, 'target x'),
      fit(ty!, CAMERA_RANGES.target, 'target y'),
      fit(tz!, CAMERA_RANGES.target, 'target z'),
    ],
  };
}
