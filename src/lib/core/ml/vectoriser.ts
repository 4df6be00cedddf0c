// A fitted TF-IDF vectoriser rebuilt from saved vocabularies: hashes each text's n-grams straight to feature indices.
import { Analyser, type NgramRange, type TextOptions } from './analyser';
import { hashString, NgramTable } from './ngram-table';
import { CsrBuilder, type CsrMatrix } from './sparse';
import type { BlockKind } from './tfidf';

export interface VocabularyBlock {
  kind: BlockKind;
  range: NgramRange;
  vocabulary: readonly string[];
  idf: ArrayLike<number>;
}

interface CompiledBlock {
  kind: BlockKind;
  range: NgramRange;
  table: NgramTable;
  idf: Float64Array;
  offset: number;
  words: WordCache | null;
}

/**
 * Character n-grams never cross spaces, so each distinct word's feature indices are found once and remembered:
 * most words of a corpus repeat, and this skips their hashing and lookups (about 2× faster prediction).
 */
class WordCache {
  static readonly LIMIT = 1 << 22; // pool entries (16 MB); past it, new words are looked up without being kept
  readonly table = new NgramTable(4096);
  start: number[] = [];
  end: number[] = [];
  pool = new Int32Array(1 << 16);
  size = 0;

  append(feature: number): void {
    if (this.size === this.pool.length) {
      const grown = new Int32Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pool[this.size++] = feature;
  }
}

/** TF-IDF for new texts with fixed vocabularies: each block L2-normalised on its own, blocks side by side. */
export class Vectoriser {
  readonly dimension: number;
  #blocks: CompiledBlock[];
  #analyser: Analyser;
  #sublinear: boolean;
  #tally: Int32Array;
  /** tf → weight before idf (1 + ln tf when sublinear), precomputed for small counts. */
  #tfWeight = new Float64Array(256);
  #touched: Int32Array;

  /** `charAcrossWords`: character blocks read n-grams over the whole text (no per-word cache then). */
  constructor(blocks: readonly VocabularyBlock[], text: TextOptions, sublinearTf: boolean, charAcrossWords = false) {
    let offset = 0;
    this.#blocks = blocks.map((b) => {
      const table = new NgramTable(b.vocabulary.length);
      b.vocabulary.forEach((ngram, f) => {
        const [h1, h2] = hashString(ngram);
        table.set(h1, h2, f);
      });
      const words = b.kind === 'char' && !charAcrossWords ? new WordCache() : null;
      const compiled = { kind: b.kind, range: b.range, table, idf: Float64Array.from(b.idf), offset, words };
      offset += b.vocabulary.length;
      return compiled;
    });
    this.dimension = offset;
    this.#analyser = new Analyser(text, false);
    this.#sublinear = sublinearTf;
    const widest = Math.max(1, ...blocks.map((b) => b.vocabulary.length));
    this.#tally = new Int32Array(widest);
    this.#tfWeight = Float64Array.from({ length: 256 }, (_, tf) => (sublinearTf ? 1 + Math.log(tf) : tf));
    this.#touched = new Int32Array(widest);
  }

  /** Counts one block's vocabulary n-grams in the loaded text; returns how many distinct features were touched. */
  #countBlock(block: CompiledBlock): number {
    if (block.words) return this.#countCharBlock(block, block.words);
    const analyser = this.#analyser;
    const emitted = block.kind === 'word' ? analyser.emitWordNgrams(block.range) : analyser.emitTextCharNgrams(block.range);
    const { h1, h2 } = analyser.out;
    const tally = this.#tally;
    let touched = 0;
    for (let k = 0; k < emitted; k++) {
      const f = block.table.get(h1[k], h2[k]);
      if (f < 0) continue;
      if (tally[f]++ === 0) this.#touched[touched++] = f;
    }
    return touched;
  }

  #countCharBlock(block: CompiledBlock, cache: WordCache): number {
    const analyser = this.#analyser;
    const tally = this.#tally;
    const touchedIds = this.#touched;
    let touched = 0;
    analyser.forEachSpaceWord((start, end) => {
      const w1 = analyser.hashUnits(start, end);
      const w2 = analyser.lastHash2;
      const entry = cache.table.get(w1, w2);
      let from: number;
      let to: number;
      const mark = cache.size;
      if (entry >= 0) {
        from = cache.start[entry];
        to = cache.end[entry];
      } else {
        analyser.out.count = 0;
        analyser.appendWordCharNgrams(start, end, block.range);
        const { h1, h2, count } = analyser.out;
        for (let k = 0; k < count; k++) {
          const f = block.table.get(h1[k], h2[k]);
          if (f >= 0) cache.append(f);
        }
        from = mark;
        to = cache.size;
      }
      const pool = cache.pool;
      for (let p = from; p < to; p++) {
        const f = pool[p];
        if (tally[f]++ === 0) touchedIds[touched++] = f;
      }
      if (entry < 0) {
        if (mark < WordCache.LIMIT) {
          cache.table.set(w1, w2, cache.start.length);
          cache.start.push(from);
          cache.end.push(to);
        } else {
          cache.size = mark;
        }
      }
    });
    return touched;
  }

  #weight(block: CompiledBlock, f: number): number {
    const tf = this.#tally[f];
    return (tf < 256 ? this.#tfWeight[tf] : this.#sublinear ? 1 + Math.log(tf) : tf) * block.idf[f];
  }

  /** The TF-IDF matrix of the texts (rows = texts, columns = all blocks' features). */
  transform(texts: readonly string[]): CsrMatrix {
    const builder = new CsrBuilder(this.dimension);
    for (const text of texts) {
      this.#analyser.load(text);
      for (const block of this.#blocks) {
        const touched = this.#countBlock(block);
        let norm = 0;
        for (let t = 0; t < touched; t++) norm += this.#weight(block, this.#touched[t]) ** 2;
        const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (let t = 0; t < touched; t++) {
          const f = this.#touched[t];
          builder.push(block.offset + f, this.#weight(block, f) * scale);
          this.#tally[f] = 0;
        }
      }
      builder.endRow();
    }
    return builder.finish();
  }

  /** Linear scores w·x + bias for each text, without building the matrix (the fast path for prediction). */
  scores(texts: readonly string[], weights: ArrayLike<number>, bias: number, out = new Float64Array(texts.length)): Float64Array {
    const tally = this.#tally;
    const touchedIds = this.#touched;
    for (let i = 0; i < texts.length; i++) {
      this.#analyser.load(texts[i]);
      let score = bias;
      for (const block of this.#blocks) {
        const touched = this.#countBlock(block);
        let norm = 0;
        let dot = 0;
        for (let t = 0; t < touched; t++) {
          const f = touchedIds[t];
          const value = this.#weight(block, f);
          norm += value * value;
          dot += value * weights[block.offset + f];
          tally[f] = 0;
        }
        if (norm > 0) score += dot / Math.sqrt(norm);
      }
      out[i] = score;
    }
    return out;
  }
}
