/**
 * Draws one frame of a crowd on a 2D canvas: every particle as a dot with a short fading tail (its last
 * few recorded points), diverged particles hollow, and optionally the ensemble's mean path with the
 * noise-free path for reference. Canvas, not SVG: thousands of moving dots at 60 frames a second.
 */
import { pointAt, POINT_STRIDE } from '../../analysis/crowdFrames';

export interface CrowdFrame {
  readonly trajectories: Float32Array;
  readonly count: number;
  readonly samples: number;
  /** Fractional frame (sample index). */
  readonly frame: number;
  /** Per particle, the frame from which it counts as diverged (Infinity: never). */
  readonly stopFrame: Float32Array;
  readonly color: string;
  /** Interleaved (w1, w2) per sample: the ensemble's mean, drawn up to the frame. */
  readonly mean?: Float64Array | null;
  /** Interleaved (w1, w2) per sample: the run without gradient noise, drawn dashed in full. */
  readonly reference?: Float64Array | null;
  readonly dark: boolean;
  /** Minima, drawn on top so a crowd never hides where it is heading. */
  readonly minima?: readonly (readonly [number, number])[];
}

export interface CrowdCanvasGeometry {
  readonly width: number;
  readonly height: number;
  readonly x: (w1: number) => number;
  readonly y: (w2: number) => number;
}

/** Tail length in recorded samples: about 6% of the run, 4 to 24 samples. */
export function tailLength(samples: number): number {
  return Math.max(4, Math.min(24, Math.round(samples * 0.06)));
}

export function dotRadius(count: number): number {
  return count <= 300 ? 3 : count <= 1500 ? 2.3 : 1.7;
}

export function drawCrowd(ctx: CanvasRenderingContext2D, g: CrowdCanvasGeometry, f: CrowdFrame): void {
  const { width, height, x, y } = g;
  ctx.clearRect(0, 0, width, height);
  const far = 4 * Math.max(width, height);
  const ok = (px: number, py: number) => Math.abs(px) < far && Math.abs(py) < far;
  const at: [number, number] = [0, 0];
  const tail = tailLength(f.samples);
  const current = Math.max(0, Math.min(f.samples - 1, f.frame));
  const base = Math.floor(current);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';

  if (f.reference)
    drawPath(
      ctx,
      g,
      f.reference,
      f.samples,
      f.dark ? 'rgba(255,255,255,0.85)' : 'rgba(0,0,0,0.75)',
      1.5,
      [6, 4],
    );

  // Tails: segment j joins the point j samples back to the one before it; older segments fade.
  ctx.strokeStyle = f.color;
  ctx.lineWidth = Math.max(1, dotRadius(f.count) * 0.7);
  for (let j = 0; j < tail; j++) {
    const newer = j === 0 ? current : base - j + 1;
    const older = base - j;
    if (older < 0) break;
    ctx.globalAlpha = (f.count <= 300 ? 0.6 : 0.35) * (1 - j / tail);
    ctx.beginPath();
    for (let p = 0; p < f.count; p++) {
      pointAt(f.trajectories, f.samples, p, newer, at);
      const x1 = x(at[0]);
      const y1 = y(at[1]);
      const o = (p * f.samples + older) * POINT_STRIDE;
      const x0 = x(f.trajectories[o]!);
      const y0 = y(f.trajectories[o + 1]!);
      if (!ok(x0, y0) || !ok(x1, y1)) continue;
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;

  // Dots: moving ones filled with a thin halo, diverged ones hollow.
  const r = dotRadius(f.count);
  const moving = new Path2D();
  const stopped = new Path2D();
  for (let p = 0; p < f.count; p++) {
    pointAt(f.trajectories, f.samples, p, current, at);
    const px = x(at[0]);
    const py = y(at[1]);
    if (px < -r || py < -r || px > width + r || py > height + r) continue;
    const path = current >= f.stopFrame[p]! ? stopped : moving;
    path.moveTo(px + r, py);
    path.arc(px, py, r, 0, 2 * Math.PI);
  }
  // A halo separates a few hundred dots from the contours; with more it would merge into a white blob.
  if (f.count <= 300) {
    ctx.lineWidth = 1.6;
    ctx.strokeStyle = f.dark ? 'rgba(0,0,0,0.7)' : 'rgba(255,255,255,0.9)';
    ctx.stroke(moving);
  }
  ctx.fillStyle = f.color;
  ctx.globalAlpha = f.count <= 300 ? 1 : 0.8;
  ctx.fill(moving);
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1.2;
  ctx.strokeStyle = f.dark ? '#ff6b6b' : '#b91c1c';
  ctx.stroke(stopped);

  for (const [w1, w2] of f.minima ?? []) drawStar(ctx, x(w1), y(w2), f.dark);

  if (f.mean) {
    const ink = f.dark ? '#ffffff' : '#111827';
    const halo = f.dark ? 'rgba(0,0,0,0.8)' : 'rgba(255,255,255,0.95)';
    drawPath(ctx, g, f.mean, Math.floor(current) + 1, halo, 6, []);
    drawPath(ctx, g, f.mean, Math.floor(current) + 1, ink, 3, []);
    const s = Math.floor(current);
    const mx = x(f.mean[2 * s]!);
    const my = y(f.mean[2 * s + 1]!);
    if (Number.isFinite(mx) && Number.isFinite(my)) {
      ctx.beginPath();
      ctx.arc(mx, my, 6, 0, 2 * Math.PI);
      ctx.fillStyle = ink;
      ctx.fill();
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = halo;
      ctx.stroke();
    }
  }
}

function drawPath(
  ctx: CanvasRenderingContext2D,
  { x, y }: CrowdCanvasGeometry,
  path: Float64Array,
  points: number,
  color: string,
  width: number,
  dash: number[],
): void {
  ctx.beginPath();
  let started = false;
  for (let s = 0; s < points && 2 * s + 1 < path.length; s++) {
    const px = x(path[2 * s]!);
    const py = y(path[2 * s + 1]!);
    if (!Number.isFinite(px) || !Number.isFinite(py)) break;
    if (started) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    started = true;
  }
  ctx.setLineDash(dash);
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
  ctx.setLineDash([]);
}

/** A five-pointed star like the explorer's minimum marker, with a halo. */
function drawStar(ctx: CanvasRenderingContext2D, cx: number, cy: number, dark: boolean): void {
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? 9 : 3.8;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    const px = cx + r * Math.cos(angle);
    const py = cy + r * Math.sin(angle);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = dark ? 'rgba(0,0,0,0.85)' : 'rgba(255,255,255,0.95)';
  ctx.stroke();
  ctx.fillStyle = dark ? '#ffffff' : '#111827';
  ctx.fill();
}
