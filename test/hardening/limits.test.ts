/**
 * Issue 8, oversized requests: every documented limit (src/core/limits.ts, the network view's
 * NETWORK_LIMITS, the expression compiler's) is enforced where a request enters — rejected with a message
 * that names the field by the schema, clamped by the store — and the limits docs/limits.md states are the
 * ones in the code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, parseScene, resolveSurface } from '../../src/core';
import { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, compileExpression } from '../../src/core/expr';
import { MAX_LINK_LENGTH, decodeLink } from '../../src/core/link';
import { NETWORK_LIMITS, parseNetworkScene } from '../../src/nn/config';
import { useOptiscope } from '../../src/state/store';
import { MAX_SCENE_FILE_BYTES, readSceneFile } from '../../src/state/sceneFile';

const sgd = { type: 'SGD', lr: 0.1 };

function errorsOf(input: unknown): string {
  const parsed = parseScene(input);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? '' : parsed.errors.join('\n');
}

describe('the scene schema rejects oversized requests, naming the field', () => {
  it('steps, optimizer count, expression length, coordinates, label', () => {
    expect(errorsOf({ surface: 'quadratic', steps: LIMITS.maxSteps + 1, optimizers: [sgd] })).toMatch(
      /^steps: .*10000/,
    );
    expect(errorsOf({ surface: 'quadratic', optimizers: Array(LIMITS.maxOptimizers + 1).fill(sgd) })).toMatch(
      /^optimizers: .*24/,
    );
    expect(errorsOf({ surface: 'quadratic', optimizers: [] })).toMatch(/^optimizers: /);
    expect(errorsOf({ surface: { expression: 'x+'.repeat(300) + 'y' }, optimizers: [sgd] })).toMatch(
      /^surface\.expression: .*500/,
    );
    expect(errorsOf({ surface: 'quadratic', start: [2e6, 0], optimizers: [sgd] })).toMatch(/^start\[0\]: /);
    expect(errorsOf({ surface: 'quadratic', optimizers: [{ ...sgd, label: 'x'.repeat(61) }] })).toMatch(
      /^optimizers\[0\]\.label: /,
    );
    expect(errorsOf({ surface: 'quadratic', optimizers: [{ ...sgd, noise: 1e9 }] })).toMatch(
      /^optimizers\[0\]\.noise: /,
    );
  });

  it('limits at their exact value are accepted', () => {
    const parsed = parseScene({
      surface: { expression: `x^2 + y^2${' '.repeat(LIMITS.maxExpressionLength - 9)}` },
      steps: LIMITS.maxSteps,
      start: [LIMITS.maxCoordinate, -LIMITS.maxCoordinate],
      optimizers: Array(LIMITS.maxOptimizers).fill(sgd),
    });
    expect(parsed.ok).toBe(true);
  });

  it('the expression compiler refuses long and deep input with a position', () => {
    expect(MAX_EXPRESSION_LENGTH).toBe(LIMITS.maxExpressionLength);
    const long = compileExpression('x'.padEnd(MAX_EXPRESSION_LENGTH + 1, ' '));
    expect(long.ok).toBe(false);
    const deep = compileExpression(
      `${'('.repeat(MAX_NESTING_DEPTH + 1)}x${')'.repeat(MAX_NESTING_DEPTH + 1)}`,
    );
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.error.message.length).toBeGreaterThan(0);
    expect(resolveSurface({ expression: '('.repeat(5000) }).ok).toBe(false);
  });

  it('a scene file over the size limit is refused before parsing', () => {
    const loaded = readSceneFile(' '.repeat(MAX_SCENE_FILE_BYTES + 1));
    expect(loaded).toEqual({ ok: false, errors: [expect.stringMatching(/larger than/)] });
    expect(readSceneFile('{"surface": "quadratic", "optimizers": [')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^not JSON/)],
    });
  });

  it('a link over its length limit is cut, with a warning, and opens', () => {
    const decoded = decodeLink(`v=1&s=quadratic&o=SGD&x=${'a'.repeat(MAX_LINK_LENGTH)}`);
    expect(decoded.warnings.join('\n')).toMatch(/longer than/);
    expect(decoded.state.scene.surface).toBe('quadratic');
  });

  it('the network view refuses oversized networks and data sets', () => {
    const refused = (input: unknown) => {
      const parsed = parseNetworkScene(input) as { ok: boolean };
      expect(parsed.ok, JSON.stringify(input)).toBe(false);
    };
    expect(parseNetworkScene({}).ok).toBe(true);
    refused({ size: NETWORK_LIMITS.maxSize + 1 });
    refused({ layers: Array(NETWORK_LIMITS.maxLayers + 1).fill(4) });
    refused({ layers: [NETWORK_LIMITS.maxWidth + 1] });
    refused({ steps: NETWORK_LIMITS.maxSteps + 1 });
    refused({ optimizers: Array(NETWORK_LIMITS.maxOptimizers + 1).fill({ type: 'SGD' }) });
    refused({ slice: { resolution: NETWORK_LIMITS.maxResolution + 1 } });
  });
});

describe('the store clamps what the controls send', () => {
  it('steps, seed and the optimizer count stay within the limits', () => {
    const store = useOptiscope.getState();
    store.setSteps(1e9);
    expect(useOptiscope.getState().scene.steps).toBe(LIMITS.maxSteps);
    store.setSteps(-5);
    expect(useOptiscope.getState().scene.steps).toBe(1);
    store.setSeed(2 ** 40);
    expect(useOptiscope.getState().scene.seed).toBe(0xffffffff);
    for (let i = 0; i < LIMITS.maxOptimizers + 5; i++) store.addOptimizer('Adam');
    expect(useOptiscope.getState().scene.optimizers).toHaveLength(LIMITS.maxOptimizers);
    store.duplicateOptimizer(useOptiscope.getState().scene.optimizers[0]!.id);
    expect(useOptiscope.getState().scene.optimizers).toHaveLength(LIMITS.maxOptimizers);
  });

  it('NaN and infinities never reach the scene or the timeline', () => {
    const store = useOptiscope.getState();
    store.setSteps(50);
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      store.setSteps(bad);
      store.setSeed(bad);
      store.setStep(bad);
      const { scene, view } = useOptiscope.getState();
      expect(
        Number.isInteger(scene.steps) && scene.steps >= 1 && scene.steps <= LIMITS.maxSteps,
        `steps after ${bad}`,
      ).toBe(true);
      expect(Number.isInteger(scene.seed), `seed after ${bad}`).toBe(true);
      expect(
        Number.isInteger(view.step) && view.step >= 0 && view.step <= scene.steps,
        `step after ${bad}`,
      ).toBe(true);
    }
  });

  it('loadScene refuses an invalid scene and keeps the current one', () => {
    const before = useOptiscope.getState().scene;
    const errors = useOptiscope.getState().loadScene({ surface: 'quadratic', steps: 1e7, optimizers: [sgd] });
    expect(errors?.join()).toMatch(/steps/);
    expect(useOptiscope.getState().scene).toBe(before);
  });
});

describe('docs/limits.md states the limits the code enforces', () => {
  const doc = readFileSync(new URL('../../docs/limits.md', import.meta.url), 'utf8');
  const grouped = (n: number) => [
    String(n),
    n.toLocaleString('en-US'),
    n.toLocaleString('en-US').replace(/,/g, ' '),
  ];
  it.each([
    ['steps', LIMITS.maxSteps],
    ['optimizers', LIMITS.maxOptimizers],
    ['expression characters', LIMITS.maxExpressionLength],
    ['nesting depth', MAX_NESTING_DEPTH],
    ['link length', MAX_LINK_LENGTH],
    ['network points', NETWORK_LIMITS.maxSize],
    ['network steps', NETWORK_LIMITS.maxSteps],
  ])('%s: %d', (_what, limit) => {
    expect(grouped(limit).some((text) => doc.includes(text))).toBe(true);
  });
});
