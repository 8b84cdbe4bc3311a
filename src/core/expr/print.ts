import type { Expr, UnaryFunction } from './ast.ts';

/** Binding strength of printed text: what an enclosing operator needs to decide on parentheses. */
const SUM = 1;
const PRODUCT = 2;
const UNARY = 3;
const POWER = 4;
const ATOM = 5;

interface Printed {
  readonly text: string;
  readonly prec: number;
}

export interface PrintOptions {
  /** Print w1, w2 as x, y (when the user wrote them that way). */
  readonly useXY?: boolean;
}

const paren = (p: Printed): string => `(${p.text})`;

/**
 * Print a tree back in the expression language, with as few parentheses as keep its value.
 * Everything but `select` (which only derivatives of min/max contain, shown as `(a <= b ? x : y)`)
 * parses back to an expression of the same value.
 */
export function printExpression(e: Expr, options: PrintOptions = {}): string {
  const names = options.useXY === true ? ['x', 'y'] : ['w1', 'w2'];
  const fmt = (node: Expr): Printed => {
    switch (node.kind) {
      case 'number': {
        const text = String(node.value);
        return { text, prec: node.value < 0 ? UNARY : ATOM };
      }
      case 'mathConstant':
        return { text: node.name, prec: ATOM };
      case 'variable':
        return { text: names[node.index] ?? 'w1', prec: ATOM };
      case 'constant':
        return { text: node.name, prec: ATOM };
      case 'negate': {
        const a = fmt(node.arg);
        if (a.prec <= SUM || a.text.startsWith('-')) return { text: `-${paren(a)}`, prec: UNARY };
        // -a*b reads (and evaluates) the same as -(a*b).
        return { text: `-${a.text}`, prec: a.prec === PRODUCT ? PRODUCT : UNARY };
      }
      case 'binary': {
        const l = fmt(node.left);
        const r = fmt(node.right);
        switch (node.op) {
          case '+':
          case '-': {
            const rt = r.prec <= SUM || r.text.startsWith('-') ? paren(r) : r.text;
            return { text: `${l.text} ${node.op} ${rt}`, prec: SUM };
          }
          case '*':
          case '/': {
            const lt = l.prec < PRODUCT ? paren(l) : l.text;
            // a*(b*c) prints as a*b*c (same value up to rounding); a/(b*c) keeps its parentheses.
            const flat = node.op === '*' && r.prec === PRODUCT && !r.text.startsWith('-');
            const rt = r.prec < POWER && !flat ? paren(r) : r.text;
            return { text: `${lt}${node.op}${rt}`, prec: PRODUCT };
          }
          case '^': {
            const lt = l.prec < ATOM ? paren(l) : l.text;
            const rt = r.prec < UNARY ? paren(r) : r.text;
            return { text: `${lt}^${rt}`, prec: POWER };
          }
        }
        break;
      }
      case 'call':
        return { text: `${node.fn}(${fmt(node.arg).text})`, prec: ATOM };
      case 'call2':
        return { text: `${node.fn}(${fmt(node.a).text}, ${fmt(node.b).text})`, prec: ATOM };
      case 'select': {
        const cond = `${fmt(node.left).text} ${node.cmp} ${fmt(node.right).text}`;
        return { text: `(${cond} ? ${fmt(node.ifTrue).text} : ${fmt(node.ifFalse).text})`, prec: ATOM };
      }
    }
    return { text: '?', prec: ATOM };
  };
  return fmt(e).text;
}

function latexNumber(value: number): string {
  const text = String(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  const m = /^([0-9.]+)e([+-])([0-9]+)$/.exec(text);
  if (m === null) return sign + text;
  const exponent = m[2] === '-' ? `-${m[3]}` : m[3];
  return `${sign}${m[1]} \\times 10^{${exponent}}`;
}

function latexName(name: string): string {
  if (name.length === 1) return name;
  const indexed = /^([A-Za-z])_?([0-9]+)$/.exec(name);
  if (indexed !== null) return `${indexed[1]}_{${indexed[2]}}`;
  return `\\mathrm{${name.replace(/_/g, '\\_')}}`;
}

const LATEX_FUNCTIONS: Readonly<Record<UnaryFunction, (arg: string) => string>> = {
  sqrt: (a) => `\\sqrt{${a}}`,
  exp: (a) => `\\exp\\left(${a}\\right)`,
  log: (a) => `\\log\\left(${a}\\right)`,
  sin: (a) => `\\sin\\left(${a}\\right)`,
  cos: (a) => `\\cos\\left(${a}\\right)`,
  tanh: (a) => `\\tanh\\left(${a}\\right)`,
  abs: (a) => `\\left|${a}\\right|`,
  sign: (a) => `\\operatorname{sign}\\left(${a}\\right)`,
};

/** LaTeX-like rendering for display, e.g. `w_1^{2} + 25 w_2^{2}`. */
export function printLatex(e: Expr, options: PrintOptions = {}): string {
  const names = options.useXY === true ? ['x', 'y'] : ['w_1', 'w_2'];
  const lparen = (p: Printed): string => `\\left(${p.text}\\right)`;
  const fmt = (node: Expr): Printed => {
    switch (node.kind) {
      case 'number':
        return { text: latexNumber(node.value), prec: node.value < 0 ? UNARY : ATOM };
      case 'mathConstant':
        return { text: node.name === 'pi' ? '\\pi' : 'e', prec: ATOM };
      case 'variable':
        return { text: names[node.index] ?? 'w_1', prec: ATOM };
      case 'constant':
        return { text: latexName(node.name), prec: ATOM };
      case 'negate': {
        const a = fmt(node.arg);
        const body = a.prec <= SUM || a.text.startsWith('-') ? lparen(a) : a.text;
        return { text: `-${body}`, prec: UNARY };
      }
      case 'binary': {
        const l = fmt(node.left);
        const r = fmt(node.right);
        switch (node.op) {
          case '+':
          case '-': {
            const rt = r.prec <= SUM || r.text.startsWith('-') ? lparen(r) : r.text;
            return { text: `${l.text} ${node.op} ${rt}`, prec: SUM };
          }
          case '*': {
            const lt = l.prec <= SUM ? lparen(l) : l.text;
            const rt = r.prec <= SUM || r.text.startsWith('-') ? lparen(r) : r.text;
            const joiner = /^[0-9.]/.test(rt) ? ' \\cdot ' : ' ';
            return { text: `${lt}${joiner}${rt}`, prec: PRODUCT };
          }
          case '/':
            return { text: `\\frac{${l.text}}{${r.text}}`, prec: POWER };
          case '^': {
            const lt = l.prec < ATOM ? lparen(l) : l.text;
            return { text: `${lt}^{${r.text}}`, prec: POWER };
          }
        }
        break;
      }
      case 'call':
        return { text: LATEX_FUNCTIONS[node.fn](fmt(node.arg).text), prec: ATOM };
      case 'call2':
        return {
          text: `\\${node.fn}\\left(${fmt(node.a).text}, ${fmt(node.b).text}\\right)`,
          prec: ATOM,
        };
      case 'select': {
        const cmp = node.cmp === '<=' ? '\\le' : '\\ge';
        const cond = `${fmt(node.left).text} ${cmp} ${fmt(node.right).text}`;
        const text = `\\begin{cases} ${fmt(node.ifTrue).text} & ${cond} \\\\ ${fmt(node.ifFalse).text} & \\text{otherwise} \\end{cases}`;
        return { text, prec: ATOM };
      }
    }
    return { text: '?', prec: ATOM };
  };
  return fmt(e).text;
}
