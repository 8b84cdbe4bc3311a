/** The training experiments in links: round trip, a damaged nexp, and links from before it. */
import { describe, expect, it } from 'vitest';
import { networkSceneSchema } from '../network';
import { parseScene } from '../scene';
import { decodeLink, encodeLink } from './index';

const explorer = parseScene({ surface: 'quadratic', optimizers: [{ type: 'SGD', lr: 0.035 }] });
if (!explorer.ok) throw new Error(explorer.errors.join('; '));
const link = (network: unknown) =>
  encodeLink({
    scene: explorer.value,
    view: { activeView: 'network' },
    network: networkSceneSchema.parse(network),
  });

describe('training experiments in links', () => {
  it('round-trip with every field written, and the experiments tab', () => {
    const url = link({
      experiments: {
        kind: 'batchnorm',
        depth: 8,
        width: 16,
        activation: 'relu',
        lr: 0.5,
        ratio: 40,
        correlation: -0.3,
      },
      tab: 'experiments',
    });
    expect(url).toContain(
      '&nexp=kind:batchnorm,offset:3,ratio:40,correlation:-0.3,points:200,dataSeed:1,depth:8,width:16,activation:relu,lr:0.5,gradientDepth:10,gradientLr:0.1,steps:200,batchSize:50,seed:1',
    );
    expect(url).toContain('&ntab=experiments');
    const decoded = decodeLink(url);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.network?.experiments?.kind).toBe('batchnorm');
    expect(decoded.state.network?.experiments?.activation).toBe('relu');
    expect(decoded.state.network?.tab).toBe('experiments');
    expect(encodeLink(decoded.state)).toBe(url);
  });

  it('a damaged nexp keeps what it can, clamps, and says what it dropped', () => {
    const good = link({ experiments: { kind: 'gradients' }, tab: 'experiments' });
    const damaged = good.replace(
      /nexp=[^&]*/,
      'nexp=kind:gradients,depth:999,activation:softsign,lr:-3,bogus:1,steps:abc',
    );
    const decoded = decodeLink(damaged);
    const experiments = decoded.state.network?.experiments;
    expect(experiments?.kind).toBe('gradients');
    expect(experiments?.depth).toBe(16);
    expect(experiments?.activation).toBe('tanh');
    expect(experiments?.lr).toBe(1);
    expect(experiments?.steps).toBe(200);
    const text = decoded.warnings.join('\n');
    expect(text).toMatch(/softsign/);
    expect(text).toMatch(/bogus/);
    expect(text).toMatch(/abc/);
    expect(text).toMatch(/lr/);
  });

  it('a link from before the experiments opens without them, and re-encodes to the same text', () => {
    const old = link({ stats: { depth: 10 }, tab: 'stats' });
    expect(old).not.toContain('nexp');
    const decoded = decodeLink(old);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.network?.experiments).toBeUndefined();
    expect(encodeLink(decoded.state)).toBe(old);
  });
});

describe("the training tab's hinge loss and L1 penalty in links", () => {
  it('l1 is written only when set, hinge as a loss; both round-trip', () => {
    const plain = link({});
    expect(plain).not.toContain('l1:');
    const url = link({ loss: 'hinge', l1: 0.003 });
    expect(url).toContain('loss:hinge,l2:0,l1:0.003,steps:');
    const decoded = decodeLink(url);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.network?.loss).toBe('hinge');
    expect(decoded.state.network?.l1).toBe(0.003);
    expect(encodeLink(decoded.state)).toBe(url);
  });

  it('hinge on the sine regression becomes mse, with a warning; a negative l1 is clamped to 0', () => {
    const url = link({}).replace(
      /net=[^&]*/,
      (net) =>
        net.replace('dataset:moons', 'dataset:sine').replace('loss:cross-entropy', 'loss:hinge') + ',l1:-2',
    );
    const decoded = decodeLink(url);
    expect(decoded.state.network?.loss).toBe('mse');
    expect(decoded.state.network?.l1).toBe(0);
    expect(decoded.warnings.join('\n')).toMatch(
      /hinge needs a classification data set; use mse for sine regression; mse is used/,
    );
    expect(decoded.warnings.join('\n')).toMatch(/l1: -2 is outside/);
  });
});
