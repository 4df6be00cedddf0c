// Answers from an inverted index: which sentences hold a folded text, and which are most (or least) similar to a
// text by TF-IDF cosine. Posting lists are fetched through the view, so the caller decides where they live.
import { idf, tfWeight } from './inverted-index';
import { needleRuns, searchTokens, termCounts } from './tokens';
import { TopK, type Scored } from './top-k';
import { forEachPosting } from './varint';

export interface IndexView {
  docCount: number;
  norms: Float32Array;
  /** Every term, each between two '\n' (one before the first and one after the last). */
  vocabulary: string;
  /** Document frequency of a term, undefined when the index does not hold it. */
  df(term: string): number | undefined;
  /** Encoded posting lists of these terms, in the same order. */
  postings(terms: readonly string[]): Promise<Uint8Array[]>;
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

/** Sentences whose fold may hold `needle` (already folded with foldForSearch); null when it has no letter or digit. */
export async function matchText(view: IndexView, needle: string): Promise<TextMatches | null> {
  const { runs, exact } = needleRuns(needle);
  if (!runs.length) return null;
  const distinct = [...new Set(runs)];
  const hits = new Uint8Array(view.docCount);
  for (let r = 0; r < distinct.length; r++) {
    const lists = await view.postings(termsContaining(view.vocabulary, distinct[r]!));
    // A sentence counts once per run whatever the number of terms holding that run in it.
    for (const list of lists) forEachPosting(list, (doc) => void (hits[doc] === r && (hits[doc] = r + 1)));
  }
  const docs: number[] = [];
  for (let doc = 0; doc < hits.length; doc++) if (hits[doc] === distinct.length) docs.push(doc);
  return { docs: Uint32Array.from(docs), exact };
}

export interface SimilarOptions {
  k: number;
  /** 'least' gives the least similar sentences that hold at least one letter or digit. */
  order?: 'most' | 'least';
  /** A sentence number to leave out (the sentence the query came from). */
  exclude?: number;
}

/** TF-IDF cosine of `text` with every sentence, through the posting lists of its terms only; best k first. */
export async function similarByTfidf(view: IndexView, text: string, options: SimilarOptions): Promise<Scored[]> {
  const counts = [...termCounts(searchTokens(text))].filter(([term]) => view.df(term) !== undefined);
  const weights = counts.map(([term, tf]) => tfWeight(tf) * idf(view.df(term)!, view.docCount));
  const queryNorm = Math.hypot(...weights);
  const most = options.order !== 'least';
  const top = new TopK(options.k, most);
  const scores = new Float32Array(view.docCount);
  if (queryNorm > 0) {
    const lists = await view.postings(counts.map(([term]) => term));
    lists.forEach((list, i) => {
      const w = weights[i]! * idf(view.df(counts[i]![0])!, view.docCount);
      forEachPosting(list, (doc, tf) => void (scores[doc]! += w * tfWeight(tf)));
    });
  }
  const norms = view.norms;
  for (let doc = 0; doc < scores.length; doc++) {
    const norm = norms[doc]!;
    if (norm === 0 || doc === options.exclude) continue;
    const score = queryNorm > 0 ? scores[doc]! / (norm * queryNorm) : 0;
    // A sentence sharing no term is not "similar" at all: only the least-similar order lists those.
    if ((score > 0 || !most) && top.accepts(score)) top.push(doc, score);
  }
  return top.result();
}
