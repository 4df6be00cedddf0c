// French sentence splitting: tricky cases from citizen answers, and the offset invariants on all of them.
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const CASES: [name: string, input: string, expected: string[]][] = [
  ['two plain sentences', 'L’État est loin. Les services ferment.', ['L’État est loin.', 'Les services ferment.']],
  ['question then answer', 'Que faire ? Supprimer le Sénat.', ['Que faire ?', 'Supprimer le Sénat.']],
  ['repeated dots before a capital', 'Trop de taxes... Les gens en ont marre.', ['Trop de taxes...', 'Les gens en ont marre.']],
  ['repeated dots before lower case go on', 'Je ne sais pas... peut-être que oui.', ['Je ne sais pas... peut-être que oui.']],
  ['unicode ellipsis', 'On verra… Rien ne change.', ['On verra…', 'Rien ne change.']],
  ['four dots', 'Bref.... Il faut agir.', ['Bref....', 'Il faut agir.']],
  ['triple exclamation', 'C’est scandaleux !!! Il faut que ça cesse.', ['C’est scandaleux !!!', 'Il faut que ça cesse.']],
  ['interrobang', 'Vous vous moquez de nous ?! Assez.', ['Vous vous moquez de nous ?!', 'Assez.']],
  ['exclamation then lower case', 'Quelle honte ! les élus se servent.', ['Quelle honte !', 'les élus se servent.']],
  ['missing space after a full stop', 'Les impôts augmentent.Trop c’est trop.', ['Les impôts augmentent.', 'Trop c’est trop.']],
  ['missing space after a question mark', 'Pourquoi?Parce que.', ['Pourquoi?', 'Parce que.']],
  ['missing space after exclamations', 'Assez!!!Nous voulons être entendus.', ['Assez!!!', 'Nous voulons être entendus.']],
  ['line breaks are boundaries', 'Moins d’élus\nPlus de proximité', ['Moins d’élus', 'Plus de proximité']],
  ['CRLF and blank lines', 'Premier point\r\n\r\nSecond point', ['Premier point', 'Second point']],
  ['dash list', '- supprimer le Sénat\n- réduire les députés', ['supprimer le Sénat', 'réduire les députés']],
  ['bullet list', '• moins de normes\n• plus de services', ['moins de normes', 'plus de services']],
  ['inline bullets', 'Propositions • moins de normes • plus de services', ['Propositions', 'moins de normes', 'plus de services']],
  ['numbered list on lines', '1. Supprimer le CESE\n2) Réduire les régions', ['Supprimer le CESE', 'Réduire les régions']],
  ['inline numbered list after a colon', 'Mes idées : 1. moins d’élus 2. plus de proximité', ['Mes idées :', 'moins d’élus', 'plus de proximité']],
  ['inline dash list after a colon', 'Trois idées : - moins d’élus - plus de proximité - des référendums', ['Trois idées :', 'moins d’élus', 'plus de proximité', 'des référendums']],
  ['parenthetical dashes stay', 'L’État - et c’est normal - doit protéger.', ['L’État - et c’est normal - doit protéger.']],
  ['title M.', 'M. Dupont est maire. Il travaille.', ['M. Dupont est maire.', 'Il travaille.']],
  ['title Mme and Dr', 'J’ai vu Mme. Michu et le Dr. Martin hier.', ['J’ai vu Mme. Michu et le Dr. Martin hier.']],
  ['art. and n°', 'Voir l’art. 12 de la loi n° 2019-1. Ensuite on verra.', ['Voir l’art. 12 de la loi n° 2019-1.', 'Ensuite on verra.']],
  ['cf. and p.', 'Le rapport (cf. p. 12) le dit. Lisez-le.', ['Le rapport (cf. p. 12) le dit.', 'Lisez-le.']],
  ['etc. before a capital ends', 'Les taxes, les normes, etc. Tout augmente.', ['Les taxes, les normes, etc.', 'Tout augmente.']],
  ['etc. before lower case goes on', 'Les taxes, les normes etc. sont trop lourdes.', ['Les taxes, les normes etc. sont trop lourdes.']],
  ['ex. and env.', 'Par ex. les mairies ferment, env. 30 % en dix ans.', ['Par ex. les mairies ferment, env. 30 % en dix ans.']],
  ['decimal number', 'Le taux passe à 3.5 % cette année. Trop.', ['Le taux passe à 3.5 % cette année.', 'Trop.']],
  ['thousands with dots', 'Il gagne 1.000 euros et paie 2.500.000 de dettes.', ['Il gagne 1.000 euros et paie 2.500.000 de dettes.']],
  ['year before a full stop', 'C’était en 2019. Rien n’a changé.', ['C’était en 2019.', 'Rien n’a changé.']],
  ['article number is not a list', 'Selon l’article 12. Les députés votent.', ['Selon l’article 12.', 'Les députés votent.']],
  ['guillemets closing a sentence', 'Il a dit : « C’est fini. » Puis il est parti.', ['Il a dit : « C’est fini. »', 'Puis il est parti.']],
  ['guillemets with a lower-case follow-up', '« Assez ! » crient-ils dans la rue.', ['« Assez ! » crient-ils dans la rue.']],
  ['straight quotes after the stop', 'Il a écrit "Trop d’impôts." Voilà tout.', ['Il a écrit "Trop d’impôts."', 'Voilà tout.']],
  ['quote before the stop', 'On nous répond "non". Pourquoi ?', ['On nous répond "non".', 'Pourquoi ?']],
  ['closing bracket with exclamation', 'Ils ont tort (c’est évident !) mais insistent.', ['Ils ont tort (c’est évident !) mais insistent.']],
  ['cut in a quotation', 'Le texte dit (...) Rien de plus.', ['Le texte dit (...) Rien de plus.']],
  ['URL and e-mail', 'Voir www.service-public.fr ou jean.dupont@exemple.fr pour agir. Merci.', ['Voir www.service-public.fr ou jean.dupont@exemple.fr pour agir.', 'Merci.']],
  ['initials', 'J. Chirac et F. Mitterrand ont gouverné. Longtemps.', ['J. Chirac et F. Mitterrand ont gouverné.', 'Longtemps.']],
  ['dotted acronym mid-sentence', 'La S.N.C.F. est en retard.', ['La S.N.C.F. est en retard.']],
  ['dotted acronym ending a sentence', 'Je parle de la S.N.C.F. Les trains sont en retard.', ['Je parle de la S.N.C.F.', 'Les trains sont en retard.']],
  ['c.-à-d.', 'Les élus, c.-à-d. les députés, votent.', ['Les élus, c.-à-d. les députés, votent.']],
  ['punctuation alone joins the previous sentence', 'Incroyable ! !!!', ['Incroyable ! !!!']],
  ['only punctuation', '...', []],
  ['empty and blank', '   \n\t ', []],
  ['no final punctuation', 'trop d’impôts', ['trop d’impôts']],
  ['non-breaking spaces before stops', 'Pourquoi\u00a0? Parce que\u202f!', ['Pourquoi\u00a0?', 'Parce que\u202f!']],
  ['lower-case start after full stop', 'Les élus sont loin. les citoyens aussi.', ['Les élus sont loin.', 'les citoyens aussi.']],
  ['comma after exclamation goes on', 'Non !, disent-ils.', ['Non !, disent-ils.']],
  ['question with an ellipsis', 'Et après ?... Rien.', ['Et après ?...', 'Rien.']],
  ['spaces and tabs around', '  \tBonjour.   Au revoir.  ', ['Bonjour.', 'Au revoir.']],
  ['a very long sentence', `${'mot '.repeat(5000)}fin.`, [`${'mot '.repeat(5000)}fin.`]],
  ['Chinese full stops go through ICU', '你好。再见。', ['你好。', '再见。']],
];

