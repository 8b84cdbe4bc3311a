/** Plain JSON and CSV forms of a simulation, for the CLI, downloads and scripted figures. NaN becomes null. */
import type { Simulation, Trajectory } from './simulate';

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

function pairs(values: Float64Array): (number | null)[][] {
  const out: (number | null)[][] = [];
  for (let i = 0; i + 1 < values.length; i += 2)
    out.push([finiteOrNull(values[i]!), finiteOrNull(values[i + 1]!)]);
  return out;
}

export function trajectoryToJson(trajectory: Trajectory) {
  return {
    type: trajectory.config.type,
    label: trajectory.config.label,
    hyperparameters: trajectory.config.hyperparameters,
    steps: trajectory.steps,
    path: pairs(trajectory.path),
    loss: Array.from(trajectory.loss, finiteOrNull),
    gradient: pairs(trajectory.gradient),
    update: pairs(trajectory.update),
    effectiveLr: pairs(trajectory.effectiveLr),
    learningRate: Array.from(trajectory.learningRate, finiteOrNull),
    accumulators: Object.fromEntries(trajectory.accumulators.map((a) => [a.key, pairs(a.values)])),
    diverged: trajectory.divergence,
  };
}

export function simulationToJson(simulation: Simulation) {
  return {
    surface: simulation.surface.id,
    start: simulation.start,
    runs: simulation.trajectories.map(trajectoryToJson),
  };
}

/** One row per (optimizer, step): the table a lecturer pastes into a plotting tool. */
export function simulationToCsv(simulation: Simulation): string {
  const header = 'run,type,label,step,w1,w2,loss,g1,g2,dw1,dw2,eff_lr1,eff_lr2';
  const cell = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '' : String(x));
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const rows = [header];
  for (const t of simulation.trajectories) {
    for (let k = 0; k <= t.steps; k++) {
      const perStep = (a: Float64Array, i: number) => (k < t.steps ? a[2 * k + i] : undefined);
      rows.push(
        [
          String(t.index),
          t.config.type,
          quote(t.config.label),
          String(k),
          cell(t.path[2 * k]),
          cell(t.path[2 * k + 1]),
          cell(t.loss[k]),
          cell(perStep(t.gradient, 0)),
          cell(perStep(t.gradient, 1)),
          cell(perStep(t.update, 0)),
          cell(perStep(t.update, 1)),
          cell(perStep(t.effectiveLr, 0)),
          cell(perStep(t.effectiveLr, 1)),
        ].join(','),
      );
    }
  }
  return rows.join('\n') + '\n';
}
