/**
 * `npm run bench`: builds the harness page, drives headless Chromium (SwiftShader WebGPU), and also
 * times the plain loop and the default scene in Node; prints one table with ratios and writes it to
 * docs/benchmarks.md. Sizes and steps keep the whole run near two minutes on a 2-core machine.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { simulate } from '../src/core/simulate';
import { DEFAULT_SCENE } from '../src/state/defaultScene';
import { serveHarness } from './buildPage';
import type { BenchOptions, BenchRow } from './page/benchmarks';
import type { Harness } from './page/main';
import { LIMITS } from '../src/core/limits';
import { networkStatsRows } from './networkStats';
import { benchStarts, plainAdamTracked } from './plainLoop';

const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
const END = '<!-- bench:end -->';

// The same 100 steps at every size, so the size is the only thing that changes along a row; the last
// column repeats 1M with short runs (20 steps), where per-particle fixed costs (upload, readback of the
// summary) weigh most.
// BENCH_SIZES=1000x100,1000000x20 measures only those columns (for working on an engine).
const COLUMN_LIST = (process.env.BENCH_SIZES ?? '1000x100,10000x100,100000x100,1000000x100,1000000x20')
  .split(',')
  .map((column) => column.split('x').map(Number) as [number, number]);
const OPTIONS: BenchOptions = {
  sizes: COLUMN_LIST.map(([size]) => size),
  steps: COLUMN_LIST.map(([, steps]) => steps),
  atlasSide: 256,
  atlasSteps: 500,
  ...(process.env.BENCH_ONLY ? { only: process.env.BENCH_ONLY.split(',') } : {}),
};

function nodeRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  plainAdamTracked(benchStarts(4096), 100, 0.01, 1e-6, LIMITS.divergenceBound);
  for (const [i, size] of OPTIONS.sizes.entries()) {
    const steps = OPTIONS.steps[i]!;
    const starts = benchStarts(size);
    let ms = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      const t0 = performance.now();
      plainAdamTracked(starts, steps, 0.01, 1e-6, LIMITS.divergenceBound);
      ms = Math.min(ms, performance.now() - t0);
    }
    rows.push({
      name: 'plain JS loop, same work, 1 thread (Node)',
      size,
      steps,
      ms,
      rate: (size * steps) / (ms / 1000),
    });
  }
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    simulate(DEFAULT_SCENE);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  rows.push({
    name: `default scene recompute in Node (simulate, ${DEFAULT_SCENE.optimizers.length} optimizers × ${DEFAULT_SCENE.steps} steps, median of 15)`,
    size: DEFAULT_SCENE.optimizers.length,
    steps: DEFAULT_SCENE.steps ?? 100,
    ms: times[7]!,
    rate: 0,
  });
  rows.push(...networkStatsRows());
  return rows;
}

const fmtRate = (rate: number) =>
  rate >= 1e6 ? `${(rate / 1e6).toFixed(1)} M` : `${(rate / 1e3).toFixed(0)} k`;
const fmtSize = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
/** The table's columns: a batch size and its steps per particle. */
const COLUMNS = OPTIONS.sizes.map((size, i) => ({ size, steps: OPTIONS.steps[i] ?? 0 }));
const fmtColumn = ({ size, steps }: { size: number; steps: number }) => `${fmtSize(size)} × ${steps}`;

