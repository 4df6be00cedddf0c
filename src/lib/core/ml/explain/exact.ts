// Exact per-word contributions of the linear TF-IDF baseline: each word's share of the logit through its n-grams.
//
// The logit is intercept + Σ_blocks Σ_f w_f · x_f, where x_f is feature f's tf-idf value after its block's L2
// normalisation (computed on the whole sentence, as the model sees it). Feature f's contribution w_f · x_f is split:
//   1. equally between its occurrences in the sentence (a feature seen twice gives half to each place);
//   2. each occurrence between the words it covers:
//      - a word n-gram equally between its tokens (each token lies inside one space-separated word);
//      - a character n-gram inside a word wholly to that word;
//      - a character n-gram across words (format-2 models) in proportion to the characters it takes from each word
//        (spaces belong to no word); one made of spaces alone goes to the nearest word before it, else after it.
// So the words' weights and the intercept sum to the logit exactly (up to rounding). A word's weight is its share of
// the logit as the sentence stands, not what removing it would change: the normalisation couples all features.
import { Analyser, type NgramRange } from '../analyser';
import { sigmoid } from '../logistic';
import { hashString, NgramTable } from '../ngram-table';
import type { BlockKind } from '../tfidf';
import type { BaselineModel } from '../types';
import type { ExactExplanation } from './types';
import { layoutWords, type WordLayout } from './words';

interface Block {
  kind: BlockKind;
  range: NgramRange;
  table: NgramTable;
  idf: readonly number[];
  coefficients: readonly number[];
}

interface Compiled {
  blocks: Block[];
  analyser: Analyser;
  foldAccents: boolean;
  sublinear: boolean;
  acrossWords: boolean;
}

const cache = new WeakMap<BaselineModel, Compiled>();

function compile(model: BaselineModel): Compiled {
  let c = cache.get(model);
  if (c) return c;
  const { foldAccents, punctuationTokens, sublinearTf, charAcrossWords = false } = model.settings.features;
  const blocks = model.blocks.map((b) => {
    const table = new NgramTable(b.vocabulary.length);
    b.vocabulary.forEach((ngram, f) => {
      const [h1, h2] = hashString(ngram);
      table.set(h1, h2, f);
    });
    return { kind: b.kind, range: b.ngramRange, table, idf: b.idf, coefficients: b.coefficients };
  });
  c = { blocks, analyser: new Analyser({ foldAccents, punctuationTokens }, true), foldAccents, sublinear: sublinearTf, acrossWords: charAcrossWords };
  cache.set(model, c);
  return c;
}

/** Shares of one emitted n-gram between words: [word, fraction] pairs (empty: no word to give it to). */
type Shares = [number, number][];

function occurrenceShares(c: Compiled, block: Block, layout: WordLayout, k: number): Shares {
  const { from, to } = c.analyser.out;
  if (block.kind === 'word') {
    const n = to[k] - from[k] + 1;
    const shares: Shares = [];
    for (let t = from[k]; t <= to[k]; t++) shares.push([layout.wordOfBuffer[c.analyser.tokenStart(t)], 1 / n]);
    return shares;
  }
  if (!c.acrossWords) return [[layout.wordOfBuffer[from[k]], 1]];
  const counts = new Map<number, number>();
  let covered = 0;
  for (let q = from[k]; q < from[k] + to[k]; q++) {
    const w = layout.wordOfFlat[q];
    if (w < 0) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
    covered++;
  }
  if (covered > 0) return [...counts].map(([w, count]) => [w, count / covered]);
  for (let q = from[k]; q >= 0; q--) if (layout.wordOfFlat[q] >= 0) return [[layout.wordOfFlat[q], 1]];
  for (let q = from[k]; q < layout.wordOfFlat.length; q++) if (layout.wordOfFlat[q] >= 0) return [[layout.wordOfFlat[q], 1]];
  return [];
}

function emit(c: Compiled, block: Block): number {
  if (block.kind === 'word') return c.analyser.emitWordNgrams(block.range);
  return c.acrossWords ? c.analyser.emitTextCharNgrams(block.range) : c.analyser.emitCharNgrams(block.range);
}

/** Exact contributions of every word of one sentence to the baseline's logit. */
export function exactContributions(model: BaselineModel, sentence: string): ExactExplanation {
  const c = compile(model);
  const layout = layoutWords(sentence, c.foldAccents);
  const weights = new Float64Array(layout.words.length);
  let logit = model.intercept;
  let unattributed = 0;
  c.analyser.load(layout.text);
  for (const block of c.blocks) {
    const emitted = emit(c, block);
    const { h1, h2 } = c.analyser.out;
    const features = new Int32Array(emitted).fill(-1);
    const tally = new Map<number, number>();
    for (let k = 0; k < emitted; k++) {
      const f = block.table.get(h1[k], h2[k]);
      features[k] = f;
      if (f >= 0) tally.set(f, (tally.get(f) ?? 0) + 1);
    }
    const value = new Map<number, number>();
    let norm = 0;
    for (const [f, tf] of tally) {
      const v = (c.sublinear ? 1 + Math.log(tf) : tf) * block.idf[f];
      value.set(f, v);
      norm += v * v;
    }
    if (norm === 0) continue;
    const scale = 1 / Math.sqrt(norm);
    for (const [f, v] of value) logit += block.coefficients[f] * v * scale;
    for (let k = 0; k < emitted; k++) {
      const f = features[k];
      if (f < 0) continue;
      const perOccurrence = (block.coefficients[f] * (value.get(f) ?? 0) * scale) / (tally.get(f) ?? 1);
      const shares = occurrenceShares(c, block, layout, k);
      if (shares.length === 0) unattributed += perOccurrence;
      for (const [w, fraction] of shares) weights[w] += perOccurrence * fraction;
    }
  }
  return {
    method: 'exact',
    sentence: layout.text,
    probability: sigmoid(logit),
    logit,
    intercept: model.intercept,
    unattributed,
    words: layout.words.map((w, i) => ({ word: w.word, start: w.start, end: w.end, weight: weights[i] })),
  };
}
