/** The command-line tracer: `npx tsx src/cli/trace.ts scene.json [--format json|csv]`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'optiscope-cli-'));

afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeScene(name: string, scene: unknown): string {
  const file = join(directory, name);
  writeFileSync(file, JSON.stringify(scene));
  return file;
}

function trace(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'src/cli/trace.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scene = {
  surface: 'rosenbrock',
  start: [-1.2, 1],
  steps: 25,
  optimizers: [
    { type: 'SGD', lr: 0.001, momentum: 0.9, label: 'SGD, momentum' },
    { type: 'Adam', lr: 0.05 },
  ],
};

describe('trace CLI', () => {
  it('prints JSON runs with steps + 1 path points', () => {
    const { status, stdout, stderr } = trace(writeScene('scene.json', scene));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const output = JSON.parse(stdout) as {
      surface: string;
      runs: { type: string; steps: number; path: [number, number][]; loss: number[] }[];
    };
    expect(output.surface).toBe('rosenbrock');
    expect(output.runs.map((r) => r.type)).toEqual(['SGD', 'Adam']);
    for (const run of output.runs) {
      expect(run.steps).toBe(25);
      expect(run.path).toHaveLength(26);
      expect(run.loss).toHaveLength(26);
      expect(run.path[0]).toEqual([-1.2, 1]);
      for (const [w1, w2] of run.path) {
        expect(Number.isFinite(w1)).toBe(true);
        expect(Number.isFinite(w2)).toBe(true);
      }
    }
  });

  it('prints CSV with a header and one row per point with --format csv', () => {
    const { status, stdout } = trace(writeScene('scene-csv.json', scene), '--format', 'csv');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 7)).toEqual(['run', 'type', 'label', 'step', 'w1', 'w2', 'loss']);
    expect(lines).toHaveLength(1 + 2 * 26);
    expect(lines[1]!.startsWith('0,SGD,"SGD, momentum",0,-1.2,1,')).toBe(true);
    const last = lines[lines.length - 1]!.split(',');
    expect(last.slice(0, 4)).toEqual(['1', 'Adam', 'Adam', '25']);
  });

  it('exits with code 2 and names the bad field of an invalid scene', () => {
    const bad = writeScene('bad.json', { surface: 'quadratic', optimizers: [{ type: 'Adam', lr: -1 }] });
    const { status, stdout, stderr } = trace(bad);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('optimizers[0].lr');
  });

  it('exits with code 2 on an unknown surface and on a missing file', () => {
    const unknown = trace(writeScene('unknown.json', { surface: 'nowhere', optimizers: [{ type: 'SGD' }] }));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('surface');
    const missing = trace(join(directory, 'does-not-exist.json'));
    expect(missing.status).toBe(2);
  });
});
