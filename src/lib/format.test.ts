import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';

describe('formatNumber', () => {
  it('groups whole numbers exactly as Intl.NumberFormat does, in French and English', () => {
    const values = [0, 7, 42, 999, 1000, 1234, 12_345, 100_000, 999_999, 1_067_273, 123_456_789, Number.MAX_SAFE_INTEGER];
    for (const n of values) {
      expect(formatNumber(n, 'fr')).toBe(new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(n));
      expect(formatNumber(n, 'en')).toBe(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(n));
    }
  });

  it('writes decimals, rounding and negative numbers exactly as Intl.NumberFormat does', () => {
    const values = [0, -0, 0.5, 0.125, 0.005, 1.005, 2.675, 0.9999, 9.995, 123_456_789.987, 1e-7, -0.00049, 5e20, 0.87654, -0.001, -1234.5678, 1234.6, 999.995, 12_345.05, 1e14 + 0.25, -42, 3, 1e16, NaN, Infinity, -Infinity];
    for (const n of values) {
      for (const digits of [0, 1, 2, 3]) {
        for (const [lang, locale] of [['fr', 'fr-FR'], ['en', 'en-GB']] as const) {
          const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
          expect(formatNumber(n, lang, digits), `${n} ${digits} ${lang}`).toBe(intl);
        }
      }
    }
    expect(formatNumber(-1234, 'en')).toBe('-1,234');
    expect(formatNumber(2.5, 'en', 1)).toBe('2.5');
  });
});
