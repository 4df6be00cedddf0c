// Message catalogues: English mirrors French key for key and placeholder for placeholder.
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../src/lib/core/errors';
import { ImportError, type ImportErrorCode } from '../../src/lib/core/csv/errors';
import { catalogues, messageAreas, translate } from '../../src/lib/i18n/catalogue';
import { errorKey, errorTextIn } from '../../src/lib/i18n/error-text';
import { RpcError } from '../../src/lib/workers/rpc';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\|[^|}]*\|[^|}]*)?\}/g)].map((m) => m[1]))].sort();

describe('catalogues', () => {
  it('never define one key in two areas (the later area would silently replace the earlier one’s text)', () => {
    const owners = new Map<string, number>();
    const clashes: string[] = [];
    messageAreas.forEach((area, i) => {
      for (const key of Object.keys(area.fr)) {
        if (owners.has(key)) clashes.push(`${key} (areas ${owners.get(key)} and ${i})`);
        owners.set(key, i);
      }
    });
    expect(clashes).toEqual([]);
  });

  it('have the same keys in French and English', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.fr).sort());
  });

  it('use the same placeholders in both languages, and no empty string', () => {
    for (const [key, fr] of Object.entries(catalogues.fr)) {
      const en = catalogues.en[key] ?? '';
      expect(en.trim(), key).not.toBe('');
      expect(fr.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(fr));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'settings.usage', { used: '1 Mo', quota: '2 Go' })).toBe('1 Mo utilisés sur 2 Go disponibles');
    expect(translate('en', 'settings.usage', { used: '1 MB' })).toBe('1 MB used of {quota} available');
  });

  it('picks singular or plural by each language’s rules, from numbers or formatted counts', () => {
    expect(translate('fr', 'annotate.browse.count', { n: 0 })).toBe('0 phrase trouvée');
    expect(translate('fr', 'annotate.browse.count', { n: 1 })).toBe('1 phrase trouvée');
    expect(translate('fr', 'annotate.browse.count', { n: 2 })).toBe('2 phrases trouvées');
    expect(translate('en', 'annotate.browse.count', { n: 0 })).toBe('0 sentences found');
    expect(translate('en', 'annotate.browse.count', { n: 1 })).toBe('1 sentence found');
    expect(translate('fr', 'data.counts', { answers: '1', sentences: '1 067 273' })).toBe('1 réponse, 1 067 273 phrases');
  });

  it('write every plural choice with two forms and no nested placeholder', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const [key, text] of Object.entries(catalogues[lang])) {
        for (const token of text.match(/\{[^}]*\|[^}]*\}/g) ?? []) expect(token, `${lang} ${key}`).toMatch(/^\{\w+\|[^|{}]+\|[^|{}]+\}$/);
      }
    }
  });
});

describe('coded errors', () => {
  it('are shown in the interface language, details filled, whatever language the worker wrote', () => {
    const wire = { name: 'ImportError', code: 'import/fieldTooLong', message: 'Le champ de la ligne 12 dépasse 1 Mo…', details: { line: 12 } };
    const error = new RpcError(wire);
    expect(errorTextIn('en', error)).toBe('The record starting on line 12 is over 8 MB: an unclosed quote or a damaged file.');
    expect(errorTextIn('fr', error)).toBe('L’enregistrement qui commence ligne 12 dépasse 8 Mo : guillemet non fermé ou fichier corrompu.');
  });

  it('have a message for every import error reason, worded as the core words it in French', () => {
    const reasons: ImportErrorCode[] = ['empty', 'binary', 'spreadsheet', 'noHeader', 'oneColumn', 'fieldTooLong', 'invalidEncoding', 'noTextColumn', 'noRecords', 'fileChanged', 'unreadable'];
    for (const reason of reasons) {
      const error = new ImportError(reason, { line: 3, offset: 10, column: 'x' });
      expect(errorKey(error.code), reason).toBeDefined();
      expect(errorTextIn('fr', error), reason).toBe(error.message);
      expect(errorTextIn('en', error), reason).not.toBe(error.message);
    }
  });

  it('fall back to the error’s own message when its code has no translation', () => {
    expect(errorTextIn('en', new CodedError('nowhere/unknown', 'Message d’origine'))).toBe('Message d’origine');
    expect(errorTextIn('en', new Error('plain'))).toBe('plain');
  });
});