describe('splitSentences: tricky French cases', () => {
  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(splitSentences(input).map((s) => s.text)).toEqual(expected);
  });
});

describe('splitSentences: offsets', () => {
  const inputs = [...CASES.map((c) => c[1]), 'A.\n\nB !\r\n- c\n• d… e... F'];
  it.each(inputs.map((i) => [i.slice(0, 40), i]))('keeps ordered offsets that slice back to the text: %s', (_l, input) => {
    const spans = splitSentences(input);
    let last = 0;
    for (const s of spans) {
      expect(input.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBeGreaterThanOrEqual(last);
      expect(s.text).toBe(s.text.trim());
      last = s.end;
    }
  });

  it('never loses a letter of random punctuation soup', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ['a', 'É', ' ', '.', '!', '?', '…', '\n', '-', '•', '«', '»', '"', '1', '(', ')', ':', 'M', 'etc'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 60; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const letters = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
      const spans = splitSentences(text);
      const kept = spans.reduce((sum, s) => sum + (s.text.match(/[\p{L}\p{N}]/gu) ?? []).length, 0);
      // List markers ("1." at a line start) are the only letters or digits left out.
      expect(kept).toBeLessThanOrEqual(letters);
      expect(kept).toBeGreaterThanOrEqual(letters - (text.match(/\d/g) ?? []).length);
      for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('splits 10 MB of answers in reasonable time without blowing up', () => {
    const answer = 'Les impôts augmentent.Trop c’est trop ! M. le maire dit (cf. art. 3) : « Non. » Voilà... et 3.5 % de plus.\n- moins d’élus\n';
    const big = answer.repeat(2000);
    expect(splitSentences(big).length).toBe(10_000);
  });
});
