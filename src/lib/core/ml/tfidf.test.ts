// Tests: TF-IDF, n-grams and French normalisation against hand-computed values.
import { describe, expect, it } from 'vitest';
import { Analyser } from './analyser';
import { normaliseText } from './char-table';
import { csrToDense, hstack, csrFromDense } from './sparse';
import { countNgrams, fitVocabulary, tfidfRows, vocabularyTexts } from './tfidf';
import { Vectoriser } from './vectoriser';

const TEXT = { foldAccents: false, punctuationTokens: false };
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Row i of the matrix as {feature text: value}. */
function rowByName(dense: number[][], names: string[], i: number): Record<string, number> {
  const out: Record<string, number> = {};
  dense[i].forEach((v, j) => v !== 0 && (out[names[j]] = v));
  return out;
}

describe('tf-idf on a tiny corpus, against scikit-learn formula values computed by hand', () => {
  const docs = ['le chat dort', 'le chien dort dort', 'un chat'];
  const corpus = countNgrams(docs, 'word', 1, TEXT);
  const vocabulary = fitVocabulary(corpus, all(3), { range: [1, 1], minDf: 1, maxFeatures: null });
  const names = vocabularyTexts(corpus, vocabulary);

  it('smooth idf = ln((1 + n) / (1 + df)) + 1', () => {
    const idf = Object.fromEntries(names.map((n, f) => [n, vocabulary.idf[f]]));
    expect(idf.le).toBeCloseTo(1.2876820724517808, 12); // df = 2: ln(4/3) + 1
    expect(idf.chien).toBeCloseTo(1.6931471805599454, 12); // df = 1: ln(4/2) + 1
  });

  it('raw tf × idf, L2-normalised rows', () => {
    const dense = csrToDense(tfidfRows(corpus, vocabulary, all(3), false));
    const row = rowByName(dense, names, 1);
    expect(row.le).toBeCloseTo(0.38550292161010064, 12);
    expect(row.chien).toBeCloseTo(0.5068900148458076, 12);
    expect(row.dort).toBeCloseTo(0.7710058432202013, 12);
    const last = rowByName(dense, names, 2);
    expect(last.un).toBeCloseTo(0.7959605415681652, 12);
    expect(last.chat).toBeCloseTo(0.6053485081062916, 12);
  });

  it('sublinear tf = 1 + ln(tf)', () => {
    const row = rowByName(csrToDense(tfidfRows(corpus, vocabulary, all(3), true)), names, 1);
    expect(row.le).toBeCloseTo(0.4227411097100318, 12);
    expect(row.dort).toBeCloseTo(0.715762918012323, 12);
  });

  it('min_df drops rare n-grams; max_features keeps the most frequent', () => {
    const frequent = fitVocabulary(corpus, all(3), { range: [1, 1], minDf: 2, maxFeatures: null });
    expect(vocabularyTexts(corpus, frequent).sort()).toEqual(['chat', 'dort', 'le']);
    const top = fitVocabulary(corpus, all(3), { range: [1, 1], minDf: 1, maxFeatures: 1 });
    expect(vocabularyTexts(corpus, top)).toEqual(['dort']); // 3 occurrences
  });

  it('fits df and idf on the given documents only (no leakage from other rows)', () => {
    const firstTwo = fitVocabulary(corpus, Int32Array.from([0, 1]), { range: [1, 1], minDf: 1, maxFeatures: null });
    expect(vocabularyTexts(corpus, firstTwo)).not.toContain('un');
    const idf = Object.fromEntries(vocabularyTexts(corpus, firstTwo).map((n, f) => [n, firstTwo.idf[f]]));
    expect(idf.le).toBeCloseTo(1, 12); // df = n = 2: ln(3/3) + 1
  });
});

