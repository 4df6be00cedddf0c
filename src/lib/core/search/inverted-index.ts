// The inverted index of a dataset's sentences: folded terms → posting lists of sentence numbers (file order), with
// the TF-IDF norm of each sentence so that similarity needs no second pass, and each term's word positions so that
// a search for several words needs no sentence text. Built in one pass, answer by answer.
import { positionedTerms } from './tokens';
import { encodePostings, VarintWriter } from './varint';

/** A built index, ready to store: sentence numbers are positions in file order (answer by answer). */
export interface BuiltIndex {
  docCount: number;
  /** The answers in file order, and the number of each one's first sentence (one more entry: docCount). */
  answerIds: Uint32Array;
  answerStarts: Uint32Array;
  terms: string[];
  dfs: Uint32Array;
  postings: Uint8Array[];
  /** Per term, the positions of each posting (see decodePositions), at most 255 per sentence as the tf. */
  positions: Uint8Array[];
  /** Euclidean norm of each sentence's TF-IDF vector (0 for a sentence without a letter or digit). */
  norms: Float32Array;
}

/** Smoothed inverse document frequency, as scikit-learn's TfidfVectorizer (smooth_idf) computes it. */
export function idf(df: number, docCount: number): number {
  return Math.log((docCount + 1) / (df + 1)) + 1;
}

/** Sublinear term frequency: a word said three times does not weigh three times as much. */
export function tfWeight(tf: number): number {
  return 1 + Math.log(tf);
}

export class IndexBuilder {
  readonly #termIds = new Map<string, number>();
  readonly #terms: string[] = [];
  // Per term, postings packed as doc × 256 + min(tf, 255): small integers V8 keeps unboxed.
  readonly #packed: number[][] = [];
  readonly #positions: VarintWriter[] = [];
  readonly #answerIds: number[] = [];
  readonly #answerStarts: number[] = [];
  #docs = 0;

  get docCount(): number {
    return this.#docs;
  }

  /** Adds one answer's sentences (in order); answers must come in file order. */
  addAnswer(answerId: number, sentences: readonly string[]): void {
    this.#answerIds.push(answerId);
    this.#answerStarts.push(this.#docs);
    for (const text of sentences) {
      const doc = this.#docs++;
      for (const [term, at] of positionedTerms(text)) {
        const tf = Math.min(at.length, 255);
        let id = this.#termIds.get(term);
        if (id === undefined) {
          id = this.#terms.length;
          this.#termIds.set(term, id);
          this.#terms.push(term);
          this.#packed.push([]);
          this.#positions.push(new VarintWriter());
        }
        this.#packed[id]!.push(doc * 256 + tf);
        const writer = this.#positions[id]!;
        for (let i = 0; i < tf; i++) writer.push(at[i]! - (i ? at[i - 1]! : 0));
      }
    }
  }

  build(): BuiltIndex {
    const docCount = this.#docs;
    const norms = new Float64Array(docCount);
    const dfs = new Uint32Array(this.#terms.length);
    const postings: Uint8Array[] = [];
    this.#packed.forEach((list, id) => {
      dfs[id] = list.length;
      const w = idf(list.length, docCount);
      for (const p of list) norms[Math.floor(p / 256)]! += (tfWeight(p % 256) * w) ** 2;
      postings.push(encodePostings(list));
    });
    return {
      docCount,
      answerIds: Uint32Array.from(this.#answerIds),
      answerStarts: Uint32Array.from([...this.#answerStarts, docCount]),
      terms: this.#terms,
      dfs,
      postings,
      positions: this.#positions.map((w) => w.finish()),
      norms: Float32Array.from(norms, Math.sqrt),
    };
  }
}

/** The position of the answer holding sentence number `doc` (binary search over answerStarts). */
export function answerPositionOf(answerStarts: Uint32Array, doc: number): number {
  let lo = 0;
  let hi = answerStarts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (answerStarts[mid]! <= doc) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
