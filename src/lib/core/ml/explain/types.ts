// Shapes of explanations shared by the exact (linear baseline) and LIME (any model) methods.

export type ExplainMethod = 'exact' | 'lime';

/** LIME's perturbed samples unless asked otherwise. */
export const DEFAULT_LIME_SAMPLES = 500;

/** A word of the sentence and its weight: positive pushes towards "dissident", negative away from it. */
export interface WordWeight {
  word: string;
  /** Offsets of the word in `sentence` (for highlighting). */
  start: number;
  end: number;
  weight: number;
}

/**
 * Exact contributions of a linear baseline, in log-odds: `intercept + Σ words[i].weight + unattributed = logit`.
 * `unattributed` is non-zero only for a text without any word (n-grams made of spaces alone).
 */
export interface ExactExplanation {
  method: 'exact';
  sentence: string;
  probability: number;
  logit: number;
  intercept: number;
  unattributed: number;
  /** Every word, in text order. */
  words: WordWeight[];
}

/** LIME: coefficients of a weighted ridge regression of the probability of "dissident" on which words are kept. */
export interface LimeExplanation {
  method: 'lime';
  sentence: string;
  probability: number;
  /** The local model's intercept and its prediction with every word kept (close to `probability` when it fits well). */
  intercept: number;
  localPrediction: number;
  /** Weighted R² of the local model on the samples. */
  score: number;
  samples: number;
  seed: number;
  /** Every word, in text order. */
  words: WordWeight[];
}

export type Explanation = ExactExplanation | LimeExplanation;

/** The k words of largest absolute weight, strongest first (ties keep text order). */
export function topWords(words: readonly WordWeight[], k: number): WordWeight[] {
  return words
    .map((w, i) => ({ w, i }))
    .sort((a, b) => Math.abs(b.w.weight) - Math.abs(a.w.weight) || a.i - b.i)
    .slice(0, Math.max(0, k))
    .map(({ w }) => w);
}
