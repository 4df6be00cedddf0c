// Tests: the highlighted text's pieces rebuild the sentence exactly; the ranked words run from "for" to "against".
import { describe, expect, it } from 'vitest';
import { highlightSegments, rankedWords } from './highlight';

const SENTENCE = '« Organisation nulle », vraiment.';
const WORDS = [
  { word: 'Organisation', start: 2, end: 14, weight: -0.4 },
  { word: 'nulle', start: 15, end: 20, weight: 1.6 },
  { word: 'vraiment', start: 24, end: 32, weight: 0 },
];

describe('highlightSegments', () => {
  it('cuts the sentence into plain text and words whose strength is relative to the strongest', () => {
    const segments = highlightSegments(SENTENCE, WORDS);
    expect(segments.map((s) => s.text).join('')).toBe(SENTENCE);
    expect(segments).toEqual([
      { text: '« ' },
      { text: 'Organisation', weight: -0.4, strength: 0.25 },
      { text: ' ' },
      { text: 'nulle', weight: 1.6, strength: 1 },
      { text: ' », ' },
      { text: 'vraiment', weight: 0, strength: 0 },
      { text: '.' },
    ]);
  });

  it('keeps markup as plain text pieces', () => {
    const html = '<img src=x onerror=alert(1)>';
    expect(highlightSegments(html, [{ word: 'img', start: 1, end: 4, weight: 1 }]).map((s) => s.text)).toEqual(['<', 'img', ' src=x onerror=alert(1)>']);
  });
});

describe('rankedWords', () => {
  it('keeps the k strongest non-zero words, most "for" first', () => {
    expect(rankedWords(WORDS, 5).map((w) => w.word)).toEqual(['nulle', 'Organisation']);
    expect(rankedWords(WORDS, 1).map((w) => w.word)).toEqual(['nulle']);
  });
});
