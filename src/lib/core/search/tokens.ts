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

/**
 * What separates two runs, as a position step: the next run's position is the previous one's plus this. A needle
 * whose runs are separated only by these separators is matched from word positions alone (see matchText).
 */
export const SEPARATOR_STEPS: Readonly<Record<string, number>> = { ' ': 1, "'": 2, '-': 3 };
const OTHER_STEP = 4;

/** Each distinct folded run of a text with its positions (run numbers, stepped by the separator before each run). */
export function positionedTerms(text: string): Map<string, number[]> {
  const folded = foldForSearch(text);
  const out = new Map<string, number[]>();
  let position = 0;
  let end = -1;
  for (const match of folded.matchAll(RUN)) {
    if (end >= 0) position += SEPARATOR_STEPS[folded.slice(end, match.index)] ?? OTHER_STEP;
    end = match.index + match[0].length;
    const list = out.get(match[0]);
    if (list) list.push(position);
    else out.set(match[0], [position]);
  }
  return out;
}

/** The runs of a needle and the steps between them, when each separator is one of SEPARATOR_STEPS; else null. */
export function phraseOf(needle: string): { runs: string[]; steps: number[] } | null {
  const runs: string[] = [];
  const steps: number[] = [];
  let end = 0;
  for (const match of needle.matchAll(RUN)) {
    if (runs.length) {
      const step = SEPARATOR_STEPS[needle.slice(end, match.index)];
      if (step === undefined) return null;
      steps.push(step);
    } else if (match.index !== 0) return null;
    runs.push(match[0]);
    end = match.index + match[0].length;
  }
  return runs.length > 1 && end === needle.length ? { runs, steps } : null;
}
