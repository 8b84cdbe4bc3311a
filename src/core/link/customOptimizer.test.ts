import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '.';
import { parseScene } from '../scene';
import { CUSTOM_TYPE, TYPED_LION } from '../optimizers/custom';

function typedScene() {
  const parsed = parseScene({
    surface: 'rosenbrock',
    steps: 200,
    optimizers: [
      { type: 'Adam', lr: 0.05 },
      { type: CUSTOM_TYPE, lr: 0.01, beta1: 0.8, label: 'mine' },
    ],
    customOptimizer: TYPED_LION,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
}

describe('a typed optimizer in a permalink', () => {
  it('round-trips: the definition, its optimizer and that optimizer’s values', () => {
    const link = encodeLink({ scene: typedScene(), view: {} });
    expect(link).toMatch(/&opt=[td]:/);
    expect(link).toContain('o=Adam:lr=0.05;Custom:lr=0.01,beta1=0.8,label=mine');
    const decoded = decodeLink(link);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.scene.customOptimizer).toEqual(TYPED_LION);
    const typed = decoded.state.scene.optimizers[1]!;
    expect(typed.type).toBe(CUSTOM_TYPE);
    expect(typed.hyperparameters).toEqual({ lr: 0.01, beta1: 0.8, beta2: 0.99, decay: 0 });
    expect(encodeLink(decoded.state)).toBe(link);
  });

  it('a link cut before its definition opens the rest, and says what was dropped', () => {
    const link = encodeLink({ scene: typedScene(), view: {} });
    const decoded = decodeLink(link.slice(0, link.indexOf('&opt=')));
    expect(decoded.state.scene.optimizers.map((o) => o.type)).toEqual(['Adam']);
    expect(decoded.warnings).toEqual([
      'optimizer 2: a typed optimizer, but the link has no definition (was it cut short?); dropped',
    ]);
  });

  it('a damaged definition is dropped with its optimizers and a reason', () => {
    const link = encodeLink({ scene: typedScene(), view: {} }).replace(/&opt=.*$/, '');
    const bad = { ...TYPED_LION, step: ['w = w - lr * sign(q)'] };
    const damaged = decodeLink(`${link}&opt=t:${encodeURIComponent(JSON.stringify(bad))}`);
    expect(damaged.state.scene.optimizers.map((o) => o.type)).toEqual(['Adam']);
    expect(damaged.warnings[0]).toMatch(/^typed optimizer: unknown symbol 'q'.*dropped/);
    const garbage = decodeLink(`${link}&opt=t:%7Bnot-json`);
    expect(garbage.warnings).toContain('typed optimizer: not a definition (damaged JSON); dropped');
    expect(garbage.state.scene.optimizers).toHaveLength(1);
  });

  it('clamps a value outside its slider and ignores a key the definition does not have', () => {
    const link = encodeLink({ scene: typedScene(), view: {} }).replace('beta1=0.8', 'beta1=7,zeta=2');
    const decoded = decodeLink(link);
    expect(decoded.state.scene.optimizers[1]!.hyperparameters.beta1).toBe(0.999);
    expect(decoded.warnings.some((w) => /beta1/.test(w))).toBe(true);
    expect(decoded.warnings).toContain("optimizer 2: My Lion has no hyperparameter 'zeta'; ignored");
  });
});
