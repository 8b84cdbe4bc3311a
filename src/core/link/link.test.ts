import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../scene';
import { validLinkState } from '../../../test/helpers/linkArbitraries';
import { decodeLink, encodeLink, MAX_LINK_LENGTH } from './index';

// The app's opening scene, copied from src/state/defaultScene.ts (core may not import the state layer).
const DEFAULT_SCENE = {
  surface: 'quadratic',
  start: [-1, -1],
  steps: 150,
  optimizers: [
    { type: 'SGD', label: 'SGD', lr: 0.035 },
    { type: 'SGD', label: 'SGD + momentum', lr: 0.01, momentum: 0.9 },
    { type: 'SGD', label: 'Nesterov', lr: 0.01, momentum: 0.9, nesterov: true },
    { type: 'Adagrad', lr: 0.4 },
    { type: 'RMSprop', lr: 0.05, alpha: 0.9 },
    { type: 'Adam', lr: 0.1 },
  ],
};

describe('link codec', () => {
  it('decode(encode(state)) is the identity over random valid scenes', () => {
    fc.assert(
      fc.property(validLinkState, (state) => {
        const link = encodeLink(state);
        const decoded = decodeLink(link);
        expect(decoded.warnings).toEqual([]);
        expect(decoded.state).toEqual(state);
        expect(link.length).toBeLessThan(MAX_LINK_LENGTH);
        // Canonical: encoding the decoded state gives the same text.
        expect(encodeLink(decoded.state)).toBe(link);
      }),
      { numRuns: 1000 },
    );
  });

  it("writes the default scene's link in under 300 characters", () => {
    const parsed = parseScene(DEFAULT_SCENE);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const link = encodeLink({
      scene: parsed.value,
      view: { step: 150, panels: ['inside', 'loss', 'effectiveLr', 'convergence'], theme: 'system' },
    });
    expect(link).toMatch(/^v=1&m=1&s=quadratic&w=-1,-1&n=150&/);
    expect(`#${link}`.length).toBeLessThan(300);
  });

  it('reads a pasted URL, a bare hash or the text itself', () => {
    const body = 'v=1&s=rosenbrock&n=20&o=Adam:lr=0.05';
    for (const input of [body, `#${body}`, `https://example.org/optiscope/?embed&theme=dark#${body}`]) {
      const { state, warnings } = decodeLink(input);
      expect(warnings).toEqual([]);
      expect(state.scene.surface).toBe('rosenbrock');
      expect(state.scene.optimizers[0]?.hyperparameters.lr).toBe(0.05);
    }
  });

  it('prints numbers in their shortest round-tripping form', () => {
    const parsed = parseScene({
      surface: 'quadratic',
      start: [0.1, -1e-7],
      optimizers: [{ type: 'Adam', lr: 0.0003, betas: [0.8, 0.99], eps: 1e-9 }],
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const link = encodeLink({ scene: parsed.value, view: {} });
    expect(link).toBe('v=1&m=1&s=quadratic&w=0.1,-1e-7&n=100&o=Adam:lr=0.0003,betas=0.8~0.99,eps=1e-9');
  });

  it('compresses a long expression and tags its codec', () => {
    const expression = Array.from({ length: 12 }, (_, i) => `sin(${i + 1}*w1)*cos(${i + 1}*w2)`).join(' + ');
    const parsed = parseScene({ surface: { expression }, optimizers: [{ type: 'SGD' }] });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const link = encodeLink({ scene: parsed.value, view: {} });
    expect(link).toMatch(/&e=d:[A-Za-z0-9_-]+&/);
    expect(decodeLink(link).state.scene.surface).toEqual({ expression });
  });
});
