import { describe, expect, it } from 'vitest';
import { hashString, textHash } from './hash';
import { foldForSearch, normaliseForHash, quickFoldFilter } from './normalise';

describe('normalisation', () => {
  it('folds accents, case, quotes and spaces for search', () => {
    expect(foldForSearch('  L’ÉTAT   «centralisé» — trop ! ')).toBe('l\'etat "centralise" - trop !');
  });
  it('keeps accents but unifies case and spacing for hashing', () => {
    expect(normaliseForHash('Élus\u00a0 PARTOUT')).toBe('élus partout');
    expect(normaliseForHash('e\u0301lu')).toBe(normaliseForHash('élu'));
  });
});

describe('hash', () => {
  it('is stable, 14 hex digits, and sensitive to content', () => {
    expect(hashString('abc')).toMatch(/^[0-9a-f]{14}$/);
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(hashString('abc', 1)).not.toBe(hashString('abc'));
  });
  it('matches copies of one sentence that differ only in case, quotes and spacing', () => {
    expect(textHash('L’État  est LOIN.')).toBe(textHash("l'état est loin."));
    expect(textHash('L’État est loin.')).not.toBe(textHash('L’Etat est loin.'));
  });
  it('spreads 20,000 distinct short strings with no collision', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(hashString(`phrase ${i}`));
    expect(seen.size).toBe(20_000);
  });
});

describe('quickFoldFilter', () => {
  const texts = [
    'La PRÉFECTURE ferme à 16 h.',
    'La pre\u0301fecture (accent combinant) ferme.',
    'Ça coûte trop cher à l’État, İstanbul aussi.',
    'Les élus n’écoutent pas.',
    'Rien à voir.',
  ];
  it('never rejects a text whose full fold holds the needle, and rejects the others', () => {
    for (const needle of ['prefecture', 'etat', 'ca', 'istanbul', 'elus', 'ecoutent', 'coute', '16', 'voir', 'absent']) {
      const mayHold = quickFoldFilter(needle)!;
      for (const text of texts) expect(mayHold(text), `${needle} / ${text}`).toBe(foldForSearch(text).includes(needle));
    }
  });

  it('declines needles with spaces, quotes or dashes (the full fold handles those)', () => {
    expect(quickFoldFilter('l etat')).toBeNull();
    expect(quickFoldFilter("l'etat")).toBeNull();
    expect(quickFoldFilter('sous-prefet')).toBeNull();
  });
});
