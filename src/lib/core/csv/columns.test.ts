import { describe, expect, it } from 'vitest';
import { checkHeader, findQuestionColumn, GRAND_DEBAT_ORGANISATION_QUESTION, isGrandDebatLayout, isIdentifying, questionText, resolveColumn, suggestIdColumn } from './columns';
import { detectDelimiter, detectNewline } from './delimiter';

const Q = GRAND_DEBAT_ORGANISATION_QUESTION;
const fixed = ['id', 'reference', 'title', 'createdAt', 'publishedAt', 'updatedAt', 'trashed', 'trashedStatus', 'authorId', 'authorType', 'authorZipCode'];

describe('question columns', () => {
  it('finds the organisation question under any published header form', () => {
    for (const header of [`QUXVlc3Rpb246MTY5 - ${Q}`, `Q169 - ${Q}`, Q, `UXVlc3Rpb246MTY5 - ${Q.replace("l'Etat", 'l’État')}`]) {
      const headers = [...fixed, 'QUXVlc3Rpb246MTYw - Autre question ?', header, 'Q170 - Encore une ?'];
      expect(findQuestionColumn(headers, Q)).toBe(12);
      expect(resolveColumn(headers, 'auto')).toBe(12);
    }
  });
  it('strips the id before the question text', () => {
    expect(questionText('QUXVlc3Rpb246MTY5 - Que pensez-vous ?')).toBe('Que pensez-vous ?');
    expect(questionText('Q169 - Que pensez-vous ?')).toBe('Que pensez-vous ?');
    expect(questionText('Que pensez-vous - vraiment ?')).toBe('Que pensez-vous - vraiment ?');
  });
  it('resolves a column by index, header, id prefix or question text, and says which one is missing', () => {
    const headers = ['id', `Q169 - ${Q}`, 'ville'];
    expect(resolveColumn(headers, 2)).toBe(2);
    expect(resolveColumn(headers, 'VILLE')).toBe(2);
    expect(resolveColumn(headers, 'Q169')).toBe(1);
    expect(resolveColumn(headers, 'Que pensez-vous de l’organisation de l’État')).toBe(1);
    expect(() => resolveColumn(headers, 'texte')).toThrow('Colonne de texte introuvable : « texte ».');
  });
  it('recognises the Grand Débat layout and the id column', () => {
    expect(isGrandDebatLayout(fixed)).toBe(true);
    expect(isGrandDebatLayout(['id', 'texte'])).toBe(false);
    expect(suggestIdColumn(fixed)).toBe(0);
    expect(suggestIdColumn(['texte', 'Identifiant'])).toBe(1);
    expect(suggestIdColumn(['texte'])).toBeNull();
  });
  it('marks columns that identify people', () => {
    const identifying = ['authorId', 'authorZipCode', 'nom', 'Prénom', 'e-mail', 'Code postal', 'user_id', 'Téléphone'];
    const harmless = ['authorType', 'title', 'createdAt', 'nombre', 'texte', 'reference', 'type'];
    expect(identifying.filter(isIdentifying)).toEqual(identifying);
    expect(harmless.filter(isIdentifying)).toEqual([]);
  });
  it('refuses one-column and header-less files', () => {
    expect(() => checkHeader(['texte'])).toThrow(/Une seule colonne/);
    expect(() => checkHeader(['1', '2019-01-22', 'Bonjour'])).toThrow(/en-tête/);
    expect(() => checkHeader(['', '', 'x'])).toThrow(/en-tête/);
    expect(() => checkHeader(['id', 'texte'])).not.toThrow();
  });
});

describe('delimiter detection', () => {
  it('picks comma, semicolon, tab or pipe, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n"1,5";"2,5";3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t"x, y; z"\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
    expect(detectDelimiter('id;texte\n1;"Bonjour, oui, non, peut-être"\n')).toBe(';');
  });
  it('detects old Mac line ends only when there is no \\n', () => {
    expect(detectNewline('a,b\r\n1,2')).toBe('\n');
    expect(detectNewline('a,b\r1,2')).toBe('\r');
  });
});
