import { describe, expect, it } from 'vitest';
import { nesterovLectureIterates } from './lectureForms';
import { simulate } from './simulate';
import { getSurface } from './surfaces';

describe("the lecture's Nesterov iterates", () => {
  it('equal an independent run of v ← μv − η∇L(θ + μv), θ ← θ + v from v₀ = 0', () => {
    for (const surface of ['quadratic', 'rosenbrock', 'saddle'] as const) {
      const [eta, mu] = [surface === 'rosenbrock' ? 0.0005 : 0.01, 0.9];
      const run = simulate({
        surface,
        start: [-0.8, 0.6],
        steps: 60,
        optimizers: [{ type: 'SGD', lr: eta, momentum: mu, nesterov: true }],
      }).trajectories[0]!;
      const theta = nesterovLectureIterates(run)!;
      const f = getSurface(surface)!;
      let th: [number, number] = [-0.8, 0.6];
      let v: [number, number] = [0, 0];
      for (let k = 1; k <= run.steps; k++) {
        const g = f.gradient(th[0] + mu * v[0], th[1] + mu * v[1]);
        v = [mu * v[0] - eta * g[0], mu * v[1] - eta * g[1]];
        th = [th[0] + v[0], th[1] + v[1]];
        // Relative: on the saddle the run heads off to −∞ and the numbers grow.
        const scale = Math.max(1, Math.abs(th[0]), Math.abs(th[1]));
        expect(Math.abs(theta[2 * k]! - th[0]) / scale, `${surface} step ${k}`).toBeLessThan(1e-10);
        expect(Math.abs(theta[2 * k + 1]! - th[1]) / scale).toBeLessThan(1e-10);
      }
    }
  });

  it('exist only for constant-rate Nesterov runs', () => {
    const [plain, scheduled] = simulate({
      surface: 'quadratic',
      steps: 5,
      optimizers: [
        { type: 'SGD', lr: 0.01, momentum: 0.9 },
        { type: 'SGD', lr: 0.01, momentum: 0.9, nesterov: true, schedule: { type: 'exponential', k: 0.1 } },
      ],
    }).trajectories;
    expect(nesterovLectureIterates(plain!)).toBeNull();
    expect(nesterovLectureIterates(scheduled!)).toBeNull();
  });
});
