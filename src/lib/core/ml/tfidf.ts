// TF-IDF fitting on typed arrays: corpus n-gram counts, vocabulary (min df, max features), smooth idf, sublinear tf, L2 rows.
import { Analyser, type NgramRange, type TextOptions } from './analyser';
import { NgramTable } from './ngram-table';
import { CsrBuilder, type CsrMatrix } from './sparse';

export type BlockKind = 'word' | 'char';

/** Every n-gram of one kind found in a corpus (all lengths up to a maximum), counted per document. */
export interface CorpusCounts {
  kind: BlockKind;
  /** documents × n-grams, raw counts. */
  counts: CsrMatrix;
  /** Text of each n-gram (normalised; char n-grams keep their padding spaces). */
  texts: string[];
  /** Length of each n-gram: tokens for words, code units for characters. */
  lengths: Int32Array;
  /** For characters: 1 when the n-gram is a whole space-padded word (scikit-learn keeps short words whole). */
  wholeWord: Uint8Array;
}

/**
 * Counts all n-grams of lengths 1..maxN in the texts; fitting any range within it needs no second pass over the text.
 * `acrossWords`: character n-grams span the whole text (scikit-learn's 'char') instead of staying inside words ('char_wb').
 */
export function countNgrams(texts: readonly string[], kind: BlockKind, maxN: number, text: TextOptions, acrossWords = false): CorpusCounts {
  const analyser = new Analyser(text);
  const table = new NgramTable(texts.length * 64);
  const names: string[] = [];
  const lengths: number[] = [];
  let tally = new Int32Array(4096);
  const touched: number[] = [];
  const builder = new CsrBuilder(0);
  const range: NgramRange = [1, maxN];
  for (const doc of texts) {
    analyser.load(doc);
    const emitted = kind === 'word' ? analyser.emitWordNgrams(range) : acrossWords ? analyser.emitTextCharNgrams(range) : analyser.emitCharNgrams(range);
    const out = analyser.out;
    for (let k = 0; k < emitted; k++) {
      const id = table.add(out.h1[k], out.h2[k]);
      if (id === names.length) {
        const name = kind === 'word' ? analyser.wordNgramText(k) : acrossWords ? analyser.textCharNgramText(k) : analyser.charNgramText(k);
        names.push(name);
        lengths.push(kind === 'word' ? out.to[k] - out.from[k] + 1 : name.length);
        if (id === tally.length) {
          const grown = new Int32Array(tally.length * 2);
          grown.set(tally);
          tally = grown;
        }
      }
      if (tally[id]++ === 0) touched.push(id);
    }
    for (const id of touched) {
      builder.push(id, tally[id]);
      tally[id] = 0;
    }
    touched.length = 0;
    builder.endRow();
  }
  const counts = { ...builder.finish(), cols: names.length };
  const wholeWord = new Uint8Array(names.length);
  if (kind === 'char' && !acrossWords) names.forEach((s, j) => (wholeWord[j] = s.length >= 3 && s[0] === ' ' && s[s.length - 1] === ' ' ? 1 : 0));
  return { kind, counts, texts: names, lengths: Int32Array.from(lengths), wholeWord };
}

/** A fitted vocabulary: which corpus n-grams are features (in feature order) and their idf. */
export interface FittedVocabulary {
  kind: BlockKind;
  range: NgramRange;
  /** Corpus n-gram index of each feature. */
  columns: Int32Array;
  idf: Float64Array;
  /** Corpus n-gram index → feature index, or -1. */
  featureOf: Int32Array;
}

export interface VocabularyOptions {
  range: NgramRange;
  minDf: number;
  maxFeatures: number | null;
}

/** Whether a corpus n-gram belongs to a range, with scikit-learn's char_wb rule for padded words shorter than the minimum. */
function inRange(corpus: CorpusCounts, j: number, [minN, maxN]: NgramRange): boolean {
  const n = corpus.lengths[j];
  return (n >= minN && n <= maxN) || (corpus.wholeWord[j] === 1 && n < minN);
}

/** Fits the vocabulary and idf on some documents: idf = ln((1 + n) / (1 + df)) + 1, df counted on those documents only. */
export function fitVocabulary(corpus: CorpusCounts, docs: ArrayLike<number>, options: VocabularyOptions): FittedVocabulary {
  const { counts } = corpus;
  const df = new Int32Array(counts.cols);
  const total = new Float64Array(counts.cols);
  for (let r = 0; r < docs.length; r++) {
    const i = docs[r];
    for (let p = counts.indptr[i]; p < counts.indptr[i + 1]; p++) {
      df[counts.indices[p]]++;
      total[counts.indices[p]] += counts.values[p];
    }
  }
  let kept: number[] = [];
  for (let j = 0; j < counts.cols; j++) if (df[j] >= options.minDf && df[j] > 0 && inRange(corpus, j, options.range)) kept.push(j);
  if (options.maxFeatures !== null && kept.length > options.maxFeatures) {
    // The most frequent n-grams over the fitted documents, ties broken by first appearance; feature order kept.
    kept = kept
      .slice()
      .sort((a, b) => total[b] - total[a] || a - b)
      .slice(0, options.maxFeatures)
      .sort((a, b) => a - b);
  }
  const columns = Int32Array.from(kept);
  const featureOf = new Int32Array(counts.cols).fill(-1);
  const idf = new Float64Array(columns.length);
  columns.forEach((j, f) => {
    featureOf[j] = f;
    idf[f] = Math.log((1 + docs.length) / (1 + df[j])) + 1;
  });
  return { kind: corpus.kind, range: options.range, columns, idf, featureOf };
}

/** TF-IDF rows for some documents: (1 + ln tf or tf) × idf, each row scaled to unit L2 norm. */
export function tfidfRows(corpus: CorpusCounts, vocabulary: FittedVocabulary, docs: ArrayLike<number>, sublinearTf: boolean): CsrMatrix {
  const { indptr: from, indices: column, values: count } = corpus.counts;
  const { featureOf, idf } = vocabulary;
  // One pass into arrays sized for every n-gram of these documents, then views of the part used.
  let capacity = 0;
  for (let r = 0; r < docs.length; r++) capacity += from[docs[r] + 1] - from[docs[r]];
  const indptr = new Int32Array(docs.length + 1);
  const indices = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let k = 0;
  for (let r = 0; r < docs.length; r++) {
    let norm = 0;
    for (let p = from[docs[r]]; p < from[docs[r] + 1]; p++) {
      const f = featureOf[column[p]];
      if (f < 0) continue;
      const tf = count[p];
      const value = (sublinearTf ? 1 + Math.log(tf) : tf) * idf[f];
      indices[k] = f;
      values[k++] = value;
      norm += value * value;
    }
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let q = indptr[r]; q < k; q++) values[q] *= scale;
    }
    indptr[r + 1] = k;
  }
  return { rows: docs.length, cols: vocabulary.columns.length, indptr, indices: indices.subarray(0, k), values: values.subarray(0, k) };
}

/** The feature texts of a fitted vocabulary, in feature order. */
export function vocabularyTexts(corpus: CorpusCounts, vocabulary: FittedVocabulary): string[] {
  return Array.from(vocabulary.columns, (j) => corpus.texts[j]);
}
