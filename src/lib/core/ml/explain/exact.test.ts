// Tests: exact contributions add up to the baseline's logit (every feature layout) and match a hand computation.
import { describe, expect, it } from 'vitest';
import { fixtureSet } from '../fixture-sentences';
import { decisionScores, trainBaseline, vectorise, type BaselineModel, type TrainOptionsInput } from '../model';
import { exactContributions } from './exact';

const { texts, labels } = fixtureSet();
const quick = (params: TrainOptionsInput['params'], features: TrainOptionsInput['features'] = {}): TrainOptionsInput => ({
  search: 'none',
  learningCurve: null,
  folds: 3,
  params,
  features,
});

// Texts that test the word map: elisions, NFD accents, space runs, leading spaces, punctuation-only words, NUL,
// non-breaking spaces, an empty text, words unseen in training.
const PROBES = [
  'Ce gouvernement est une honte, il méprise le peuple.',
  'L’État nous vole avec ses taxes absurdes, ras-le-bol !',
  'Le re\u0301gime   est  nul !!! — vraiment ...',
  '   espaces devant et derrière   ',
  'nulle\u0000part, «\u00a0honte\u00a0» ; zzz qwx',
  'Merci aux pompiers et aux gendarmes pour leur dévouement. Merci encore, merci !',
  '',
  '!!!',
];

const CONFIGS: [string, TrainOptionsInput][] = [
  ['words 1-2 + chars 3-6 in words (the default)', quick({ C: 1, wordNgrams: [1, 2], charNgrams: [3, 6] })],
  ['chars 1-4 across words, accents kept, raw tf', quick({ C: 2, wordNgrams: null, charNgrams: [1, 4] }, { charAcrossWords: true, foldAccents: false, sublinearTf: false })],
  ['words 1-3 only, no punctuation tokens', quick({ C: 4, wordNgrams: [1, 3], charNgrams: null }, { punctuationTokens: false })],
  ['chars 2-5 in words with words 1-1', quick({ C: 1, wordNgrams: [1, 1], charNgrams: [2, 5] })],
];

describe('exactContributions', async () => {
  const models = await Promise.all(CONFIGS.map(([, options]) => trainBaseline(texts, labels, options)));

  CONFIGS.forEach(([name], m) => {
    it(`sums with the intercept to the vectoriser's logit: ${name}`, () => {
      const model = models[m];
      const logits = decisionScores(model, PROBES);
      PROBES.forEach((text, i) => {
        const e = exactContributions(model, text);
        const sum = e.intercept + e.unattributed + e.words.reduce((a, w) => a + w.weight, 0);
        expect(sum).toBeCloseTo(logits[i], 10);
        expect(e.logit).toBeCloseTo(logits[i], 10);
        expect(e.probability).toBeCloseTo(1 / (1 + Math.exp(-logits[i])), 10);
      });
    });
  });

  it('gives each word of a word-unigram model its coefficient times its tf-idf value', async () => {
    const model: BaselineModel = await trainBaseline(texts, labels, quick({ C: 1, wordNgrams: [1, 1], charNgrams: null }));
    const text = 'Cette administration est zorglub, une honte, honte !';
    const row = vectorise(model, [text]);
    const [block] = model.blocks;
    const byWord = new Map<string, number>();
    for (let k = row.indptr[0]; k < row.indptr[1]; k++) byWord.set(block.vocabulary[row.indices[k]], block.coefficients[row.indices[k]] * row.values[k]);
    const e = exactContributions(model, text);
    expect(e.words.map((w) => w.word)).toEqual(['Cette', 'administration', 'est', 'zorglub', 'une', 'honte', 'honte', '!']);
    // "honte" occurs twice: its feature's contribution is split equally between the two places.
    expect(e.words[5].weight).toBeCloseTo((byWord.get('honte') ?? NaN) / 2, 12);
    expect(e.words[5].weight).not.toBe(0);
    expect(e.words[6].weight).toBeCloseTo(e.words[5].weight, 12);
    expect(e.words[1].weight).toBeCloseTo(byWord.get('administration') ?? NaN, 12);
    expect(e.words[7].weight).toBeCloseTo(byWord.get('!') ?? NaN, 12);
    // "zorglub" never occurs in training: no feature, no weight.
    expect(byWord.has('zorglub')).toBe(false);
    expect(e.words[3].weight).toBe(0);
  });

  it('gives the offsets of each word in the sentence, without its punctuation', () => {
    const e = exactContributions(models[0], '« L’État,  c’est nul ! »');
    expect(e.words.map((w) => [w.word, e.sentence.slice(w.start, w.end)])).toEqual([
      ['«', '«'],
      ['L’État', 'L’État'],
      ['c’est', 'c’est'],
      ['nul', 'nul'],
      ['!', '!'],
      ['»', '»'],
    ]);
  });

  it('explains a sentence written with combining accents on its composed form', () => {
    const e = exactContributions(models[0], 'Le re\u0301gime est nul');
    expect(e.sentence).toBe('Le régime est nul');
    expect(e.words.map((w) => w.word)).toEqual(['Le', 'régime', 'est', 'nul']);
  });
});
