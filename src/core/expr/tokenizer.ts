import { ExpressionSyntaxError } from './errors.ts';

export type TokenKind = 'number' | 'identifier' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token ('' for the end token). `**` is normalised to `^`. */
  readonly text: string;
  readonly position: number;
  /** Characters the token spans in the source (2 for `**`). */
  readonly length: number;
  /** Parsed value of a number token. */
  readonly value: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isIdentPart = (c: string | undefined): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Show a character in a message, naming invisible ones. */
export function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${ch}'`;
}

/**
 * Split the text into tokens, ending with an `end` token. Linear in the length of the text.
 * Throws ExpressionSyntaxError (caught by the parser's public entry) on a character outside the language.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const push = (kind: TokenKind, start: number, end: number, value = Number.NaN, shown?: string): void => {
    tokens.push({ kind, text: shown ?? text.slice(start, end), position: start, length: end - start, value });
  };
  while (i < n) {
    const c = text[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
      while (isDigit(text[i])) i++;
      if (text[i] === '.') {
        i++;
        while (isDigit(text[i])) i++;
      }
      // Exponent only when digits follow: in `2e` the `e` is left for the parser to complain about.
      if (text[i] === 'e' || text[i] === 'E') {
        const sign = text[i + 1] === '+' || text[i + 1] === '-' ? 1 : 0;
        if (isDigit(text[i + 1 + sign])) {
          i += 1 + sign;
          while (isDigit(text[i])) i++;
        }
      }
      const literal = text.slice(start, i);
      const value = Number(literal);
      if (!Number.isFinite(value)) {
        throw new ExpressionSyntaxError(`number '${literal}' is too large`, start, i - start);
      }
      push('number', start, i, value);
      continue;
    }
    if (isIdentStart(c)) {
      while (isIdentPart(text[i])) i++;
      push('identifier', start, i);
      continue;
    }
    if (c === '*' && text[i + 1] === '*') {
      i += 2;
      push('operator', start, i, Number.NaN, '^');
      continue;
    }
    if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^') {
      i++;
      push('operator', start, i);
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      i++;
      push(c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', start, i);
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    let hint = '';
    if (ch === '\u2212') hint = " (use '-' for minus)";
    else if (ch === '\u00d7' || ch === '\u00b7' || ch === '\u22c5') hint = " (use '*' to multiply)";
    else if (ch === '\u00f7') hint = " (use '/' to divide)";
    else if (ch === '[' || ch === '{') hint = " (use '(' for grouping)";
    else if (ch === ']' || ch === '}') hint = " (use ')' for grouping)";
    throw new ExpressionSyntaxError(`unexpected character ${describeCharacter(ch)}${hint}`, start, ch.length);
  }
  push('end', n, n);
  return tokens;
}
