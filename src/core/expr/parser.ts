import {
  BINARY_FUNCTIONS,
  UNARY_FUNCTIONS,
  VARIABLE_NAMES,
  binary,
  call,
  call2,
  isBinaryFunction,
  isReservedName,
  isUnaryFunction,
  negate,
  num,
  variable,
  type Expr,
} from './ast.ts';
import {
  ExpressionSyntaxError,
  MAX_EXPRESSION_LENGTH,
  MAX_NESTING_DEPTH,
  expressionError,
  type Result,
} from './errors.ts';
import { tokenize, type Token } from './tokenizer.ts';

export interface ParseOptions {
  /** Names the caller declares as constants (sliders). Reserved names (x, sin, pi, …) are ignored. */
  readonly constants?: Iterable<string>;
  /** Treat any other unknown identifier (not followed by '(') as a constant instead of an error. */
  readonly allowFreeConstants?: boolean;
}

export interface ParsedExpression {
  readonly ast: Expr;
  /** Named constants the expression reads, in order of first appearance. */
  readonly constantNames: readonly string[];
  /** True when the text writes the variables as x / y only (used to print derivatives the same way). */
  readonly usesXY: boolean;
}

const FUNCTION_LIST = [...UNARY_FUNCTIONS, ...BINARY_FUNCTIONS].join(', ');
const FUNCTION_HINTS: Readonly<Record<string, string>> = {
  ln: 'log',
  sgn: 'sign',
  sqr: 'sqrt',
  minimum: 'min',
  maximum: 'max',
  fabs: 'abs',
};

const isOperator = (t: Token, ...ops: string[]): boolean => t.kind === 'operator' && ops.includes(t.text);
const startsOperand = (t: Token): boolean =>
  t.kind === 'number' || t.kind === 'identifier' || t.kind === 'lparen';