describe('n-grams', () => {
  it('word n-grams join tokens with one space', () => {
    const corpus = countNgrams(['le  chat dort'], 'word', 2, TEXT);
    expect(corpus.texts).toEqual(['le', 'le chat', 'chat', 'chat dort', 'dort']);
  });

  it('character n-grams within padded words, like scikit-learn char_wb', () => {
    const corpus = countNgrams(['ab c'], 'char', 3, TEXT);
    const twoToThree = fitVocabulary(corpus, all(1), { range: [2, 3], minDf: 1, maxFeatures: null });
    expect(vocabularyTexts(corpus, twoToThree).sort()).toEqual([' a', ' ab', ' c', ' c ', 'ab', 'ab ', 'b ', 'c '].sort());
    // A padded word shorter than the minimum length is kept once, whole (sklearn: "a b" with (4, 5) → " a ", " b ").
    const fourToFive = fitVocabulary(countNgrams(['a b'], 'char', 5, TEXT), all(1), { range: [4, 5], minDf: 1, maxFeatures: null });
    expect(fourToFive.columns.length).toBe(2);
  });

  it('character n-grams across word bounds, like scikit-learn char: space runs made one, no padding', () => {
    const corpus = countNgrams(['ab  c'], 'char', 3, TEXT, true);
    const twoToThree = fitVocabulary(corpus, all(1), { range: [2, 3], minDf: 1, maxFeatures: null });
    expect(vocabularyTexts(corpus, twoToThree).sort()).toEqual(['ab', 'b ', ' c', 'ab ', 'b c'].sort());
    // A text shorter than the minimum length gives nothing (no whole-word rule across words).
    const short = fitVocabulary(countNgrams(['a'], 'char', 3, TEXT, true), all(1), { range: [2, 3], minDf: 1, maxFeatures: null });
    expect(short.columns.length).toBe(0);
  });

  it('French normalisation: lower case, apostrophes unified, accents folded on request', () => {
    expect(normaliseText('L’État', false)).toBe("l'état");
    expect(normaliseText('L’État Œuvre', true)).toBe("l'etat œuvre");
    expect(normaliseText('e\u0301te\u0301', true)).toBe('ete'); // decomposed accents
  });

  it('splits elisions off but keeps words like aujourd’hui whole; ! and ? are tokens on request', () => {
    const analyser = new Analyser({ foldAccents: false, punctuationTokens: true });
    analyser.load("L’État qu'il jusqu’ici aujourd'hui, peut-être !");
    expect(analyser.tokens()).toEqual(["l'", 'état', "qu'", 'il', "jusqu'", 'ici', "aujourd'hui", 'peut', 'être', '!']);
    analyser.load('E\u0301TAT e\u0301tat'); // decomposed accents are composed first
    expect(analyser.tokens()).toEqual(['état', 'état']);
  });
});

describe('Vectoriser (prediction path) matches the training path', () => {
  const docs = ["L'État nous ment !", 'Les agents sont aimables.', 'Un État  aimable ? Oui, très aimable.', 'x', ''];
  for (const [kind, range] of [['word', [1, 2]], ['char', [2, 5]], ['char', [4, 5]]] as const) {
    it(`${kind} ${range.join('-')}`, () => {
      const text = { foldAccents: true, punctuationTokens: true };
      const corpus = countNgrams(docs, kind, 5, text);
      const vocabulary = fitVocabulary(corpus, all(docs.length), { range, minDf: 1, maxFeatures: null });
      const expected = csrToDense(tfidfRows(corpus, vocabulary, all(docs.length), true));
      const vectoriser = new Vectoriser([{ kind, range, vocabulary: vocabularyTexts(corpus, vocabulary), idf: vocabulary.idf }], text, true);
      const actual = csrToDense(vectoriser.transform(docs));
      actual.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
    });
  }
});

describe('Vectoriser matches the training path for character n-grams across words', () => {
  const docs = ["L'État nous ment !", 'Un État  aimable ?   Oui, très aimable.', 'x', ''];
  for (const range of [[2, 5], [4, 5]] as const) {
    it(`char ${range.join('-')} across words`, () => {
      const text = { foldAccents: true, punctuationTokens: true };
      const corpus = countNgrams(docs, 'char', 5, text, true);
      const vocabulary = fitVocabulary(corpus, all(docs.length), { range, minDf: 1, maxFeatures: null });
      expect(vocabularyTexts(corpus, vocabulary)).toContain('t nou'.slice(0, range[1]));
      const expected = csrToDense(tfidfRows(corpus, vocabulary, all(docs.length), true));
      const vectoriser = new Vectoriser([{ kind: 'char', range, vocabulary: vocabularyTexts(corpus, vocabulary), idf: vocabulary.idf }], text, true, true);
      const actual = csrToDense(vectoriser.transform(docs));
      actual.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
      expect(actual[0].some((v) => v !== 0)).toBe(true);
    });
  }
});

describe('sparse helpers', () => {
  it('hstack places blocks side by side', () => {
    const a = csrFromDense([[1, 0], [0, 2]]);
    const b = csrFromDense([[0, 3, 0], [4, 0, 5]]);
    expect(csrToDense(hstack([a, b]))).toEqual([[1, 0, 0, 3, 0], [0, 2, 4, 0, 5]]);
  });
});
