/**
 * Damaged, truncated, hand-edited and random links: decoding never throws, never takes long, and always
 * yields a valid scene plus warnings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { parseScene, sceneToJson } from '../scene';
import { validLinkState } from '../../../test/helpers/linkArbitraries';
import { decodeLink, encodeLink } from './index';
import type { DecodedLink } from './types';

function expectUsable(input: string, decoded: DecodedLink) {
  const { state, warnings } = decoded;
  const reparsed = parseScene(sceneToJson(state.scene));
  expect(reparsed.ok, `${input} → ${JSON.stringify(reparsed)}`).toBe(true);
  expect(state.scene.optimizers.length).toBeGreaterThanOrEqual(1);
  expect(state.scene.optimizers.length).toBeLessThanOrEqual(LIMITS.maxOptimizers);
  expect(state.scene.steps).toBeLessThanOrEqual(LIMITS.maxSteps);
  if (typeof state.scene.surface !== 'string') {
    expect(state.scene.surface.expression.length).toBeLessThanOrEqual(LIMITS.maxExpressionLength);
  }
  if (state.view.step !== undefined) {
    expect(state.view.step).toBeGreaterThanOrEqual(0);
    expect(state.view.step).toBeLessThanOrEqual(state.scene.steps);
  }
  for (const i of state.disabled ?? []) expect(i).toBeLessThan(state.scene.optimizers.length);
  expect(state.disabled?.length ?? 0).toBeLessThan(state.scene.optimizers.length);
  for (const warning of warnings) expect(typeof warning).toBe('string');
  // The catch-all error path is a last resort; the field-by-field recovery should handle everything.
  expect(warnings.join('\n')).not.toMatch(/could not be read/);
}

function decodeTimed(input: string): DecodedLink {
  const started = performance.now();
  const decoded = decodeLink(input);
  // Generous: a cold JIT or a GC pause under a parallel test run can take a few hundred ms.
  expect(performance.now() - started).toBeLessThan(1000);
  return decoded;
}

/** Characters that matter to the grammar, plus a few that do not. */
const LINK_CHARS = fc.constantFrom(
  ...'&=;,:~%-.0123456789eEvmsecwbnrkptzlo#?+ _AaSGDdx\u00e9\u{1f600}'.split(''),
);

type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1))),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(([at, n]) => (text: string) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + text.slice(i + n);
  }),
  fc
    .tuple(fc.nat(), fc.string({ unit: LINK_CHARS, minLength: 1, maxLength: 6 }))
    .map(([at, s]) => (text: string) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + s + text.slice(i);
    }),
  fc.tuple(fc.nat(), LINK_CHARS).map(([at, c]) => (text: string) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + c + text.slice(i + 1);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (text: string) => {
    const parts = text.split('&');
    const i = a % parts.length;
    const j = b % parts.length;
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
    return parts.join('&');
  }),
  fc.constantFrom<Mutation>(
    (text) => text.replace(/v=1/, 'v=2'),
    (text) => text.replace(/m=1/, 'm=9'),
    (text) => text.replace(/n=\d+/, 'n=99999999'),
    (text) => text.replace(/lr=[^,;&]+/, 'lr=1e308'),
    (text) => text.replace(/=/g, '=='),
    (text) => text + text,
    (text) => text.toUpperCase(),
    (text) => {
      try {
        return decodeURIComponent(text); // a link whose escapes a mail client undid
      } catch {
        return text;
      }
    },
  ),
);

const HANDWRITTEN = fc
  .array(
    fc.tuple(
      fc.constantFrom('v', 'm', 's', 'e', 'c', 'w', 'b', 'n', 'r', 'k', 'p', 't', 'z', 'l', 'o', 'x', ''),
      fc.oneof(
        fc.string({ unit: LINK_CHARS, maxLength: 30 }),
        fc.constantFrom(
          'd:',
          't:',
          'quadratic',
          'Adam:lr=2',
          'SGD;Adam;RMSprop',
          '1e999',
          '-0',
          'NaN',
          '1,2,3,4',
        ),
      ),
    ),
    { maxLength: 12 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

describe('decoding damaged links', () => {
  it('mutated valid links open a valid scene', () => {
    fc.assert(
      fc.property(validLinkState, fc.array(mutation, { minLength: 1, maxLength: 4 }), (state, mutations) => {
        const input = mutations.reduce((text, mutate) => mutate(text), encodeLink(state));
        expectUsable(input, decodeTimed(input));
      }),
      { numRuns: 5000 },
    );
  });

  it('hand-written key=value soup opens a valid scene', () => {
    fc.assert(
      fc.property(HANDWRITTEN, (input) => expectUsable(input, decodeTimed(input))),
      { numRuns: 3000 },
    );
  });

  it('arbitrary strings open a valid scene', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (input) =>
        expectUsable(input, decodeTimed(input)),
      ),
      { numRuns: 2000 },
    );
  });

  it('a compressed "bomb" or a very long link costs bounded work', () => {
    const bomb = `v=1&e=d:${'A'.repeat(20_000)}&o=SGD`;
    const huge = `v=1&o=${'SGD:lr=0.1;'.repeat(50_000)}`;
    for (const input of [bomb, huge]) expectUsable(input.slice(0, 60), decodeTimed(input));
    expect(decodeLink(huge).state.scene.optimizers).toHaveLength(LIMITS.maxOptimizers);
  });
});
