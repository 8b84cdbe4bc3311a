/**
 * Lecture 003's activation-statistics net in Node (the code the page's worker runs): the forward
 * statistics of a 10 × 500 tanh net on 1,000 inputs, and forward + backward (one training step's
 * gradient, ‖∂L/∂W‖ per layer). Best of `repeats`. Run alone with `npx tsx bench/networkStats.ts`.
 */
import { statsSchema } from '../src/core/network';
import { computeActivationStats } from '../src/nn/activationStats';
import type { BenchRow } from './page/benchmarks';

export function networkStatsRows(repeats = 2): BenchRow[] {
  const config = statsSchema.parse({
    depth: 10,
    width: 500,
    activation: 'tanh',
    init: 'xavier',
    batch: 1000,
  });
  const best = (backward: boolean) => {
    let ms = Infinity;
    for (let rep = 0; rep < repeats; rep++) {
      const t0 = performance.now();
      computeActivationStats(config, { backward });
      ms = Math.min(ms, performance.now() - t0);
    }
    return ms;
  };
  const forward = best(false);
  const step = best(true);
  return [
    {
      name: 'activation statistics, 10 × 500 tanh net on 1,000 inputs, forward + per-layer stats (Node, plain JS, 1 thread)',
      size: 1000,
      steps: 1,
      ms: forward,
      rate: 0,
    },
    {
      name: 'the same net, forward + backward (one training step: ‖∂L/∂W‖ of every layer; Node, plain JS, 1 thread)',
      size: 1000,
      steps: 1,
      ms: step,
      rate: 0,
    },
  ];
}

if (process.argv[1]?.endsWith('networkStats.ts')) {
  const os = await import('node:os');
  const load = os.loadavg()[0]!.toFixed(1);
  for (const row of networkStatsRows()) console.log(`| ${row.name} | ${(row.ms / 1000).toFixed(2)} s |`);
  console.log(
    `1-minute load average ${load} before, ${os.loadavg()[0]!.toFixed(1)} after, on ${os.cpus().length} cores`,
  );
}
