/** The active view and the network scene in links: round trips, damaged parts, old links untouched. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELEMENTWISE_OPTIMIZERS, NETWORK_LIMITS, networkSceneSchema, parseNetworkScene } from '../network';
import { parseScene } from '../scene';
import {
  validLinkState,
  validNetworkLinkState,
  validNetworkScene,
} from '../../../test/helpers/linkArbitraries';
import { decodeLink, encodeLink, MAX_LINK_LENGTH } from './index';

const explorer = parseScene({ surface: 'quadratic', optimizers: [{ type: 'SGD', lr: 0.035 }] });
if (!explorer.ok) throw new Error(explorer.errors.join('; '));
const scene = explorer.value;
const networkLink = (network: unknown, activeView = 'network') =>
  encodeLink({ scene, view: { activeView }, network: networkSceneSchema.parse(network) });

describe('network scenes in links', () => {
  it('decode(encode(state)) is the identity over random network scenes and views', () => {
    fc.assert(
      fc.property(validNetworkLinkState, (state) => {
        const link = encodeLink(state);
        const decoded = decodeLink(link);
        expect(decoded.warnings).toEqual([]);
        expect(decoded.state).toEqual(state);
        expect(link.length).toBeLessThan(MAX_LINK_LENGTH);
        expect(encodeLink(decoded.state)).toBe(link);
      }),
      { numRuns: 500 },
    );
  });

  it('a decoded network scene always passes the network schema', () => {
    fc.assert(
      fc.property(validNetworkScene, (network) => {
        const decoded = decodeLink(networkLink(network));
        expect(parseNetworkScene(decoded.state.network).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('links without a view or network keys decode as before', () => {
    fc.assert(
      fc.property(validLinkState, (state) => {
        const link = encodeLink(state);
        expect(link).not.toMatch(/&(view|net|nopt|nslice)=/);
        const decoded = decodeLink(link);
        expect(decoded.state.network).toBeUndefined();
        expect(decoded.state.view.activeView).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('writes a readable network link, every field explicit', () => {
    const link = networkLink({ dataset: 'circles', size: 120, layers: [8], activation: 'relu', init: 'he' });
    expect(link).toContain('&view=network&net=dataset:circles,size:120,noise:0.15,seed:1,layers:8,');
    expect(link).toContain('activation:relu,init:he,loss:cross-entropy,l2:0,steps:300,batchSize:32');
    expect(link).toContain('&nopt=SGD:lr=0.1,label=SGD;SGD:lr=0.05,momentum=0.9,label=momentum;Adam:lr=0.01');
    expect(link).toContain('&nslice=directions:random,seed:7,range:1,resolution:64,reference:best');
    expect(networkLink({ layers: [] })).toContain(',layers:,');
    expect(`#${link}`.length).toBeLessThan(400);
  });

  it('the explorer is the view a link leaves out; other views are named', () => {
    expect(encodeLink({ scene, view: { activeView: 'explorer' } })).not.toContain('view=');
    expect(encodeLink({ scene, view: { activeView: 'atlas' } })).toContain('&view=atlas');
    expect(decodeLink('v=1&s=quadratic&o=SGD&view=sweep').state.view.activeView).toBe('sweep');
    const bad = decodeLink('v=1&s=quadratic&o=SGD&view=%3Cscript%3E');
    expect(bad.state.view.activeView).toBeUndefined();
    expect(bad.warnings).toEqual(["view '%3Cscript%3E' is not a view id; the explorer opens"]);
  });

  it('a hand-written network link fills in the rest from the defaults', () => {
    const decoded = decodeLink('view=network&net=dataset:sine,layers:16-16&nopt=Adam:lr=0.02');
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.network).toEqual(
      networkSceneSchema.parse({
        dataset: 'sine',
        loss: 'mse',
        layers: [16, 16],
        optimizers: [{ type: 'Adam', lr: 0.02 }],
      }),
    );
  });

  it('damaged network parts give warnings and the nearest valid network, never a throw', () => {
    const decoded = decodeLink(
      'v=1&s=quadratic&o=SGD&view=network' +
        '&net=dataset:teapot,size:1e9,noise:x,layers:70-3-3-3-3-3,loss:cross-entropy,dataset:xor,foo:1' +
        '&nopt=Newton;Adam:off;Teapot;SGD:lr=0.2' +
        '&nslice=reference:9,range:0,resolution:8',
    );
    expect(decoded.warnings).toEqual([
      "network dataset: 'teapot' is not one of xor, circles, moons, spirals, blobs, sine; dropped",
      'network size: 1000000000 is outside integers [4, 2000]; using 2000',
      "network noise: 'x' is not a number; dropped",
      'network layers: more than 4 hidden layers; the rest dropped',
      'network layers: 70 is outside integers [1, 64]; using 64',
      "network: unknown field 'foo' ignored",
      expect.stringMatching(/^network optimizer 3: unknown type 'Teapot' dropped/),
      `network optimizer Newton dropped: network training supports ${ELEMENTWISE_OPTIMIZERS.join(', ')}`,
      "network optimizer Adam: 'off' is not supported; ignored",
      'network slice reference: 9 is outside integers [0, 5]; using 5',
      'network slice resolution: 8 is outside integers [16, 160]; using 16',
      'network slice.range: Too small: expected number to be >0; the default is used',
      "network slice.reference: slice.reference must name one of the optimizers; 'best' is used",
    ]);
    const network = decoded.state.network!;
    expect(parseNetworkScene(network).ok).toBe(true);
    expect(network).toMatchObject({
      dataset: 'xor',
      size: 2000,
      noise: 0.15,
      layers: [64, 3, 3, 3],
      optimizers: [{ type: 'Adam' }, { type: 'SGD', lr: 0.2 }],
      slice: { reference: 'best', range: 1, resolution: 16 },
    });
    expect(decoded.state.view.activeView).toBe('network');
  });

  it('a loss that does not fit the task becomes mse; missing parts take the defaults, with a warning', () => {
    const decoded = decodeLink('view=network&net=dataset:sine,loss:cross-entropy');
    expect(decoded.state.network?.loss).toBe('mse');
    expect(decoded.warnings).toEqual([
      'the link names no network optimizers (was it cut short?); the default ones are used',
      'network loss: cross-entropy needs a classification data set; use mse for sine regression; mse is used',
    ]);
    const cut = decodeLink('view=network&nopt=');
    expect(cut.state.network).toEqual(networkSceneSchema.parse({}));
    expect(cut.warnings).toEqual([
      'the link has no network data and model (net); the defaults are used',
      'no network optimizer in the link could be read; the default ones are used',
    ]);
  });

  it('caps the network optimizers at the network limit', () => {
    const decoded = decodeLink(`view=network&net=&nopt=${'Adam;'.repeat(10)}`);
    expect(decoded.state.network?.optimizers).toHaveLength(NETWORK_LIMITS.maxOptimizers);
    expect(decoded.warnings).toContain(
      `more than ${NETWORK_LIMITS.maxOptimizers} network optimizers; the rest dropped`,
    );
  });

  it('mutated network links never throw and always give a valid network scene', () => {
    const mutate = fc.oneof(
      fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1))),
      fc
        .tuple(fc.nat(), fc.string({ unit: fc.constantFrom(...':,;-=&~.e9x'.split('')), maxLength: 4 }))
        .map(([at, s]) => (text: string) => {
          const i = at % (text.length + 1);
          return text.slice(0, i) + s + text.slice(i + 1);
        }),
    );
    fc.assert(
      fc.property(validNetworkLinkState, fc.array(mutate, { minLength: 1, maxLength: 3 }), (state, edits) => {
        const input = edits.reduce((text, edit) => edit(text), encodeLink(state));
        const decoded = decodeLink(input);
        if (decoded.state.network) expect(parseNetworkScene(decoded.state.network).ok).toBe(true);
        expect(decoded.warnings.join('\n')).not.toMatch(/could not be read/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the activation-statistics experiment and the network lesson in links', () => {
  it('round-trips, every stats field written', () => {
    const link = networkLink({
      stats: { depth: 7, width: 300, activation: 'leaky-relu', init: 'he', gain: 0.5, batch: 1200, seed: 9 },
      lesson: 'zero-init',
      tab: 'stats',
    });
    expect(link).toContain(
      '&nstats=depth:7,width:300,activation:leaky-relu,init:he,gain:0.5,batch:1200,seed:9',
    );
    expect(link).toContain('&nlesson=zero-init&ntab=stats');
    const decoded = decodeLink(link);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.network?.stats).toEqual({
      depth: 7,
      width: 300,
      activation: 'leaky-relu',
      init: 'he',
      gain: 0.5,
      batch: 1200,
      seed: 9,
      norm: 'none',
    });
    expect(decoded.state.network?.lesson).toBe('zero-init');
    expect(decoded.state.network?.tab).toBe('stats');
  });

  it('norm is written only when set, so links from before it re-encode unchanged', () => {
    const link = networkLink({ stats: { norm: 'batch' } });
    expect(link).toContain(
      '&nstats=depth:10,width:500,activation:tanh,init:small,gain:1,batch:1000,seed:1,norm:batch',
    );
    expect(decodeLink(link).state.network?.stats?.norm).toBe('batch');
    expect(networkLink({ stats: {} })).toMatch(/nstats=[^&]*seed:1(&|$)/);
  });

  it('a network link from before the experiment opens with none set and no lesson', () => {
    const decoded = decodeLink('view=network&net=dataset:xor&nopt=Adam');
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.network?.stats).toBeUndefined();
    expect(decoded.state.network?.lesson).toBeUndefined();
    expect(decoded.state.network?.tab).toBeUndefined();
    expect(networkLink({})).not.toMatch(/nstats|nlesson|ntab/);
  });

  it('damaged stats fields are clamped or dropped with a warning; a bad lesson id is ignored', () => {
    const decoded = decodeLink(
      'view=network&net=&nopt=Adam&nstats=depth:99,width:x,activation:swish,init:he,gain:-3,batch:0,bogus:1' +
        '&nlesson=%3Cb%3E&ntab=weights',
    );
    expect(decoded.warnings).toEqual([
      'network statistics depth: 99 is outside integers [1, 20]; using 20',
      "network statistics width: 'x' is not a number; dropped",
      "network statistics activation: 'swish' is not one of tanh, sigmoid, relu, leaky-relu; dropped",
      'network statistics gain: -3 is outside [0, 100]; using 0',
      'network statistics batch: 0 is outside integers [1, 2000]; using 1',
      "network statistics: unknown field 'bogus' ignored",
      "network lesson '%3Cb%3E' is not a lesson id; ignored",
      "network tab 'weights' is not one of train, stats, digits, experiments; ignored",
    ]);
    expect(decoded.state.network?.stats).toEqual({
      depth: 20,
      width: 500,
      activation: 'tanh',
      init: 'he',
      gain: 0,
      batch: 1,
      seed: 1,
      norm: 'none',
    });
    expect(decoded.state.network?.lesson).toBeUndefined();
  });
});

describe('the digits experiment in links', () => {
  it('round-trips with its optimizers, every field written', () => {
    const link = networkLink({
      digits: {
        layers: [64, 16],
        activation: 'tanh',
        init: 'xavier',
        steps: 500,
        batchSize: 2000,
        seed: 4,
        optimizers: [{ type: 'Adam', lr: 0.002 }, { type: 'Adadelta' }],
      },
      tab: 'digits',
    });
    expect(link).toContain(
      '&ndigits=layers:64-16,activation:tanh,init:xavier,steps:500,batchSize:2000,seed:4',
    );
    expect(link).toMatch(/&ndopt=Adam:lr=0\.002[^&]*;Adadelta/);
    expect(link).toContain('&ntab=digits');
    const decoded = decodeLink(link);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.network?.digits?.layers).toEqual([64, 16]);
    expect(decoded.state.network?.digits?.optimizers.map((o) => o.type)).toEqual(['Adam', 'Adadelta']);
    expect(decoded.state.network?.tab).toBe('digits');
    expect(encodeLink(decoded.state)).toBe(link);
  });

  it('mode is written only when it is the batch comparison', () => {
    const link = networkLink({ digits: { mode: 'batch' } });
    expect(link).toMatch(/ndigits=[^&]*,seed:1,mode:batch(&|$)/);
    expect(decodeLink(link).state.network?.digits?.mode).toBe('batch');
    expect(networkLink({ digits: {} })).not.toContain('mode:');
  });

  it('loss and regularizer are written only when not the defaults', () => {
    const link = networkLink({ digits: { loss: 'hinge', regularizer: 'elastic', lambda: 0.003, beta: 0.5 } });
    expect(link).toMatch(/ndigits=[^&]*,seed:1,loss:hinge,regularizer:elastic,lambda:0\.003,beta:0\.5(&|$)/);
    const digits = decodeLink(link).state.network?.digits;
    expect([digits?.loss, digits?.regularizer, digits?.lambda, digits?.beta]).toEqual([
      'hinge',
      'elastic',
      0.003,
      0.5,
    ]);
    expect(networkLink({ digits: { regularizer: 'l2' } })).toMatch(/seed:1,regularizer:l2(&|$)/);
  });

  it('a link from before the digits opens with none set, and a scene without them writes no digits keys', () => {
    const decoded = decodeLink('view=network&net=dataset:xor&nopt=Adam&ntab=stats');
    expect(decoded.warnings).toEqual([]);
    expect(decoded.state.network?.digits).toBeUndefined();
    expect(networkLink({ tab: 'stats' })).not.toMatch(/ndigits|ndopt/);
  });

  it('damaged digits fields are clamped or dropped with a warning, and the rest still opens', () => {
    const decoded = decodeLink(
      'view=network&net=&nopt=Adam&ndigits=layers:999-x,steps:0,activation:swish,bogus:2&ndopt=Newton;Adam:lr=0.01&ntab=digits',
    );
    expect(decoded.warnings).toEqual([
      "network digits layers: '999-x' is not widths joined by '-'; dropped",
      'network digits steps: 0 is outside integers [1, 2000]; using 1',
      "network digits activation: 'swish' is not one of tanh, relu, sigmoid; dropped",
      "network digits: unknown field 'bogus' ignored",
      `digits optimizer Newton dropped: network training supports ${ELEMENTWISE_OPTIMIZERS.join(', ')}`,
    ]);
    const digits = decoded.state.network?.digits;
    expect(digits?.layers).toEqual([32]);
    expect(digits?.steps).toBe(1);
    expect(digits?.optimizers.map((o) => o.type)).toEqual(['Adam']);
    expect(decoded.state.network?.tab).toBe('digits');
  });

  it('an ndopt with nothing usable falls back to the default optimizers with a warning', () => {
    const decoded = decodeLink('view=network&net=&nopt=Adam&ndopt=Newton');
    expect(decoded.warnings).toContain(
      'no digits optimizer in the link could be read; the default ones are used',
    );
    expect(decoded.state.network?.digits?.optimizers.length).toBe(4);
  });
});
