import { describe, expect, it } from 'vitest';
import { minHashSignature, nearDuplicateGroups } from './near-duplicates';

const BASE = 'Il faut supprimer le Sénat et réduire le nombre de parlementaires dans notre pays';

describe('near-duplicates', () => {
  it('groups identical folds (accents, case, spaces) and nearly identical long sentences, largest group first', () => {
    const sentences = [
      { id: 1, text: BASE },
      { id: 2, text: 'Oui.' },
      { id: 3, text: BASE.toUpperCase() },
      { id: 4, text: BASE.replace('notre pays', 'notre beau pays') },
      { id: 5, text: 'Les impôts sont trop lourds pour les classes moyennes, il faut les baisser.' },
      { id: 6, text: 'oui.' },
      { id: 7, text: 'Non.' },
      { id: 8, text: `  ${BASE.replace('Sénat', 'senat')}  ` },
    ];
    const groups = nearDuplicateGroups(sentences);
    expect(groups).toEqual([
      { ids: [1, 3, 4, 8], variants: 2 },
      { ids: [2, 6], variants: 1 },
    ]);
  });

  it('keeps short sentences apart unless identical, and unrelated long ones apart', () => {
    const groups = nearDuplicateGroups([
      { id: 1, text: 'Oui.' },
      { id: 2, text: 'Oui !' },
      { id: 3, text: BASE },
      { id: 4, text: 'Il faut développer les transports en commun dans les campagnes françaises' },
    ]);
    expect(groups).toEqual([]);
  });

  it('estimates shingle Jaccard similarity with its signature', () => {
    const seeds = Uint32Array.from({ length: 256 }, (_, i) => (i + 1) * 2654435761);
    const a = minHashSignature('abcdefghijklmnopqrstuvwxyz', seeds, 3);
    const b = minHashSignature('abcdefghijklmnopqrstuvwxyZ', seeds, 3);
    // 24 shingles each, 23 shared: Jaccard 23/25.
    const same = a.filter((x, i) => x === b[i]).length / seeds.length;
    expect(same).toBeGreaterThan(0.8);
    expect(same).toBeLessThan(1);
  });
});
