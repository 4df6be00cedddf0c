// Data-quality facts gathered while importing: length histograms, empties, exact duplicates, outliers,
// and sentence counts per combination of flags (so the annotation screen counts what filters leave).

/** Bit flags on answers and their sentences; filters exclude any combination of them from labelling. */
export const FLAG = { duplicate: 1, long: 2, nonFrench: 4, garbage: 8 } as const;
export type FlagName = keyof typeof FLAG;
export const FLAG_NAMES = Object.keys(FLAG) as FlagName[];

/** Answers longer than this (about 2,000 words) are outliers. */
export const LONG_ANSWER_CHARS = 12_000;

/** Upper bounds (exclusive) of the histogram bins, in characters; the last bin is open. */
export const ANSWER_BINS = [50, 100, 200, 500, 1_000, 2_000, 5_000, 12_000, 50_000];
export const SENTENCE_BINS = [20, 50, 100, 200, 300, 500, 1_000, 2_000];

export interface DatasetOverview {
  answerLengths: number[];
  sentenceLengths: number[];
  emptyAnswers: number;
  longestAnswer: number;
  /** Answers per flag name. */
  flagged: Record<FlagName, number>;
  /** Sentences per flags bitmask ("0" = clean). */
  sentencesByFlags: Record<string, number>;
}

export function emptyOverview(): DatasetOverview {
  return {
    answerLengths: new Array<number>(ANSWER_BINS.length + 1).fill(0),
    sentenceLengths: new Array<number>(SENTENCE_BINS.length + 1).fill(0),
    emptyAnswers: 0,
    longestAnswer: 0,
    flagged: { duplicate: 0, long: 0, nonFrench: 0, garbage: 0 },
    sentencesByFlags: {},
  };
}

export function binOf(bins: readonly number[], value: number): number {
  let i = 0;
  while (i < bins.length && value >= bins[i]!) i++;
  return i;
}

/** Records one non-empty answer and its sentence lengths. */
export function addAnswer(o: DatasetOverview, length: number, flags: number, sentenceLengths: readonly number[]): void {
  o.answerLengths[binOf(ANSWER_BINS, length)]!++;
  if (length > o.longestAnswer) o.longestAnswer = length;
  for (const name of FLAG_NAMES) if (flags & FLAG[name]) o.flagged[name]++;
  for (const l of sentenceLengths) o.sentenceLengths[binOf(SENTENCE_BINS, l)]!++;
  if (sentenceLengths.length) o.sentencesByFlags[flags] = (o.sentencesByFlags[flags] ?? 0) + sentenceLengths.length;
}

/** Sentences left for labelling when answers with any of `excludeMask`'s flags are excluded. */
export function sentencesKept(o: DatasetOverview, excludeMask: number): number {
  let kept = 0;
  for (const [flags, count] of Object.entries(o.sentencesByFlags)) if ((Number(flags) & excludeMask) === 0) kept += count;
  return kept;
}
