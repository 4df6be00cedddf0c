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
 * Counts all n-grams of lengths minN..maxN in the texts; fitting any range within it needs no second pass over the
 * text (padded words shorter than minN are counted whole, as scikit-learn's char_wb keeps them).
 * `acrossWords`: character n-grams span the whole text (scikit-learn's 'char') instead of staying inside words ('char_wb').
 */
export function countNgrams(texts: readonly string[], kind: BlockKind, maxN: number, text: TextOptions, acrossWords = false, minN = 1): CorpusCounts {
  const analyser = new Analyser(text);
  const table = new NgramTable(texts.length * 64);
  const names: string[] = [];
  const lengths: number[] = [];
  let tally = new Int32Array(4096);
  const touched: number[] = [];
  // About one n-gram per character and length: sized once rather than doubled a dozen times.
  let characters = 0;
  for (const doc of texts) characters += doc.length;
  const builder = new CsrBuilder(0, Math.max(1024, Math.ceil(characters * (maxN - minN + 1) * 0.6)));
  const range: NgramRange = [Math.min(minN, maxN), maxN];
  const out = analyser.out;
  /** The index of emitted n-gram k, a new one (with its text) on first sight. */
  const idOf = (k: number): number => {
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
    return id;
  };
  const tallyId = (id: number): void => {
    if (tally[id]++ === 0) touched.push(id);
  };
  const words = kind === 'char' && !acrossWords ? new WordNgrams() : null;
  for (const doc of texts) {
    analyser.load(doc);
    if (words) {
      analyser.forEachSpaceWord((start, end) => words.count(analyser, start, end, range, idOf, tallyId));
    } else {
      const emitted = kind === 'word' ? analyser.emitWordNgrams(range) : analyser.emitTextCharNgrams(range);
      for (let k = 0; k < emitted; k++) tallyId(idOf(k));
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

/**
 * Character n-grams within words depend on the word alone, and words repeat: each distinct word's n-gram indices
 * are found once and replayed after (same indices, same order as emitting them again). A profile put counting first
 * among a single fit's costs; this does about a quarter of the hashing on the shared file.
 */
class WordNgrams {
  readonly #table = new NgramTable(4096);
  #start: number[] = [];
  #end: number[] = [];
  #pool = new Int32Array(1 << 15);
  #size = 0;

  count(analyser: Analyser, start: number, end: number, range: NgramRange, idOf: (k: number) => number, tallyId: (id: number) => void): void {
    const w1 = analyser.hashUnits(start, end);
    const w2 = analyser.lastHash2;
    let entry = this.#table.get(w1, w2);
    if (entry < 0) {
      const from = this.#size;
      analyser.out.count = 0;
      analyser.appendWordCharNgrams(start, end, range);
      for (let k = 0; k < analyser.out.count; k++) this.#append(idOf(k));
      entry = this.#start.length;
      this.#table.set(w1, w2, entry);
      this.#start.push(from);
      this.#end.push(this.#size);
    }
    const pool = this.#pool;
    for (let p = this.#start[entry]; p < this.#end[entry]; p++) tallyId(pool[p]);
  }

  #append(id: number): void {
    if (this.#size === this.#pool.length) {
      const grown = new Int32Array(this.#pool.length * 2);
      grown.set(this.#pool);
      this.#pool = grown;
    }
    this.#pool[this.#size++] = id;
  }
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
  const minDf = Math.max(1, options.minDf);
  let size = 0;
  let columns = new Int32Array(counts.cols);
  for (let j = 0; j < counts.cols; j++) if (df[j] >= minDf && inRange(corpus, j, options.range)) columns[size++] = j;
  columns = columns.subarray(0, size);
  if (options.maxFeatures !== null && size > options.maxFeatures) {
    // The most frequent n-grams over the fitted documents, ties broken by first appearance; feature order kept.
    const kept = Array.from(columns)
      .sort((a, b) => total[b] - total[a] || a - b)
      .slice(0, options.maxFeatures)
      .sort((a, b) => a - b);
    columns = Int32Array.from(kept);
  }
  const featureOf = new Int32Array(counts.cols).fill(-1);
  const idf = new Float64Array(columns.length);
  for (let f = 0; f < columns.length; f++) {
    const j = columns[f];
    featureOf[j] = f;
    idf[f] = Math.log((1 + docs.length) / (1 + df[j])) + 1;
  }
  return { kind: corpus.kind, range: options.range, columns, idf, featureOf };
}

/** TF-IDF rows for some documents: (1 + ln tf or tf) × idf, each row scaled to unit L2 norm. */
export function tfidfRows(corpus: CorpusCounts, vocabulary: FittedVocabulary, docs: ArrayLike<number>, sublinearTf: boolean): CsrMatrix {
  return tfidfBlocks([{ corpus, vocabulary }], docs, sublinearTf);
}

/**
 * TF-IDF rows of several blocks side by side (like a scikit-learn FeatureUnion), each block's part of a row scaled to
 * unit L2 norm on its own. Written straight into one matrix: stacking per-block matrices afterwards copied every value
 * again.
 */
export function tfidfBlocks(blocks: readonly { corpus: CorpusCounts; vocabulary: FittedVocabulary }[], docs: ArrayLike<number>, sublinearTf: boolean): CsrMatrix {
  // One pass into arrays sized for every n-gram of these documents, then views of the part used.
  let capacity = 0;
  for (const { corpus } of blocks) {
    const from = corpus.counts.indptr;
    for (let r = 0; r < docs.length; r++) capacity += from[docs[r] + 1] - from[docs[r]];
  }
  const indptr = new Int32Array(docs.length + 1);
  const indices = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let k = 0;
  for (let r = 0; r < docs.length; r++) {
    let offset = 0;
    for (const { corpus, vocabulary } of blocks) {
      k = appendRow(corpus, vocabulary, docs[r], sublinearTf, offset, indices, values, k);
      offset += vocabulary.columns.length;
    }
    indptr[r + 1] = k;
  }
  const cols = blocks.reduce((sum, b) => sum + b.vocabulary.columns.length, 0);
  return { rows: docs.length, cols, indptr, indices: indices.subarray(0, k), values: values.subarray(0, k) };
}

/** Writes one document's features of one block from position k (columns shifted by offset); returns the next position. */
function appendRow(corpus: CorpusCounts, vocabulary: FittedVocabulary, doc: number, sublinearTf: boolean, offset: number, indices: Int32Array, values: Float64Array, k: number): number {
  const { indptr: from, indices: column, values: count } = corpus.counts;
  const { featureOf, idf } = vocabulary;
  const first = k;
  let norm = 0;
  for (let p = from[doc]; p < from[doc + 1]; p++) {
    const f = featureOf[column[p]];
    if (f < 0) continue;
    const tf = count[p];
    const value = (sublinearTf ? 1 + Math.log(tf) : tf) * idf[f];
    indices[k] = f + offset;
    values[k++] = value;
    norm += value * value;
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let q = first; q < k; q++) values[q] *= scale;
  }
  return k;
}

/** The feature texts of a fitted vocabulary, in feature order. */
export function vocabularyTexts(corpus: CorpusCounts, vocabulary: FittedVocabulary): string[] {
  return Array.from(vocabulary.columns, (j) => corpus.texts[j]);
}
