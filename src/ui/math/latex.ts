/**
 * Turns the core's LaTeX-like equations ("m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t") into readable
 * tokens: text with Unicode symbols, subscripts and superscripts. Not a TeX engine — just enough for the
 * optimizer and surface formulas, with no dependency and no network.
 */
export type MathToken = { kind: 'text' | 'sub' | 'sup'; text: string };

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  eta: 'η',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  rho: 'ρ',
  sigma: 'σ',
  Delta: 'Δ',
  Gamma: 'Γ',
  Lambda: 'Λ',
  Sigma: 'Σ',
  Phi: 'Φ',
  Omega: 'Ω',
  phi: 'φ',
  omega: 'ω',
  xi: 'ξ',
  kappa: 'κ',
  zeta: 'ζ',
  chi: 'χ',
  tau: 'τ',
  psi: 'ψ',
  theta: 'θ',
  pi: 'π',
  nabla: '∇',
  prod: '∏',
  sum: '∑',
  leftarrow: '←',
  rightarrow: '→',
  cdot: '·',
  times: '×',
  odot: '⊙',
  sim: '∼',
  approx: '≈',
  le: '≤',
  ge: '≥',
  infty: '∞',
  partial: '∂',
  max: 'max',
  min: 'min',
  exp: 'exp',
  log: 'log',
  sin: 'sin',
  cos: 'cos',
  tanh: 'tanh',
  sqrt: '√',
  quad: '  ',
  qquad: '    ',
  ',': ' ',
  ';': ' ',
  ' ': ' ',
  '!': '',
};
const ACCENTS: Record<string, string> = { hat: '\u0302', tilde: '\u0303', bar: '\u0304' };

/** The text of a {...} group (or a single token) starting at i; returns [content, next index]. */
function readGroup(source: string, i: number): [string, number] {
  while (source[i] === ' ') i++;
  if (source[i] === '{') {
    let depth = 1;
    let j = i + 1;
    while (j < source.length && depth > 0) {
      if (source[j] === '{') depth++;
      else if (source[j] === '}') depth--;
      j++;
    }
    return [source.slice(i + 1, j - 1), j];
  }
  if (source[i] === '\\') {
    const match = /^\\([A-Za-z]+|.)/.exec(source.slice(i));
    return [match ? match[0] : '\\', i + (match ? match[0].length : 1)];
  }
  return [source[i] ?? '', i + 1];
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
  t: 'ᵗ',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '(': '₍',
  ')': '₎',
  t: 'ₜ',
  i: 'ᵢ',
};

/** A sub/superscript as Unicode when every character has a form, else with an explicit ^ or _. */
function scriptText(text: string, kind: 'sub' | 'sup'): string {
  const table = kind === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
  const chars = [...text];
  if (chars.every((c) => c in table)) return chars.map((c) => table[c]).join('');
  const mark = kind === 'sup' ? '^' : '_';
  return chars.length === 1 ? `${mark}${text}` : `${mark}(${text})`;
}

/** Plain Unicode text of a fragment (used inside square roots, fractions and accents). */
export function latexToText(source: string): string {
  return tokenize(source)
    .map((token) => (token.kind === 'text' ? token.text : scriptText(token.text, token.kind)))
    .join('');
}

export function tokenize(source: string): MathToken[] {
  const tokens: MathToken[] = [];
  const push = (kind: MathToken['kind'], text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind === 'text') last.text += text;
    else if (text) tokens.push({ kind, text });
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '_' || c === '^') {
      const [group, next] = readGroup(source, i + 1);
      push(c === '_' ? 'sub' : 'sup', latexToText(group));
      i = next;
    } else if (c === '{' || c === '}') {
      i++;
    } else if (c === '\\') {
      const match = /^\\([A-Za-z]+|.)/.exec(source.slice(i));
      const name = match?.[1] ?? '';
      i += 1 + name.length;
      if (name === 'text' || name === 'mathrm' || name === 'operatorname') {
        const [group, next] = readGroup(source, i);
        push('text', group);
        i = next;
      } else if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
        const [numerator, afterNumerator] = readGroup(source, i);
        const [denominator, next] = readGroup(source, afterNumerator);
        // Wrap in parentheses unless the part is one symbol with scripts/accents (mₜ, β₁ᵗ, m̂).
        const bare = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
        const wrap = (s: string) =>
          s.length > 1 && /[^\p{L}\p{N}.\u00B2\u00B3\u00B9\u2070-\u209F\u1D62\u1D57]/u.test(bare(s))
            ? `(${s})`
            : s;
        const n = latexToText(numerator);
        const d = latexToText(denominator);
        push('text', n === '1' && d === '2' ? '½' : `${wrap(n)}/${wrap(d)}`);
        i = next;
      } else if (name === 'sqrt') {
        const [group, next] = readGroup(source, i);
        const inner = latexToText(group);
        push('text', inner.length > 1 ? `√(${inner})` : `√${inner}`);
        i = next;
      } else if (name in ACCENTS) {
        const [group, next] = readGroup(source, i);
        const inner = latexToText(group);
        push('text', inner.slice(0, 1) + ACCENTS[name] + inner.slice(1));
        i = next;
      } else if (name === 'mathcal') {
        const [group, next] = readGroup(source, i);
        push('text', group === 'N' ? '𝒩' : group);
        i = next;
      } else if (name === 'left' || name === 'right' || name === 'big' || name === 'Big') {
        // sizing commands: drop
      } else {
        push('text', SYMBOLS[name] ?? name);
      }
    } else {
      push('text', c === '*' ? '·' : c);
      i++;
    }
  }
  return tokens;
}