function table(rows: readonly BenchRow[]): string {
  const isTask = (r: BenchRow) =>
    r.rate === 0 || r.name.startsWith('outcome map') || r.name.includes('recompute');
  const throughput = rows.filter((r) => !isTask(r));
  const names = [...new Set(throughput.map((r) => r.name))];
  const lines = [
    `| particle-steps/s (Adam on w1²+25w2²) | ${COLUMNS.map((c) => `${fmtColumn(c)} steps`).join(' | ')} |`,
    `| --- | ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...names.map(
      (name) =>
        `| ${name} | ${COLUMNS.map(({ size, steps }) => {
          const r = throughput.find((x) => x.name === name && x.size === size && x.steps === steps);
          return r ? fmtRate(r.rate) : '—';
        }).join(' | ')} |`,
    ),
  ];
  const rate = (prefix: string, { size, steps }: (typeof COLUMNS)[number]) =>
    throughput.find((r) => r.name.startsWith(prefix) && r.size === size && r.steps === steps)?.rate ??
    Number.NaN;
  const ratio = (a: string, b: string) =>
    COLUMNS.map((column) => `${(rate(a, column) / rate(b, column)).toFixed(2)}×`).join(' | ');
  const allWorkers =
    rows.find((r) => /CPU engine, \d+ workers/.test(r.name))?.name ?? 'CPU engine, ? workers';
  const workerCount = Number(/(\d+) workers/.exec(allWorkers)?.[1] ?? 1);
  const perCore = COLUMNS.map(
    (column) =>
      `${(rate(allWorkers, column) / workerCount / rate('plain JS loop, 1 thread (page), same', column)).toFixed(2)}×`,
  ).join(' | ');
  lines.push(
    '',
    `| ratio (same run, best of each) | ${COLUMNS.map(fmtColumn).join(' | ')} |`,
    `| --- | ${COLUMNS.map(() => '---').join(' | ')} |`,
    `| WebGPU engine ÷ one dispatch per step, same kernel pieces (target ≥ 4×) | ${ratio('WebGPU engine', 'WebGPU, one dispatch')} |`,
    `| WebGPU engine ÷ tfjs ops, same work (target ≥ 10×) | ${ratio('WebGPU engine', 'tfjs ops, same work')} |`,
    `| WebGPU engine ÷ tfjs ops, bare Adam (the engine does more work) | ${ratio('WebGPU engine', 'tfjs ops, bare Adam')} |`,
    `| ${allWorkers} ÷ plain loop, same work, ${workerCount} workers (target ≥ 0.8×) | ${ratio(allWorkers, `plain JS loop, same work, ${workerCount} workers`)} |`,
    `| ${allWorkers} ÷ ${workerCount} ÷ plain loop, same work, 1 thread (per core) | ${perCore} |`,
    `| ${allWorkers} ÷ plain loop, same work (whole engine vs one thread) | ${ratio(allWorkers, 'plain JS loop, 1 thread (page), same')} |`,
    `| CPU engine, 1 worker ÷ plain loop, same work | ${ratio('CPU engine, 1 worker', 'plain JS loop, 1 thread (page), same')} |`,
    `| WebGPU engine ÷ bare Adam kernel looped (what the engine's bookkeeping costs) | ${ratio('WebGPU engine', 'bare Adam kernel, all steps')} |`,
    `| bare Adam kernel: looped ÷ one dispatch per step | ${ratio('bare Adam kernel, all steps', 'bare Adam kernel, one dispatch')} |`,
    `| WebGPU engine ÷ plain loop, same work | ${ratio('WebGPU engine', 'plain JS loop, 1 thread (page), same')} |`,
    '',
    '| task | time |',
    '| --- | --- |',
    ...rows
      .filter(isTask)
      .map(
        (r) =>
          `| ${r.name} | ${r.ms >= 1000 ? `${(r.ms / 1000).toFixed(2)} s` : `${r.ms.toFixed(2)} ms`}${r.name.startsWith('outcome map') ? ` (${fmtRate(r.rate)} particle-steps/s)` : ''} |`,
      ),
  );
  return lines.join('\n');
}

async function main() {
  const started = performance.now();
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  const loads: number[] = [loadBefore];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? Number.NaN), 5000);
  const node = nodeRows();
  const server = await serveHarness('bench');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--enable-unsafe-webgpu',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  let page: BenchRow[] = [];
  let adapter: string | null = null;
  try {
    const tab = await browser.newPage();
    await tab.goto(server.url);
    await tab.waitForSelector('body[data-ready="true"]');
    adapter = await tab.evaluate(() => (window as unknown as { __optiscope: Harness }).__optiscope.adapter());
    page = await tab.evaluate(
      (options) => (window as unknown as { __optiscope: Harness }).__optiscope.bench(options),
      OPTIONS,
    );
  } finally {
    clearInterval(sampler);
    await browser.close();
    await server.close();
  }
  loads.push(os.loadavg()[0] ?? Number.NaN);
  const loadText = `1-minute load average ${loadBefore.toFixed(1)} before the run, ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during it (sampled every 5 s), on ${os.cpus().length} cores`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, Chromium ${browser.version()} headless; WebGPU adapter: ${adapter ?? 'none'}`;
  const body = table([...page, ...node]);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`Machine: ${machine}\n${loadText}\n\n${body}\n\n(bench ran ${seconds} s)`);
  if (process.env.BENCH_NO_WRITE) return;
  const generated = [
    BEGIN,
    `Machine: ${machine}.`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\`; the whole run took ${seconds} s; ${loadText}.`,
    'A load average above the core count means other processes shared the machine: absolute figures are then',
    'low and noisy; the ratios, taken from paths run interleaved in the same run, are the meaningful part.',
    '',
    body,
    END,
  ].join('\n');
  // Only the measured block is rewritten; the prose around it (what limits each path) is kept.
  const url = new URL('../docs/benchmarks.md', import.meta.url);
  const current = existsSync(url) ? readFileSync(url, 'utf8') : '';
  const from = current.indexOf(BEGIN);
  const to = current.indexOf(END);
  const doc =
    from >= 0 && to > from
      ? current.slice(0, from) + generated + current.slice(to + END.length)
      : `# Benchmarks\n\n${generated}\n`;
  writeFileSync(url, doc);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
