/**
 * The only platform globals src/core may use, for its own type-check (tsconfig.core.json): WHATWG APIs
 * that Node, Web Workers and every browser provide alike. Anything else (window, document, navigator,
 * GPU…) fails to type-check in the core. The full app config uses the DOM library's declarations.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

/** Only as a type: the batch contract (src/engine/types.ts) takes one to cancel a batch. */
interface AbortSignal {
  readonly aborted: boolean;
}
