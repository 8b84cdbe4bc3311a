/** Every link in test/fixtures/links still opens to the scene it opened to when it was written. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sceneToJson } from '../scene';
import { decodeLink, encodeLink, FORMAT_VERSION } from './index';

interface Entry {
  readonly name: string;
  readonly link: string;
  readonly expected: {
    scene: unknown;
    disabled: number[];
    view: Record<string, unknown>;
    /** Only in entries with a network scene (v1-network.json, damaged.json). */
    network?: unknown;
  };
  readonly warnings?: string[];
}

const folder = new URL('../../../test/fixtures/links/', import.meta.url);
const read = (file: string) =>
  JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as { version?: number; entries: Entry[] };
/** vN.json, and vN-<what>.json for keys a version gained later (v1-network.json). */
const versioned = readdirSync(folder).filter((file) => /^v\d+(-[a-z]+)?\.json$/.test(file));

describe('link corpus', () => {
  it('has a corpus for every format version up to the current one', () => {
    for (let v = 1; v <= FORMAT_VERSION; v++) expect(versioned).toContain(`v${v}.json`);
  });

  for (const file of versioned) {
    const corpus = read(file);
    describe(file, () => {
      for (const entry of corpus.entries) {
        it(`opens: ${entry.name}`, () => {
          const decoded = decodeLink(entry.link);
          expect(decoded.warnings).toEqual([]);
          expect(decoded.version).toBe(corpus.version);
          expect(sceneToJson(decoded.state.scene)).toEqual(entry.expected.scene);
          expect(decoded.state.disabled ?? []).toEqual(entry.expected.disabled);
          expect(decoded.state.view).toEqual(entry.expected.view);
          expect(decoded.state.network).toEqual(entry.expected.network);
          // The current version's links are canonical: re-encoding writes the very same text.
          if (corpus.version === FORMAT_VERSION) expect(`#${encodeLink(decoded.state)}`).toBe(entry.link);
        });
      }
    });
  }

  describe('damaged.json', () => {
    for (const entry of read('damaged.json').entries) {
      it(`recovers: ${entry.name}`, () => {
        const decoded = decodeLink(entry.link);
        expect(sceneToJson(decoded.state.scene)).toEqual(entry.expected.scene);
        expect(decoded.state.view).toEqual(entry.expected.view);
        expect(decoded.state.network).toEqual(entry.expected.network);
        expect(decoded.warnings).toEqual(entry.warnings);
      });
    }
  });
});
