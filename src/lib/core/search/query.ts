// Answers from an inverted index: which sentences hold a folded text, and which are most (or least) similar to a
// text by TF-IDF cosine. Posting lists are fetched through the view, so the caller decides where they live.
import { idf, tfWeight } from './inverted-index';
import { needleRuns, phraseOf, searchTokens, termCounts } from './tokens';
import { TopK, type Scored } from './top-k';
import { decodePositions, decodePostings } from './varint';

export interface IndexView {
  docCount: number;
  norms: Float32Array;
  /** Every term, each between two '\n' (one before the first and one after the last). */
  vocabulary: string;
  /** Document frequency of a term, undefined when the index does not hold it. */
  df(term: string): number | undefined;
  /** Encoded posting lists of these terms, in the same order. */
  postings(terms: readonly string[]): Promise<Uint8Array[]>;
  /** Encoded positions of these terms (see decodePositions); absent for an index built without them. */
  positions?(terms: readonly string[]): Promise<Uint8Array[]>;
}

/** The terms holding `run` (a scan of the joined vocabulary with indexOf: milliseconds for 100,000 terms). */
export function termsContaining(vocabulary: string, run: string): string[] {
  const found: string[] = [];
  let from = 0;
  let lastLine = -1;
  for (;;) {
    const at = vocabulary.indexOf(run, from);
    if (at < 0) return found;
    const start = vocabulary.lastIndexOf('\n', at) + 1;
    const end = vocabulary.indexOf('\n', at);
    if (start !== lastLine && start < end) found.push(vocabulary.slice(start, end));
    lastLine = start;
    from = end;
  }
}

export interface TextMatches {
  /** Sentence numbers, ascending. */
  docs: Uint32Array;
  /** False when the needle has several runs: the docs hold every run, and their text must still be checked. */
  exact: boolean;
}

/** The terms ending with `run` (`edge` 'end') or starting with it ('start'). */
export function termsAtEdge(vocabulary: string, run: string, edge: 'start' | 'end'): string[] {
  const probe = edge === 'start' ? `\n${run}` : `${run}\n`;
  const found: string[] = [];
  for (let at = vocabulary.indexOf(probe); at >= 0; at = vocabulary.indexOf(probe, at + 1)) {
    const start = edge === 'start' ? at + 1 : vocabulary.lastIndexOf('\n', at) + 1;
    const end = vocabulary.indexOf('\n', edge === 'start' ? at + 1 : at);
    if (start < end) found.push(vocabulary.slice(start, end));
  }
  return found;
}

/** Marks, in `hits`, the sentences of these lists that hold every earlier group (hits[doc] === group → group + 1). */
function markGroup(hits: Uint8Array, lists: readonly Uint8Array[], group: number): void {
  for (const bytes of lists) {
    const { docs } = decodePostings(bytes);
    for (let p = 0; p < docs.length; p++) if (hits[docs[p]!] === group) hits[docs[p]!] = group + 1;
  }
}

function docsWith(hits: Uint8Array, value: number): Uint32Array {
  let n = 0;
  for (let doc = 0; doc < hits.length; doc++) if (hits[doc] === value) n++;
  const docs = new Uint32Array(n);
  n = 0;
  for (let doc = 0; doc < hits.length; doc++) if (hits[doc] === value) docs[n++] = doc;
  return docs;
}

// A (sentence, position) pair as one number: positions stay below 2²¹ (a sentence of two million words would not).
const KEY = 2 ** 21;

/**
 * Several words separated by spaces, apostrophes or hyphens: the first run ends a term, the last starts one, those
 * between are whole terms, at the positions the separators step to. Exact, from the index alone.
 */
