import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/engine/text/number';

describe('the one number formatter', () => {
  it('prints 4 significant digits in plain notation from 0.001 to 100,000', () => {
    expect(formatNumber(11.313708)).toBe('11.31');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(99990)).toBe('99990');
  });

  it('uses exponents outside that range, with one kind of minus sign throughout', () => {
    expect(formatNumber(-0.0011313708)).toBe('−0.001131');
    expect(formatNumber(0.00011313708)).toBe('1.131e−4');
    expect(formatNumber(-0.00011313708)).toBe('−1.131e−4');
    expect(formatNumber(1.5e-12)).toBe('1.5e−12');
    expect(formatNumber(124720.33)).toBe('1.247e5');
    for (const x of [-1e-7, -3.5, -2e9, 4e-300]) expect(formatNumber(x)).not.toContain('-');
  });

  it('names what is not a number: ∞, −∞, NaN, and a dash for nothing', () => {
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('−∞');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(0)).toBe('0');
  });

  it('gives more digits when asked, to compare two computations', () => {
    expect(formatNumber(11.3137084989, { digits: 8 })).toBe('11.313708');
    expect(formatNumber(-2.0000000049e-7, { digits: 8 })).toBe('−2e−7');
  });
});
