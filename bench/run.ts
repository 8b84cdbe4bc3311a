/**
 * `npm run bench`: builds the harness page, drives headless Chromium (SwiftShader WebGPU), and also
 * times the plain loop and the default scene in Node; prints one table with ratios and writes it to
 * docs/benchmarks.md. Sizes and steps keep the whole run near two minutes on a 2-core machine.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { simulate } from '../src/core/simulate';
import { DEFAULT_SCENE } from '../src/state/defaultScene';
import { serveHarness } from './buildPage';
import type { BenchOptions, BenchRow } from './page/benchmarks';
import type { Harness } from './page/main';
import { benchStarts, plainAdam } from './plainLoop';

const OPTIONS: BenchOptions = {
  sizes: [1_000, 10_000, 100_000, 1_000_000],
  steps: [200, 100, 50, 20],
  atlasSide: 256,
  atlasSteps: 500,
};

function nodeRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  plainAdam(benchStarts(4096), 100, 0.01);
  for (const [i, size] of OPTIONS.sizes.entries()) {
    const steps = OPTIONS.steps[i]!;
    const starts = benchStarts(size);
    const t0 = performance.now();
    plainAdam(starts, steps, 0.01);
    const ms = performance.now() - t0;
    rows.push({
      name: 'plain JS loop, 1 thread (Node)',
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
  return rows;
}

const fmtRate = (rate: number) =>
  rate >= 1e6 ? `${(rate / 1e6).toFixed(1)} M` : `${(rate / 1e3).toFixed(0)} k`;
const fmtSize = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

function table(rows: readonly BenchRow[]): string {
  const isTask = (r: BenchRow) =>
    r.rate === 0 || r.name.startsWith('outcome map') || r.name.includes('recompute');
  const throughput = rows.filter((r) => !isTask(r));
  const names = [...new Set(throughput.map((r) => r.name))];
  const lines = [
    `| particle-steps/s (Adam on w1²+25w2²) | ${OPTIONS.sizes.map((s, i) => `${fmtSize(s)} × ${OPTIONS.steps[i]} steps`).join(' | ')} |`,
    `| --- | ${OPTIONS.sizes.map(() => '---').join(' | ')} |`,
    ...names.map(
      (name) =>
        `| ${name} | ${OPTIONS.sizes
          .map((size) => {
            const r = throughput.find((x) => x.name === name && x.size === size);
            return r ? fmtRate(r.rate) : '—';
          })
          .join(' | ')} |`,
    ),
  ];
  const rate = (prefix: string, size: number) =>
    throughput.find((r) => r.name.startsWith(prefix) && r.size === size)?.rate ?? Number.NaN;
  const ratio = (a: string, b: string) =>
    OPTIONS.sizes.map((size) => `${(rate(a, size) / rate(b, size)).toFixed(2)}×`).join(' | ');
  lines.push(
    '',
    `| ratio | ${OPTIONS.sizes.map(fmtSize).join(' | ')} |`,
    `| --- | ${OPTIONS.sizes.map(() => '---').join(' | ')} |`,
    `| WebGPU engine ÷ one dispatch per step (target ≥ 4×) | ${ratio('WebGPU engine', 'WebGPU, one dispatch')} |`,
    `| WebGPU engine ÷ tfjs ops (target ≥ 10×) | ${ratio('WebGPU engine', 'tfjs ops')} |`,
    `| CPU engine, all workers ÷ plain loop in the page (target ≥ 0.8×) | ${ratio('CPU engine, ' + (rows.find((r) => /CPU engine, \d+ workers/.test(r.name))?.name.split(', ')[1] ?? ''), 'plain JS loop, 1 thread (page)')} |`,
    `| CPU engine, 1 worker ÷ plain loop in the page | ${ratio('CPU engine, 1 worker', 'plain JS loop, 1 thread (page)')} |`,
    `| WebGPU engine ÷ plain loop in the page | ${ratio('WebGPU engine', 'plain JS loop, 1 thread (page)')} |`,
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
    await browser.close();
    await server.close();
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, Chromium ${browser.version()} headless; WebGPU adapter: ${adapter ?? 'none'}`;
  const body = table([...page, ...node]);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`Machine: ${machine}\n\n${body}\n\n(bench ran ${seconds} s)`);
  const doc = [
    '# Benchmarks',
    '',
    'Measured by `npm run bench` (bench/run.ts): it builds the harness page (bench/page), runs it in headless',
    'Chromium with `--enable-unsafe-webgpu`, and times the plain loop and the default scene in Node too.',
    'Every engine runs the same work: Adam (lr 0.01) on the quadratic ravine w1² + 25w2² from reproducible',
    'random starts. "WebGPU engine" is the generated batch kernel (all steps inside one dispatch, state in',
    'registers, summaries read back per dispatch); "one dispatch per step" is a straightforward port with the',
    'state in a storage buffer (bench/page/adamPerStep.wgsl, all dispatches in one submission); "CPU engine"',
    'is src/workers (float64, spec-exact update rules, particles split across Web Workers); "plain JS loop" is',
    'bench/plainLoop.ts; "tfjs ops" holds all particles in tensors and runs one op chain per step.',
    '',
    `Machine: ${machine}.`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)}; the whole run took ${seconds} s; load average before the run: ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores.`,
    'A load average above the core count means other processes shared the machine: every figure is then low and noisy.',
    '',
    body,
    '',
  ].join('\n');
  writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), doc);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