async function matchPhrase(view: IndexView & Required<Pick<IndexView, 'positions'>>, runs: string[], steps: number[]): Promise<TextMatches> {
  const last = runs.length - 1;
  const groups = runs.map((run, g) => (g === 0 ? termsAtEdge(view.vocabulary, run, 'end') : g === last ? termsAtEdge(view.vocabulary, run, 'start') : view.df(run) === undefined ? [] : [run]));
  const hits = new Uint8Array(view.docCount);
  const lists: Uint8Array[][] = [];
  for (let g = 0; g < groups.length; g++) {
    lists.push(await view.postings(groups[g]!));
    markGroup(hits, lists[g]!, g);
  }
  // Sentences holding a term of each group; then the chain of positions, group by group.
  let chain: Set<number> | undefined;
  let offset = 0;
  for (let g = 0; g < groups.length; g++) {
    if (g > 0) offset += steps[g - 1]!;
    const next = new Set<number>();
    const positions = await view.positions(groups[g]!);
    lists[g]!.forEach((bytes, t) => {
      const { docs, tfs } = decodePostings(bytes);
      const decoded = decodePositions(positions[t]!, tfs);
      for (let p = 0; p < docs.length; p++) {
        const doc = docs[p]!;
        if (hits[doc] !== groups.length) continue;
        for (let j = decoded.starts[p]!; j < decoded.starts[p + 1]!; j++) {
          if (decoded.positions[j]! < offset) continue;
          const key = doc * KEY + decoded.positions[j]! - offset;
          if (!chain || chain.has(key)) next.add(key);
        }
      }
    });
    chain = next;
  }
  const found = new Uint8Array(view.docCount);
  for (const key of chain ?? []) found[Math.floor(key / KEY)] = 1;
  return { docs: docsWith(found, 1), exact: true };
}

/** Sentences whose fold may hold `needle` (already folded with foldForSearch); null when it has no letter or digit. */
export async function matchText(view: IndexView, needle: string): Promise<TextMatches | null> {
  const phrase = view.positions ? phraseOf(needle) : null;
  if (phrase) return matchPhrase(view as IndexView & Required<Pick<IndexView, 'positions'>>, phrase.runs, phrase.steps);
  const { runs, exact } = needleRuns(needle);
  if (!runs.length) return null;
  const distinct = [...new Set(runs)];
  const hits = new Uint8Array(view.docCount);
  // A sentence counts once per run whatever the number of terms holding that run in it.
  for (let r = 0; r < distinct.length; r++) markGroup(hits, await view.postings(termsContaining(view.vocabulary, distinct[r]!)), r);
  return { docs: docsWith(hits, distinct.length), exact };
}

export interface SimilarOptions {
  k: number;
  /** 'least' gives the least similar sentences that hold at least one letter or digit. */
  order?: 'most' | 'least';
  /** A sentence number to leave out (the sentence the query came from). */
  exclude?: number;
}

const TF_WEIGHTS = Float64Array.from({ length: 256 }, (_, tf) => (tf ? tfWeight(tf) : 0));

/** TF-IDF cosine of `text` with every sentence, through the posting lists of its terms only; best k first. */
export async function similarByTfidf(view: IndexView, text: string, options: SimilarOptions): Promise<Scored[]> {
  const counts = [...termCounts(searchTokens(text))].filter(([term]) => view.df(term) !== undefined);
  const weights = counts.map(([term, tf]) => tfWeight(tf) * idf(view.df(term)!, view.docCount));
  const queryNorm = Math.hypot(...weights);
  const most = options.order !== 'least';
  const top = new TopK(options.k, most);
  const scores = new Float32Array(view.docCount);
  // The sentences sharing a term with the query, in the order first met: the most similar are among them. When they
  // are a large share of the corpus (common words only), one pass over every sentence is cheaper than the list.
  const touched: number[] = [];
  const limit = most ? view.docCount >> 4 : 0;
  if (queryNorm > 0) {
    const lists = (await view.postings(counts.map(([term]) => term))).map((bytes) => decodePostings(bytes));
    lists.forEach(({ docs, tfs }, i) => {
      const w = weights[i]! * idf(view.df(counts[i]![0])!, view.docCount);
      for (let p = 0; p < docs.length; p++) {
        const doc = docs[p]!;
        if (scores[doc] === 0 && touched.length <= limit) touched.push(doc);
        scores[doc]! += w * TF_WEIGHTS[tfs[p]!]!;
      }
    });
  }
  const norms = view.norms;
  const consider = (doc: number) => {
    const norm = norms[doc]!;
    if (norm === 0 || doc === options.exclude) return;
    const score = queryNorm > 0 ? scores[doc]! / (norm * queryNorm) : 0;
    // A sentence sharing no term is not "similar" at all: only the least-similar order lists those.
    if ((score > 0 || !most) && top.accepts(score, doc)) top.push(doc, score);
  };
  if (most && touched.length <= limit) for (const doc of touched) consider(doc);
  else for (let doc = 0; doc < scores.length; doc++) consider(doc);
  return top.result();
}
