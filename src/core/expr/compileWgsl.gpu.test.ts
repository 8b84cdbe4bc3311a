/**
 * Runs the generated WGSL on a real WebGPU device (the `webgpu` package: Dawn for Node) and compares with
 * the CPU closures at float32 tolerance. Skips when no adapter is available. Without a system Vulkan it
 * uses Chromium's SwiftShader if installed (/usr/lib/chromium); the shader runs in a child process
 * (test/helpers/wgslGpuRunner.mjs) because the Vulkan loader path must be set before a process starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileExpression, type CompiledExpression, type WgslOptions } from './index.ts';
import { CORPUS, samplePoints } from '../../../test/helpers/expressionCorpus.ts';

interface GpuCase {
  readonly name: string;
  readonly surface: CompiledExpression;
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly options?: WgslOptions;
  readonly skip?: (w1: number, w2: number) => boolean;
}

function surface(text: string, constants: Record<string, number> = {}): CompiledExpression {
  const r = compileExpression(text, constants);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.surface;
}

const f32 = (p: readonly [number, number]): [number, number] => [Math.fround(p[0]), Math.fround(p[1])];

const CASES: GpuCase[] = [];
CORPUS.forEach((entry, k) => {
  const s = surface(entry.text, { ...entry.constants });
  const points = samplePoints(entry, 24, 500 + k).map(f32);
  const skip = entry.nonSmooth;
  CASES.push({ name: entry.text, surface: s, points, ...(skip ? { skip } : {}) });
  if (s.constantNames.length > 0) {
    const options: WgslOptions = { constantsArray: 'surface_constants' };
    CASES.push({
      name: `${entry.text} [constants buffer]`,
      surface: s,
      points,
      options,
      ...(skip ? { skip } : {}),
    });
  }
});
const SPECIAL: GpuCase[] = [
  {
    name: 'gaps: log(w1) + sqrt(w2)',
    surface: surface('log(w1) + sqrt(w2)'),
    points: [
      [-1, 1],
      [1, -1],
      [2, 3],
    ],
  },
  {
    name: 'negative bases: w1^3 + w2^-1',
    surface: surface('w1^3 + w2^-1'),
    points: [
      [-2, -2],
      [-1.5, -0.5],
    ],
  },
  {
    name: 'negative base, constant exponent from the buffer: x^k',
    surface: surface('x^k + y^k', { k: 3 }),
    points: [
      [-2, -1],
      [-1.5, 2],
    ],
    options: { constantsArray: 'surface_constants' },
  },
  {
    name: 'tanh saturates: tanh(20*w1)',
    surface: surface('tanh(20*w1) + w2'),
    points: [
      [5, 0],
      [-5, 1],
    ],
  },
];
CASES.push(...SPECIAL);

type Outcome =
  | { ok: true; results: Array<{ errors: string[]; out: Array<number | string> }> }
  | { ok: false; reason: string };

function runOnGpu(): Outcome {
  const runner = fileURLToPath(new URL('../../../test/helpers/wgslGpuRunner.mjs', import.meta.url));
  const env = { ...process.env };
  const swiftshader = '/usr/lib/chromium/vk_swiftshader_icd.json';
  if (env.VK_ICD_FILENAMES === undefined && existsSync(swiftshader)) {
    env.VK_ICD_FILENAMES = swiftshader;
    env.LD_LIBRARY_PATH = ['/usr/lib/chromium', env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  }
  const input = JSON.stringify({
    cases: CASES.map((c) => ({
      wgsl: c.surface.toWgsl(c.options),
      points: c.points.flat(),
      ...(c.options?.constantsArray !== undefined ? { constants: c.surface.constantValues() } : {}),
    })),
  });
  const child = spawnSync(process.execPath, [runner], {
    input,
    env,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    return JSON.parse(child.stdout) as Outcome;
  } catch {
    return { ok: false, reason: `runner failed: ${child.error?.message ?? child.stderr.slice(0, 500)}` };
  }
}

const outcome = runOnGpu();
const toNumber = (v: number | string): number => (typeof v === 'number' ? v : Number(v));

describe.skipIf(!outcome.ok)('WGSL on a WebGPU device agrees with the CPU', () => {
  const results = outcome.ok ? outcome.results : [];

  it('every generated shader compiles', () => {
    CASES.forEach((c, i) => expect(results[i]?.errors, c.name).toEqual([]));
  });

  CASES.forEach((c, i) => {
    it(c.name, () => {
      const out = (results[i]?.out ?? []).map(toNumber);
      const cpu = c.points.map(([x, y]) => [
        c.surface.value(x, y),
        ...c.surface.gradient(x, y),
        ...c.surface.hessian(x, y),
      ]);
      // Per output channel, float32 error is relative to the channel's magnitude over the sample.
      const scale = [0, 1, 2, 3, 4, 5].map((k) =>
        Math.max(1, ...cpu.map((row) => Math.abs(row[k] ?? 0)).filter(Number.isFinite)),
      );
      // WGSL only promises sin/cos to an absolute 2^-11 (tanh inherits that looseness); SwiftShader
      // uses the slack. Everything else must agree to a few float32 roundings.
      const tolerance = /sin|cos|tanh/.test(c.name) ? 1e-3 : 5e-5;
      let compared = 0;
      c.points.forEach(([x, y], p) => {
        if (c.skip?.(x, y)) return;
        for (let k = 0; k < 6; k++) {
          const want = cpu[p]?.[k] ?? NaN;
          const got = out[p * 6 + k] ?? NaN;
          const what = `${c.name}: output ${k} at (${x}, ${y})`;
          if (Number.isNaN(want)) {
            if (k === 0) expect(got, what).toBeNaN(); // gaps stay gaps
            continue;
          }
          if (!Number.isFinite(want)) continue;
          const allowed = tolerance * ((scale[k] ?? 1) + Math.abs(want));
          expect(Math.abs(got - want), `${what}: GPU ${got}, CPU ${want}`).toBeLessThanOrEqual(allowed);
          compared++;
        }
      });
      expect(compared).toBeGreaterThan(0);
    });
  });
});

describe('WebGPU availability', () => {
  it('reports why the GPU comparison was skipped', () => {
    if (!outcome.ok) console.info(`WGSL GPU tests skipped: ${outcome.reason}`);
    expect(typeof outcome.ok).toBe('boolean');
  });
});
