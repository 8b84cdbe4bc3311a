import { describe, expect, it } from 'vitest';
import { findCycles, runtimeImports } from '../../scripts/check-cycles';

describe('the import-cycle check', () => {
  it('counts run-time imports only', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, f } from './e';",
      "export { g } from './g';",
      "export type { H } from './h';",
      "import shader from './kernel.wgsl?raw';",
      "import { z } from 'zod';",
      "// import { x } from './commented';",
      "const lazy = await import('./lazy');",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./a', './e', './g', './kernel.wgsl', './lazy']);
  });

  it('finds a cycle and its members, and none in a tree', () => {
    const cyclic = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(findCycles(cyclic)).toEqual([['a', 'b', 'c']]);
    expect(
      findCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
    expect(findCycles(new Map([['self', ['self']]]))).toEqual([['self']]);
  });
});
