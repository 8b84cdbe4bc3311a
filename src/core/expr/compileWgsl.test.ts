import { describe, expect, it } from 'vitest';
import { compileExpression, type CompiledExpression } from './index.ts';
import { CORPUS } from '../../../test/helpers/expressionCorpus.ts';

function surface(text: string, constants: Record<string, number> = {}): CompiledExpression {
  const r = compileExpression(text, constants);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.surface;
}

const TOKEN = /0x[0-9a-fA-F]+[iu]?|[A-Za-z_][A-Za-z0-9_]*|(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?[fhiu]?/g;
const FLOAT_LITERAL = /^(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?f?$/;

/** Numeric tokens of WGSL code outside comments. */
function numericTokens(wgsl: string): string[] {
  const code = wgsl.replace(/\/\/[^\n]*/g, '');
  return [...code.matchAll(TOKEN)].map((m) => m[0]).filter((t) => /^[0-9.]/.test(t) && !t.startsWith('0x'));
}

function identifiers(wgsl: string): Set<string> {
  const code = wgsl.replace(/\/\/[^\n]*/g, '');
  return new Set([...code.matchAll(TOKEN)].map((m) => m[0]).filter((t) => /^[A-Za-z_]/.test(t)));
}

/** Second arguments of every `pow(` and `surface_pow(` call (the emitter only passes simple operands). */
function powExponents(wgsl: string): string[] {
  return [
    ...wgsl.matchAll(/\b(?:surface_)?pow\(([^,()]+|[^,()]*\([^()]*\)[^,()]*),\s*([^()]+?|\([^()]*\))\)/g),
  ].map((m) => (m[2] ?? '').trim());
}

describe('WGSL generation', () => {
  for (const entry of CORPUS) {
    it(`structure: ${entry.text}`, () => {
      const s = surface(entry.text, { ...entry.constants });
      for (const wgsl of [s.toWgsl(), s.toWgsl({ constantsArray: 'surface_constants' })]) {
        expect(wgsl).toContain('fn surface_value(w: vec2<f32>) -> f32 {');
        expect(wgsl).toContain('fn surface_gradient(w: vec2<f32>) -> vec2<f32> {');
        expect(wgsl).toContain('fn surface_hessian(w: vec2<f32>) -> vec3<f32> {');
        for (const exponent of powExponents(wgsl)) {
          expect(exponent, wgsl).not.toMatch(/^\(?-?\d+(\.0*)?\)?$/);
        }
        const ids = identifiers(wgsl);
        for (const bad of ['inf', 'nan', 'NaN', 'Infinity', 'undefined']) expect(ids.has(bad)).toBe(false);
      }
      for (const literal of numericTokens(s.toWgsl())) expect(literal).toMatch(FLOAT_LITERAL);
    });
  }

  it('expands whole-number powers into products, including negative ones', () => {
    const wgsl = surface('w1^3 + w2^-2 + w1^0').toWgsl();
    expect(wgsl).not.toMatch(/\bpow\(/);
    expect(wgsl).toContain('let t0 = w.x * w.x;');
    expect(wgsl).toContain('let t1 = t0 * w.x;');
    expect(wgsl).toMatch(/1\.0 \/ t\d+/);
    expect(surface('w1^2.5').toWgsl()).toContain('surface_pow(w.x, 2.5)');
    expect(surface('w1^w2').toWgsl()).toContain('surface_pow(w.x, w.y)');
    // A large whole power is a short chain of squarings, not a thousand multiplications.
    expect(surface('w1^1000').toWgsl().length).toBeLessThan(5000);
  });

  it('writes literals WGSL accepts and helpers for values it has no literal for', () => {
    const wgsl = surface('1e300*w1 + 1e-50*w2 + log(0)*w1 + 1e-7*w1 + 123456789*w2 + 2.5e21*w2').toWgsl();
    expect(wgsl).toContain('surface_inf() * w.x');
    expect(wgsl).toContain('0.0 * w.y');
    expect(wgsl).toContain('(-surface_inf()) * w.x');
    expect(wgsl).toContain('1.0e-7 * w.x');
    expect(wgsl).toContain('123456789.0 * w.y');
    expect(wgsl).toContain('2.5e+21 * w.y');
    expect(wgsl).toContain('fn surface_inf() -> f32');
    expect(surface('sqrt(-1) + w1').toWgsl()).toContain('surface_nan() + w.x');
    for (const literal of numericTokens(wgsl)) expect(literal).toMatch(FLOAT_LITERAL);
  });

  it('inlines constants by default and reads them from a named array when asked', () => {
    const s = surface('a*w1^2 + b*w2^2', { a: 1.5, b: 25 });
    const inline = s.toWgsl();
    expect(inline).toContain('1.5 * t0');
    expect(inline).toContain('25.0 * t');
    expect(s.withConstants({ b: 7 }).toWgsl()).toContain('7.0 * t');
    const array = s.toWgsl({ constantsArray: 'k' });
    expect(array).toContain('k[0] * t0');
    expect(array).toContain('k[1] * t');
    expect(array).toContain('// constants: a = k[0], b = k[1]');
    const packed = s.toWgsl({ constantsArray: 'params.c', constantsLayout: 'vec4' });
    expect(packed).toContain('params.c[0][1]');
    expect(s.constantNames).toEqual(['a', 'b']);
    expect(s.constantValues()).toEqual([1.5, 25]);
  });

  it('emits select for min/max derivatives, tanh clamped, and domain-checked sqrt/log', () => {
    const wgsl = surface('min(w1, w2) + max(w1, 2*w2) + tanh(w1) + sqrt(w2) + log(w1)').toWgsl();
    expect(wgsl).toContain('select(0.0, 1.0, w.x <= w.y)');
    expect(wgsl).toMatch(/select\(\S+, \S+, w\.x >= t\d+\)/);
    expect(wgsl).toContain('tanh(clamp(w.x, -15.0, 15.0))');
    expect(wgsl).toContain('surface_sqrt(w.y)');
    expect(wgsl).toContain('surface_log(w.x)');
    expect(wgsl).toContain('min(w.x, w.y)');
  });

  it('reuses common subexpressions', () => {
    const wgsl = surface('sin(w1*w2) + cos(w1*w2)').toWgsl();
    const value = wgsl.slice(wgsl.indexOf('fn surface_value'), wgsl.indexOf('fn surface_gradient'));
    expect(value.match(/w\.x \* w\.y/g)).toHaveLength(1);
  });

  it('renames functions with a prefix and rejects invalid names', () => {
    const s = surface('w1^2');
    expect(s.toWgsl({ prefix: 'loss' })).toContain('fn loss_gradient(w: vec2<f32>) -> vec2<f32>');
    expect(() => s.toWgsl({ prefix: 'bad name' })).toThrow(TypeError);
    expect(() => s.toWgsl({ constantsArray: 'x[0]' })).toThrow(TypeError);
  });

  it('keeps the source comment on one line', () => {
    const wgsl = surface('w1 +\n w2').toWgsl();
    expect(wgsl).toContain('// f(w1, w2) = w1 +  w2');
  });
});
