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

  it('leaves fractions, rounding and negative numbers to Intl', () => {
    expect(formatNumber(1234.6, 'fr')).toBe(new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(1234.6));
    expect(formatNumber(-1234, 'en')).toBe('-1,234');
    expect(formatNumber(2.5, 'en', 1)).toBe('2.5');
  });
});