class Parser {
  private index = 0;
  private depth = 0;
  private readonly constantOrder: string[] = [];
  private readonly constantSet = new Set<string>();
  private sawWNames = false;
  private sawXYNames = false;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly declared: ReadonlySet<string>,
    private readonly allowFree: boolean,
  ) {}

  parse(): ParsedExpression {
    const ast = this.parseSum();
    const t = this.peek();
    if (t.kind !== 'end') this.failAfterOperand(t, null);
    return { ast, constantNames: this.constantOrder, usesXY: this.sawXYNames && !this.sawWNames };
  }

  private peek(): Token {
    return this.tokens[this.index] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private previous(): Token | undefined {
    return this.index > 0 ? this.tokens[this.index - 1] : undefined;
  }

  private next(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return t;
  }

  private enter(at: Token): void {
    this.depth++;
    if (this.depth > MAX_NESTING_DEPTH) {
      throw new ExpressionSyntaxError(
        `expression is nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`,
        at.position,
        at.length,
      );
    }
  }

  private leave(): void {
    this.depth--;
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    for (let t = this.peek(); isOperator(t, '+', '-'); t = this.peek()) {
      this.next();
      left = binary(t.text === '+' ? '+' : '-', left, this.parseProduct());
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    for (let t = this.peek(); isOperator(t, '*', '/'); t = this.peek()) {
      this.next();
      left = binary(t.text === '*' ? '*' : '/', left, this.parseUnary());
    }
    return left;
  }

  /** Unary signs bind looser than '^': -x^2 = -(x^2). */
  private parseUnary(): Expr {
    const t = this.peek();
    if (isOperator(t, '+', '-')) {
      this.next();
      this.enter(t);
      const arg = this.parseUnary();
      this.leave();
      return t.text === '-' ? negate(arg) : arg;
    }
    return this.parsePower();
  }

  /** '^' is right-associative and its exponent may carry a sign: 2^-x^2 = 2^(-(x^2)). */
  private parsePower(): Expr {
    const base = this.parsePrimary();
    const t = this.peek();
    if (isOperator(t, '^')) {
      this.next();
      this.enter(t);
      const exponent = this.parseUnary();
      this.leave();
      return binary('^', base, exponent);
    }
    return base;
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.next();
        return num(t.value);
      case 'identifier':
        return this.parseIdentifier();
      case 'lparen': {
        this.next();
        this.enter(t);
        if (this.peek().kind === 'rparen') {
          throw new ExpressionSyntaxError(
            "empty parentheses '()'",
            t.position,
            this.peek().position + 1 - t.position,
          );
        }
        const inner = this.parseSum();
        this.expectClose(t, false);
        this.leave();
        return inner;
      }
      default:
        return this.failExpectedOperand(t);
    }
  }

  private failExpectedOperand(t: Token): never {
    const prev = this.previous();
    if (t.kind === 'end') {
      if (prev === undefined) throw new ExpressionSyntaxError('empty expression', 0, 0);
      throw new ExpressionSyntaxError(
        `unexpected end of expression after '${prev.text}'`,
        prev.position,
        prev.length,
      );
    }
    const after = prev === undefined ? '' : ` after '${prev.text}'`;
    throw new ExpressionSyntaxError(
      `unexpected '${t.text}'${after}: expected a number, a variable, a function or '('`,
      t.position,
      t.length,
    );
  }

  /** Called where an operand has just ended and the next token is neither an operator nor expected. */
  private failAfterOperand(t: Token, open: Token | null): never {
    const prev = this.previous();
    if (startsOperand(t) && prev !== undefined) {
      throw new ExpressionSyntaxError(
        `expected an operator between '${prev.text}' and '${t.text}' (use '*' to multiply)`,
        t.position,
        t.length,
      );
    }
    if (t.kind === 'rparen') {
      throw new ExpressionSyntaxError(
        "unbalanced parenthesis: ')' has no matching '('",
        t.position,
        t.length,
      );
    }
    if (t.kind === 'comma') {
      throw new ExpressionSyntaxError(
        "unexpected ',': commas only separate function arguments, as in min(a, b)",
        t.position,
        t.length,
      );
    }
    if (t.kind === 'end' && open !== null) {
      throw new ExpressionSyntaxError(
        `unbalanced parenthesis: missing ')' to close the '(' opened at position ${open.position}`,
        open.position,
        open.length,
      );
    }
    throw new ExpressionSyntaxError(`unexpected '${t.text}'`, t.position, t.length);
  }

  /** Consume the ')' matching `open` (true), or stop before a ',' when allowed (false). */
  private expectClose(open: Token, allowComma: boolean): boolean {
    const t = this.peek();
    if (t.kind === 'rparen') {
      this.next();
      return true;
    }
    if (allowComma && t.kind === 'comma') return false;
    return this.failAfterOperand(t, open);
  }

  private parseIdentifier(): Expr {
    const t = this.next();
    const name = t.text;
    const following = this.peek();
    if (following.kind === 'lparen') {
      if (isUnaryFunction(name) || isBinaryFunction(name)) return this.parseCall(t);
      if (this.isValueName(name)) {
        throw new ExpressionSyntaxError(
          `expected an operator between '${name}' and '(' (use '*' to multiply)`,
          following.position,
          following.length,
        );
      }
      const lower = name.toLowerCase();
      const suggestion =
        isUnaryFunction(lower) || isBinaryFunction(lower) ? lower : (FUNCTION_HINTS[lower] ?? null);
      const hint =
        suggestion !== null
          ? ` (did you mean '${suggestion}'?)`
          : lower === 'pow'
            ? ' (write a^b for powers)'
            : `: available functions are ${FUNCTION_LIST}`;
      throw new ExpressionSyntaxError(`unknown function '${name}'${hint}`, t.position, t.length);
    }
    if (isUnaryFunction(name) || isBinaryFunction(name)) {
      const example = isUnaryFunction(name) ? `${name}(x)` : `${name}(x, y)`;
      throw new ExpressionSyntaxError(
        `function '${name}' needs parentheses, e.g. ${example}`,
        t.position,
        t.length,
      );
    }
    const index = VARIABLE_NAMES[name];
    if (index !== undefined) {
      if (name === 'x' || name === 'y') this.sawXYNames = true;
      else this.sawWNames = true;
      return variable(index);
    }
    if (name === 'pi' || name === 'e') return { kind: 'mathConstant', name };
    if (this.declared.has(name) || this.allowFree) {
      if (!this.constantSet.has(name)) {
        this.constantSet.add(name);
        this.constantOrder.push(name);
      }
      return { kind: 'constant', name };
    }
    throw new ExpressionSyntaxError(
      `unknown variable '${name}': use w1, w2 (or x, y) or a named constant`,
      t.position,
      t.length,
    );
  }

  private isValueName(name: string): boolean {
    return VARIABLE_NAMES[name] !== undefined || name === 'pi' || name === 'e' || this.declared.has(name);
  }

  private parseCall(nameToken: Token): Expr {
    const name = nameToken.text;
    const open = this.next();
    this.enter(open);
    const args: Expr[] = [];
    if (this.peek().kind !== 'rparen') {
      for (;;) {
        args.push(this.parseSum());
        if (this.expectClose(open, true)) break;
        this.next(); // the comma
      }
    } else {
      this.next();
    }
    this.leave();
    const end = this.previous() as Token;
    const span = end.position + end.length - nameToken.position;
    if (isUnaryFunction(name)) {
      const [arg] = args;
      if (args.length !== 1 || arg === undefined) {
        throw new ExpressionSyntaxError(
          `function '${name}' takes 1 argument, got ${args.length}`,
          nameToken.position,
          span,
        );
      }
      return call(name, arg);
    }
    const [a, b] = args;
    if (!isBinaryFunction(name) || args.length !== 2 || a === undefined || b === undefined) {
      throw new ExpressionSyntaxError(
        `function '${name}' takes 2 arguments, got ${args.length}`,
        nameToken.position,
        span,
      );
    }
    return call2(name, a, b);
  }
}

