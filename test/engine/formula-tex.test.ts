/**
 * What the inspector typesets for a custom activation: f(x) and f′(x) as TeX, the derivative worked out
 * or typed (and checked against f), or the parse error with its position.
 */
import { describe, expect, it } from 'vitest';
import { type FormulaTex, formulaTex } from '../../src/engine/formula';

type Shown = Extract<FormulaTex, { ok: true }>;
type Refused = Extract<FormulaTex, { ok: false }>;

function shown(f: string, df?: string): Shown {
  const result = formulaTex(f, df);
  if (!result.ok) throw new Error(`expected ${f} to be shown: ${result.error.message}`);
  return result;
}

function refused(f: string, df?: string): Refused {
  const result = formulaTex(f, df);
  if (result.ok) throw new Error(`expected ${JSON.stringify(f)} / ${JSON.stringify(df)} to be refused`);
  return result;
}

/** TeX without the spacing mathjs puts in, so the tests read like the formulas. */
const squeeze = (tex: string) => tex.replace(/\s+/g, '');

describe('formulaTex', () => {
  it('typesets f and works out f′ when the derivative field is blank', () => {
    const tex = shown('x^2 + sin(x)', '');
    expect(squeeze(tex.fTex)).toBe('f(x)={x}^{2}+\\sin\\left(x\\right)');
    expect(squeeze(tex.dfTex)).toBe("f'(x)=2\\cdotx+\\cos\\left(x\\right)");
    expect(tex.derivativeSource).toBe('symbolic');
    expect(tex.mismatch).toBeUndefined();
    // A blank field is the same as none.
    expect(shown('x^2 + sin(x)', '   ').derivativeSource).toBe('symbolic');
  });

  it('shows a typed derivative as typed and says nothing when it is right', () => {
    const tex = shown('x^2 + sin(x)', '2x + cos(x)');
    expect(tex.derivativeSource).toBe('user');
    expect(tex.dfTex).toContain('\\cos');
    expect(tex.mismatch).toBeUndefined();
  });

  it('points out where a typed derivative disagrees with f', () => {
    const tex = shown('x^2 + sin(x)', '2x - cos(x)');
    expect(tex.derivativeSource).toBe('user');
    const mismatch = tex.mismatch;
    if (!mismatch) throw new Error('expected a mismatch');
    // Checked against the hand-written derivative, not the code under test.
    expect(mismatch.typed).toBeCloseTo(2 * mismatch.x - Math.cos(mismatch.x), 12);
    expect(mismatch.expected).toBeCloseTo(2 * mismatch.x + Math.cos(mismatch.x), 12);
  });

  it('checks a typed derivative by finite differences when f has no symbolic one', () => {
    expect(shown('max(0, x)', 'sign(max(0, x))').mismatch).toBeUndefined();
    expect(shown('max(0, x)', '1').mismatch).toMatchObject({ typed: 1, expected: 0 });
  });

  it('gives the parse error of f with its position, and no TeX', () => {
    const result = refused('x^2 +');
    expect(result.error).toMatchObject({ field: 'f', position: 5 });
    expect(result.error.message).toMatch(/end of expression/i);
    expect(result.fTex).toBeUndefined();
    expect('dfTex' in result).toBe(false);
  });

  it('keeps f when only the derivative fails', () => {
    const typo = refused('x^2', 'x^');
    expect(typo.error).toMatchObject({ field: 'df', position: 2 });
    expect(typo.fTex).toContain('{ x}^{2}');
    const kink = refused('max(0, x)');
    expect(kink.error.field).toBe('df');
    expect(kink.error.message).toMatch(/type f′\(x\) yourself/);
    expect(kink.fTex).toContain('\\max');
  });

  it('stays restricted: names outside the allow-list are refused, not evaluated', () => {
    expect(refused('import({}, {})').error.field).toBe('f');
    expect(refused('x', 'evaluate("1")').error.field).toBe('df');
  });

  it('is memoized by the text of both fields', () => {
    expect(formulaTex('x^3', '')).toBe(formulaTex('x^3', ''));
    expect(formulaTex('x^3', '3x^2')).not.toBe(formulaTex('x^3', ''));
  });
});
