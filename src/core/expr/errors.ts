/** The one error shape of the expression language: a plain message and the span of text it is about. */
export interface ExpressionError {
  readonly message: string;
  /** 0-based index (UTF-16 code unit) of the first character concerned. */
  readonly position: number;
  /** Number of characters concerned; 0 for a point such as the end of the text. */
  readonly length: number;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExpressionError };

/** Internal: thrown inside the parser only, always caught at its public boundary. */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly length: number,
  ) {
    super(message);
  }
}

export function expressionError(message: string, position: number, length: number): ExpressionError {
  return { message, position: Math.max(0, position), length: Math.max(0, length) };
}

/** Longest input accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 500;
/** Deepest nesting of parentheses, function calls, unary signs and right-nested powers. */
export const MAX_NESTING_DEPTH = 64;
/** Largest derivative tree (expanded node count) the compiler accepts, per derivative. */
export const MAX_DERIVATIVE_NODES = 20_000;
