import { describe, expect, it } from 'vitest';
import { addAround, fillTemplate, lowercase, perturb, PERTURBATIONS, removePunctuation, repeatPunctuation, stripAccents, typos, uppercase } from './perturbations';

describe('perturbations', () => {
  it('changes case the French way', () => {
    expect(lowercase('L’ÉTAT Nous MENT')).toBe('l’état nous ment');
    expect(uppercase('les élus, à Créteil')).toBe('LES ÉLUS, À CRÉTEIL');
  });

  it('drops accents and cedillas but keeps letters and ligatures', () => {
    expect(stripAccents('Élus, préfecture, ça, où, cœur, Noël')).toBe('Elus, prefecture, ca, ou, cœur, Noel');
  });

  it('repeats punctuation marks that are there and adds none', () => {
    expect(repeatPunctuation('Honte ! Vraiment.')).toBe('Honte !!! Vraiment...');
    expect(repeatPunctuation('Quoi ?! Non, merci.')).toBe('Quoi !!! Non,, merci...');
    expect(repeatPunctuation('sans ponctuation')).toBe('sans ponctuation');
  });

  it('removes punctuation and keeps apostrophes and hyphens', () => {
    expect(removePunctuation('L’État, « honteux » : aujourd’hui-même ! (vraiment)')).toBe('L’État honteux aujourd’hui-même vraiment');
    expect(removePunctuation("C'est trop... long.")).toBe("C'est trop long");
  });

  it('makes one reproducible slip inside a long word', () => {
    const text = 'Les fonctionnaires sont des incapables.';
    const slipped = typos(text, 7);
    expect(slipped).not.toBe(text);
    expect(slipped).toBe(typos(text, 7));
    expect(slipped.length).toBe(text.length);
    // Exactly two characters moved, inside one word, first and last letters kept.
    const diff = [...text].flatMap((c, i) => (c === slipped[i] ? [] : [i]));
    expect(diff).toHaveLength(2);
    expect(diff[1] - diff[0]).toBe(1);
    expect(/\p{L}/u.test(text[diff[0] - 1]) && /\p{L}/u.test(text[diff[1] + 1])).toBe(true);
    // Different seeds reach different slips over a few tries.
    expect(new Set([1, 2, 3, 4, 5, 6].map((s) => typos(text, s))).size).toBeGreaterThan(1);
  });

  it('leaves text without a long word, or with only doubled letters, alone', () => {
    expect(typos('Nul. Trop tard.', 3)).toBe('Nul. Trop tard.');
    expect(typos('aaaaa', 3)).toBe('aaaaa');
  });

  it('applies every named perturbation', () => {
    for (const name of PERTURBATIONS) expect(perturb(name, 'Les Élus mentent, toujours !', 2)).not.toBe('Les Élus mentent, toujours !');
  });

  it('fills templates and capitalises a filler that opens the sentence', () => {
    expect(fillTemplate('{x} sont des parasites.', 'les élus')).toBe('Les élus sont des parasites.');
    expect(fillTemplate('On devrait virer {x}, tous.', 'les élus')).toBe('On devrait virer les élus, tous.');
    expect(fillTemplate("  {x} gaspille l'argent.", "l'Assemblée")).toBe("  L'Assemblée gaspille l'argent.");
  });

  it('adds a prefix or suffix with one space between', () => {
    expect(addAround('Le budget est voté.', '', 'Tous pourris !')).toBe('Le budget est voté. Tous pourris !');
    expect(addAround('les délais sont longs.', 'Sauf erreur de ma part,', '')).toBe('Sauf erreur de ma part, les délais sont longs.');
    expect(addAround('texte', 'Avant ', ', après')).toBe('Avant texte, après');
  });
});
