// The explorer's pure part: a dataset's scores flattened to typed arrays, filtered (threshold, predicted label,
// agreement with the human label, a text match), ordered by score, counted in a histogram, and written as CSV rows.
import { DEFAULT_LABELS } from '../../annotation/labels';

const [DISSIDENT, NOT_DISSIDENT] = DEFAULT_LABELS;

/** Every scored sentence of a dataset, position by position: its id, its answer, its probability. */
export interface ScoredIndex {
  sentenceIds: Float64Array;
  answerIds: Float64Array;
  probabilities: Float32Array;
}

/** Agreement of the model's verdict with the human reference label ('none': no such label, or « inclassable »). */
export type ModelAgreement = 'agree' | 'disagree' | 'none';

export interface ExploreFilters {
  threshold: number;
  /** The predicted label, or '' for both. */
  label: '' | typeof DISSIDENT | typeof NOT_DISSIDENT;
  agreement: '' | ModelAgreement;
  order: 'desc' | 'asc';
}

export const HISTOGRAM_BINS = 20;

type ScoreRows = readonly { answerId: number; probabilities: Float32Array }[];

/** Flattens per-answer rows (sentence i of answer a has id a × 2²⁰ + i) into one index. */
export function flattenScores(rows: ScoreRows, sentenceIdOf: (answerId: number, position: number) => number): ScoredIndex {
  return appendScores({ sentenceIds: new Float64Array(0), answerIds: new Float64Array(0), probabilities: new Float32Array(0) }, rows, sentenceIdOf);
}

/**
 * The index with rows of later answers added at its end (a run stores answers in id order, so the explorer reads only
 * what came since its last read instead of flattening every row again); rows are sorted by answer id first.
 */
export function appendScores(base: ScoredIndex, rows: ScoreRows, sentenceIdOf: (answerId: number, position: number) => number): ScoredIndex {
  const sorted = [...rows].sort((a, b) => a.answerId - b.answerId);
  const from = base.probabilities.length;
  const n = from + sorted.reduce((sum, r) => sum + r.probabilities.length, 0);
  const index: ScoredIndex = { sentenceIds: new Float64Array(n), answerIds: new Float64Array(n), probabilities: new Float32Array(n) };
  index.sentenceIds.set(base.sentenceIds);
  index.answerIds.set(base.answerIds);
  index.probabilities.set(base.probabilities);
  let k = from;
  for (const row of sorted) {
    index.probabilities.set(row.probabilities, k);
    for (let i = 0; i < row.probabilities.length; i++, k++) {
      index.sentenceIds[k] = sentenceIdOf(row.answerId, i);
      index.answerIds[k] = row.answerId;
    }
  }
  return index;
}

export function predictedLabel(probability: number, threshold: number): typeof DISSIDENT | typeof NOT_DISSIDENT {
  return probability >= threshold ? DISSIDENT : NOT_DISSIDENT;
}

export function agreementWith(human: string | undefined, predicted: string): ModelAgreement {
  if (human !== DISSIDENT && human !== NOT_DISSIDENT) return 'none';
  return human === predicted ? 'agree' : 'disagree';
}

export interface Selection {
  /** Positions in the index that pass every filter, ordered by probability. */
  positions: Uint32Array;
  /** Counts per probability bin of the sentences passing the agreement and text filters (threshold and label aside). */
  histogram: number[];
  /** Among those, how many reach the threshold. */
  dissident: number;
  considered: number;
}

/** Applies the filters; `human` gives a sentence's reference label, `matches` says whether it holds the searched text. */
export function select(index: ScoredIndex, filters: ExploreFilters, human: (sentenceId: number) => string | undefined, matches?: (position: number) => boolean): Selection {
  const histogram = new Array<number>(HISTOGRAM_BINS).fill(0);
  const kept: number[] = [];
  let dissident = 0;
  let considered = 0;
  for (let k = 0; k < index.probabilities.length; k++) {
    if (matches && !matches(k)) continue;
    const p = index.probabilities[k]!;
    const predicted = predictedLabel(p, filters.threshold);
    if (filters.agreement && agreementWith(human(index.sentenceIds[k]!), predicted) !== filters.agreement) continue;
    considered++;
    histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(p * HISTOGRAM_BINS))]!++;
    if (predicted === DISSIDENT) dissident++;
    if (filters.label && predicted !== filters.label) continue;
    kept.push(k);
  }
  return { positions: byProbability(index, kept, filters.order), histogram, dissident, considered };
}

/** Room for positions in a sort key below the probability's 30 bits (a Float64 holds 53 exact bits). */
const POSITION_BITS = 23;

/**
 * Positions ordered by probability, ties by sentence id. Each position becomes one number, the probability's float32
 * bits (ordered as the values are, for non-negative floats) above the position, so the engine's native numeric sort
 * of a Float64Array does the work: no comparator called millions of times on a large corpus. The index is in
 * sentence id order, so position order is sentence id order. Past 2²³ positions, the comparator sort.
 */
function byProbability(index: ScoredIndex, kept: readonly number[], order: ExploreFilters['order']): Uint32Array {
  const n = index.probabilities.length;
  const sign = order === 'asc' ? 1 : -1;
  if (n >= 2 ** POSITION_BITS) return Uint32Array.from(kept).sort((a, b) => sign * (index.probabilities[a]! - index.probabilities[b]!) || index.sentenceIds[a]! - index.sentenceIds[b]!);
  const bits = new Uint32Array(index.probabilities.buffer, index.probabilities.byteOffset, n);
  const keys = new Float64Array(kept.length);
  // Descending probability, ascending position: the bits are flipped (below 2³⁰ for p ≤ 1), the position is not.
  const top = 2 ** 30 - 1;
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i]!;
    const b = sign > 0 ? bits[k]! : top - bits[k]!;
    keys[i] = b * 2 ** POSITION_BITS + k;
  }
  keys.sort();
  const positions = new Uint32Array(kept.length);
  const mask = 2 ** POSITION_BITS;
  for (let i = 0; i < keys.length; i++) positions[i] = keys[i]! % mask;
  return positions;
}

/** Share of an answer's sentences at or above the threshold (0 for an answer without sentences). */
export function dissidentShare(probabilities: ArrayLike<number>, threshold: number): number {
  if (probabilities.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < probabilities.length; i++) if (probabilities[i]! >= threshold) n++;
  return n / probabilities.length;
}

/** Columns of the exported CSV: the CLI `score` command's, then the human label, the model and the threshold. */
export const EXPORT_HEADER = ['answer_id', 'sentence_index', 'start', 'end', 'probability', 'label', 'sentence', 'human_label', 'model', 'threshold'];
