/**
 * What a few methods look at besides their path, read from a trajectory at a step of the timeline (pure,
 * for the explorer's overlay): SAM's ρ-ball around the point and the perturbed point w + ε̂ where its
 * gradient is taken, Prodigy's distance estimate d as a circle around the start, and Schedule-Free's
 * three sequences — the average x (the path drawn, whose loss the loss panel reports), the base iterate z
 * and the gradient point y between them.
 */
import type { Trajectory, Vec2 } from '../../core';

export type MethodGeometry =
  | { readonly kind: 'sam'; readonly center: Vec2; readonly radius: number; readonly perturbed: Vec2 }
  | { readonly kind: 'prodigy'; readonly center: Vec2; readonly radius: number }
  | {
      readonly kind: 'schedule-free';
      /** x₀…x_k: the path drawn. */
      readonly x: readonly Vec2[];
      /** z₀…z_k, z₀ = x₀. */
      readonly z: readonly Vec2[];
      /** The gradient points of the updates up to the next one. */
      readonly y: readonly Vec2[];
    };

const pairAt = (values: Float64Array, i: number): Vec2 => [values[2 * i]!, values[2 * i + 1]!];

function trace(trajectory: Trajectory, key: string): Float64Array | null {
  return trajectory.accumulators.find((a) => a.key === key)?.values ?? null;
}

/** The geometry at `step` (points 0…steps), or null for a method that has none or a run with no updates. */
export function methodGeometry(trajectory: Trajectory, step: number): MethodGeometry | null {
  const n = trajectory.steps;
  if (n === 0) return null;
  const k = Math.max(0, Math.min(step, n));
  // The update that leaves point k (the last one once the timeline is past the end).
  const next = Math.min(k, n - 1);
  const hp = trajectory.config.hyperparameters;
  switch (trajectory.config.type) {
    case 'SAM': {
      const perturbation = trace(trajectory, 'perturbation');
      if (!perturbation || typeof hp.rho !== 'number') return null;
      const center = pairAt(trajectory.path, next);
      const [e1, e2] = pairAt(perturbation, next);
      return { kind: 'sam', center, radius: hp.rho, perturbed: [center[0] + e1, center[1] + e2] };
    }
    case 'Prodigy': {
      const distance = trace(trajectory, 'distance');
      if (!distance || typeof hp.d0 !== 'number') return null;
      // d after k updates: d₀ at the start.
      const radius = k === 0 ? hp.d0 : distance[2 * (k - 1)]!;
      return { kind: 'prodigy', center: pairAt(trajectory.path, 0), radius };
    }
    case 'AdamWScheduleFree': {
      const z = trace(trajectory, 'z');
      const y = trace(trajectory, 'y');
      if (!z || !y) return null;
      const x = Array.from({ length: k + 1 }, (_, i) => pairAt(trajectory.path, i));
      // The z recorded at update i is z after it, the z paired with x_{i+1}.
      const zs = [x[0]!, ...Array.from({ length: k }, (_, i) => pairAt(z, i))];
      const ys = Array.from({ length: next + 1 }, (_, i) => pairAt(y, i));
      return { kind: 'schedule-free', x, z: zs, y: ys };
    }
    default:
      return null;
  }
}

/**
 * Where the update leaving point `step` takes the gradient it steps with, for the methods that take it
 * elsewhere than at w (the recorded g is the one at w): SAM at w + ε̂, Schedule-Free at y.
 */
export function gradientPoint(
  trajectory: Trajectory,
  step: number,
): { readonly symbol: string; readonly at: Vec2 } | null {
  const geometry = methodGeometry(trajectory, step);
  if (geometry?.kind === 'sam') return { symbol: 'w + ε̂', at: geometry.perturbed };
  if (geometry?.kind === 'schedule-free') return { symbol: 'y', at: geometry.y.at(-1)! };
  return null;
}
