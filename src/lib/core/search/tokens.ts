// Search tokens: the folded text (foldForSearch: accents, case, quotes) cut into runs of letters and digits.
import { foldForSearch } from '../text/normalise';

const RUN = /[\p{L}\p{N}]+/gu;

/** The folded letter-and-digit runs of a text, in order (repeats kept). */
export function searchTokens(text: string): string[] {
  return foldForSearch(text).match(RUN) ?? [];
}

/** Each distinct token with its count. */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * How the index answers a folded needle. Every letter-and-digit run of the needle lies inside one run of any text
 * whose fold contains the needle, so the sentences holding, for each run, a term that contains it, are a superset
 * of the matches; it is exact when the needle is a single run (nothing between runs to check).
 */
export function needleRuns(needle: string): { runs: string[]; exact: boolean } {
  const runs = needle.match(RUN) ?? [];
  return { runs, exact: runs.length === 1 && runs[0] === needle };
}
