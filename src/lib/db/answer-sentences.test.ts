import { describe, expect, it } from 'vitest';
import { answerIdOf, fieldsFromRows, positionOf, remapAnnotations, sentenceAt, sentenceFields, sentenceIdOf, sentencesOfAnswerRow, SENTENCES_PER_ANSWER, upgradeAnswer } from './answer-sentences';
import type { Answer, Sentence } from './db';

const TEXT = 'Un. Deux.';
const answerWith = (text: string, spans: Parameters<typeof sentenceFields>[1], flags = 0): Answer => ({ id: 12, datasetId: 7, externalId: 'r', text, flags, ...sentenceFields(text, spans) });
const row = (id: number, answerId: number, index: number, text: string): Sentence => ({ id, datasetId: 7, answerId, index, text, start: 0, end: text.length, hash: `h-${text}` });

describe('sentence ids', () => {
  it('encode answer and position and decode them back, beyond 2^32', () => {
    for (const [answer, position] of [[1, 0], [42, 17], [5_000_000, SENTENCES_PER_ANSWER - 1]] as const) {
      const id = sentenceIdOf(answer, position);
      expect(Number.isSafeInteger(id)).toBe(true);
      expect([answerIdOf(id), positionOf(id)]).toEqual([answer, position]);
    }
    expect(sentenceIdOf(3, SENTENCES_PER_ANSWER - 1)).toBeLessThan(sentenceIdOf(4, 0));
  });
});

describe('sentences inside an answer row', () => {
  it('give back each sentence from the answer text, with id, offsets, hash and the answer flags', () => {
    const answer = answerWith(TEXT, [{ text: 'Un.', start: 0, end: 3, hash: 'a' }, { text: 'Deux.', start: 4, end: 9, hash: 'b' }], 4);
    expect(answer).toMatchObject({ sentenceCount: 2, hashes: ['a', 'b'] });
    expect(answer.texts).toBeUndefined();
    expect(answer.indexes).toBeUndefined();
    expect(sentenceAt(answer, 1)).toEqual({ id: sentenceIdOf(12, 1), datasetId: 7, answerId: 12, index: 1, text: 'Deux.', start: 4, end: 9, hash: 'b', flags: 4 });
    expect(sentenceAt(answer, 2)).toBeUndefined();
    expect(sentenceAt(answer, -1)).toBeUndefined();
  });

  it('keep a sentence’s own text where it is not the slice, and source positions that are not 0, 1, 2…', () => {
    const answer = answerWith(TEXT, [{ text: 'Un.', start: 0, end: 3, hash: 'a', index: 3 }, { text: 'Deux !', start: 4, end: 9, hash: 'b', index: 8 }]);
    expect(answer.texts).toEqual([null, 'Deux !']);
    expect(sentencesOfAnswerRow(answer).map((s) => [s.index, positionOf(s.id), s.text])).toEqual([[3, 0, 'Un.'], [8, 1, 'Deux !']]);
    expect(answerWith('', []).sentenceCount).toBe(0);
  });
});

describe('schema v1 rows', () => {
  it('move into their answers in index order, with the old → new id map; rows of a missing answer are dropped', () => {
    const rows = [row(10, 2, 1, 'Deuxième.'), row(11, 1, 0, 'Seule.'), row(9, 2, 0, 'Première.'), row(12, 3, 0, 'Orpheline.')];
    const texts = new Map([[1, 'Seule.'], [2, 'Première. Deuxième.']]);
    const { fields, ids } = fieldsFromRows(rows, (id) => texts.get(id));
    expect([...fields.keys()]).toEqual([2, 1]);
    expect([...ids]).toEqual([[9, sentenceIdOf(2, 0)], [10, sentenceIdOf(2, 1)], [11, sentenceIdOf(1, 0)]]);
    const upgraded = upgradeAnswer({ id: 2, datasetId: 7, externalId: 'x', text: texts.get(2)! }, fields.get(2));
    expect(upgraded.flags).toBe(0);
    expect(sentencesOfAnswerRow(upgraded).map((s) => s.text)).toEqual(['Première.', 'Deuxième.']);
    expect(upgradeAnswer({ id: 5, datasetId: 7, externalId: 'y', text: 'Sans phrases.', flags: 2 }, undefined)).toMatchObject({ flags: 2, sentenceCount: 0, hashes: [] });
  });

  it('carry annotations to the new ids and drop those of missing sentences', () => {
    const ids = new Map([[5, 100], [6, 200]]);
    const moved = remapAnnotations([{ sentenceId: 6, label: 'x' }, { sentenceId: 99, label: 'y' }, { sentenceId: 5, label: 'z' }], ids);
    expect(moved).toEqual([{ sentenceId: 200, label: 'x' }, { sentenceId: 100, label: 'z' }]);
  });
});
