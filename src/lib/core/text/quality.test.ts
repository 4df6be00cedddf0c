import { describe, expect, it } from 'vitest';
import { textQuality } from './quality';

describe('textQuality', () => {
  it('accepts ordinary French, short answers and lists of nouns', () => {
    expect(textQuality('Il faut supprimer le Sénat et réduire le nombre de députés.')).toEqual({ nonFrench: false, garbage: false });
    expect(textQuality('Non.')).toEqual({ nonFrench: false, garbage: false });
    expect(textQuality('Sénat, CESE, ENA, régions, départements, communes')).toEqual({ nonFrench: false, garbage: false });
  });
  it('flags English and German answers as not French', () => {
    expect(textQuality('The state is too far from the people and it is not working for us at all.').nonFrench).toBe(true);
    expect(textQuality('Der Staat ist nicht für die Bürger da und das ist ein Problem für alle.').nonFrench).toBe(true);
  });
  it('flags keyboard mash and symbol soup as garbage', () => {
    expect(textQuality('qsdfghjklmqsdfghjklmqsdfghjklmwxcvbn').garbage).toBe(true);
    expect(textQuality('aaaaaaaaaaaaaaaa').garbage).toBe(true);
    expect(textQuality('#### ---- %%%% !!!! ???? 1234 5678').garbage).toBe(true);
  });
});
