/**
 * Where the lectures' form of a method visits other points than torch's. Nesterov, as lectures 001 and 003
 * write it (v ← μv − η∇L(θ + μv), θ ← θ + v), tracks θ; torch tracks the look-ahead point φ = θ + μv. With
 * v = −ηb (b torch's buffer, constant η), θₜ = φₜ + μηbₜ: the lecture's iterates, recovered from a run.
 */
import type { Trajectory } from './simulate';

export function nesterovLectureIterates(t: Trajectory): Float64Array | null {
  const hp = t.config.hyperparameters;
  if (t.config.type !== 'SGD' || hp.nesterov !== true || t.config.schedule.type !== 'constant') return null;
  const velocity = t.accumulators.find((a) => a.key === 'velocity');
  if (!velocity || typeof hp.momentum !== 'number' || typeof hp.lr !== 'number') return null;
  const scale = hp.momentum * hp.lr;
  const theta = new Float64Array(t.path.length);
  theta[0] = t.path[0]!;
  theta[1] = t.path[1]!;
  for (let k = 1; k <= t.steps; k++) {
    theta[2 * k] = t.path[2 * k]! + scale * velocity.values[2 * (k - 1)]!;
    theta[2 * k + 1] = t.path[2 * k + 1]! + scale * velocity.values[2 * (k - 1) + 1]!;
  }
  return theta;
}
