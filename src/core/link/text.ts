/**
 * Free text (an expression, a label) inside a link. Each encoded text carries a codec tag so a decoder
 * knows how it was written, and decoders keep every tag ever written:
 *   t:<percent-encoded UTF-8>            plain, readable
 *   d:<base64url of raw DEFLATE (RFC 1951) of UTF-8>   compressed, used only when shorter
 * The codec is synchronous and Node-safe: fflate's deflateSync/inflateSync produce and read the same
 * bytes as the browsers' CompressionStream('deflate-raw'), so a link written by either opens in both.
 */
import { deflateSync, inflateSync } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';

export const TEXT_CODECS = ['t', 'd'] as const;
export type TextCodec = (typeof TEXT_CODECS)[number];

export type TextResult = { ok: true; text: string } | { ok: false; error: string };

/** encodeURIComponent leaves !'()*~ as they are; `~` separates pairs in our grammar, so escape it too. */
export function escapeText(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function unescapeText(text: string): TextResult {
  try {
    return { ok: true, text: decodeURIComponent(text) };
  } catch {
    return { ok: false, error: 'malformed percent-encoding' };
  }
}

/**
 * Text whose value runs to the next `&` (an expression) keeps the arithmetic readable: + * / ( ) , stay as
 * they are (a fragment may hold them); `^` and spaces are escaped because chat apps' link detectors stop there.
 */
export function escapeFreeText(text: string): string {
  return escapeText(text).replace(/%2B|%2F|%2C|%28|%29|%2A/g, (code) =>
    String.fromCharCode(parseInt(code.slice(1), 16)),
  );
}

/** Plain unless compression saves at least a fifth: a person can read the plain form. */
export function encodeTaggedText(text: string): string {
  const plain = `t:${escapeFreeText(text)}`;
  const compressed = `d:${toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }))}`;
  return compressed.length < 0.8 * plain.length ? compressed : plain;
}

/**
 * Reads a tagged text of at most `maxLength` characters. Inflation writes into a fixed buffer, so a
 * crafted "zip bomb" costs at most that buffer, never unbounded memory or time.
 */
export function decodeTaggedText(tagged: string, maxLength: number): TextResult {
  const colon = tagged.indexOf(':');
  const tag = colon < 0 ? '' : tagged.slice(0, colon);
  const body = colon < 0 ? tagged : tagged.slice(colon + 1);
  let result: TextResult;
  switch (tag) {
    case 't':
      result = unescapeText(body);
      break;
    case 'd':
      result = inflateText(body, maxLength);
      break;
    default:
      // Untagged (hand-written) text is read as plain, which is what a person typing a link means.
      result = colon < 0 ? unescapeText(body) : { ok: false, error: `unknown text codec '${tag}'` };
  }
  if (result.ok && result.text.length > maxLength) {
    return { ok: false, error: `longer than ${maxLength} characters` };
  }
  return result;
}

function inflateText(body: string, maxLength: number): TextResult {
  const bytes = fromBase64Url(body);
  if (!bytes) return { ok: false, error: 'not base64url' };
  // UTF-8 needs at most 4 bytes per UTF-16 unit; one byte more tells "too long" from "exactly full".
  const capacity = 4 * maxLength + 1;
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(bytes, { out: new Uint8Array(capacity) });
  } catch {
    return { ok: false, error: 'damaged compressed data' };
  }
  if (inflated.length >= capacity) return { ok: false, error: `longer than ${maxLength} characters` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, error: 'compressed data is not UTF-8 text' };
  }
}
