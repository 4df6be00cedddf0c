// Types of the model worker's active-learning request (its handler: src/workers/active-handlers.ts).
import type { TrainOptionsInput } from '../../core/ml/types';

export interface ActiveRankArgs {
  /** Gold-labelled sentences (1 = dissident) to retrain on. */
  texts: string[];
  labels: (0 | 1)[];
  /** Sentences to rank (not yet labelled by the annotator). */
  pool: { id: number; text: string; hash?: string }[];
  /** Probability the queue centres on (default 0.5, the class-weighted model's own boundary). */
  threshold?: number;
  options?: TrainOptionsInput;
}

export interface ActiveRankResult {
  /** Pool ids, most useful first (copies and near-identical sentences at the back). */
  order: number[];
  /** P(dissident) of each pool sentence, in the pool's order. */
  ids: number[];
  probabilities: Float64Array;
  threshold: number;
  trainedOn: { n: number; positives: number };
  /** Seconds of the fit alone, and of the whole request (fit, scoring, ordering). */
  fitSeconds: number;
  seconds: number;
}