/**
 * Parse an expression of the surface language. Never throws: every problem comes back as
 * `{ ok: false, error }` with the position and length of the offending text.
 */
export function parseExpression(text: string, options: ParseOptions = {}): Result<ParsedExpression> {
  try {
    if (typeof text !== 'string') {
      return { ok: false, error: expressionError('the expression must be text', 0, 0) };
    }
    if (text.length > MAX_EXPRESSION_LENGTH) {
      return {
        ok: false,
        error: expressionError(
          `expression is too long (${text.length} characters; the limit is ${MAX_EXPRESSION_LENGTH})`,
          MAX_EXPRESSION_LENGTH,
          text.length - MAX_EXPRESSION_LENGTH,
        ),
      };
    }
    const tokens = tokenize(text);
    if (tokens.length === 1) return { ok: false, error: expressionError('empty expression', 0, 0) };
    const declared = new Set<string>();
    for (const name of options.constants ?? []) {
      if (typeof name === 'string' && !isReservedName(name)) declared.add(name);
    }
    const parser = new Parser(tokens, declared, options.allowFreeConstants === true);
    return { ok: true, value: parser.parse() };
  } catch (err) {
    if (err instanceof ExpressionSyntaxError) {
      return { ok: false, error: expressionError(err.message, err.position, err.length) };
    }
    return { ok: false, error: expressionError('could not read the expression', 0, 0) };
  }
}

/**
 * Identifiers in the text that are neither variables, functions nor pi/e: the names the UI can offer
 * sliders for (then call compileExpression(text, { name: value, … })). Works on text that does not parse;
 * stops at the first character outside the language.
 */
export function findConstants(text: string): string[] {
  if (typeof text !== 'string') return [];
  const found: string[] = [];
  const seen = new Set<string>();
  let tokens: Token[];
  try {
    tokens = tokenize(text.slice(0, MAX_EXPRESSION_LENGTH));
  } catch (err) {
    const stop = err instanceof ExpressionSyntaxError ? err.position : 0;
    try {
      tokens = tokenize(text.slice(0, stop));
    } catch {
      return [];
    }
  }
  tokens.forEach((t, i) => {
    if (t.kind !== 'identifier' || isReservedName(t.text) || seen.has(t.text)) return;
    if (tokens[i + 1]?.kind === 'lparen') return; // a (mistyped) function name, not a constant
    seen.add(t.text);
    found.push(t.text);
  });
  return found;
}
