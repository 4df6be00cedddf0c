// LIME for text (Ribeiro et al. 2016) for any model given a batch probability function: words masked at random
// (seeded), samples weighted by a kernel on their cosine distance to the sentence, weighted ridge on the masks.
import { yieldAndCheck } from '../abort';
import { mulberry32, randomInt } from '../../random';
import { weightedRidge } from './ridge';
import { DEFAULT_LIME_SAMPLES, type LimeExplanation } from './types';
import { layoutWords, maskWords } from './words';

/** Probability of "dissident" for each text; may be asynchronous (a worker, a transformer). */
export type ProbabilityFunction = (texts: string[]) => ArrayLike<number> | Promise<ArrayLike<number>>;

export interface LimeOptions {
  /** Perturbed samples, the sentence itself included (default 500). */
  samples?: number;
  seed?: number;
  /** Kernel width on the cosine distance ×100, as the reference implementation (default 25). */
  kernelWidth?: number;
  /** Ridge penalty (default 1, as the reference implementation). */
  alpha?: number;
  /** Texts per call of the probability function; cancellation is checked between calls (default 100). */
  batchSize?: number;
  signal?: AbortSignal;
}

function cancelled(): Error {
  const error = new Error('Explication annulée.');
  error.name = 'AbortError';
  return error;
}

/**
 * The masks: row 0 keeps every word; each other row removes a number of words drawn uniformly in 1..d−1 (1 when
 * d = 1), chosen at random without replacement, so every sample still reads as part of the sentence.
 */
export function drawMasks(d: number, samples: number, seed: number): Uint8Array {
  const rng = mulberry32(seed);
  const masks = new Uint8Array(samples * d).fill(1);
  const order = Int32Array.from({ length: d }, (_, i) => i);
  for (let s = 1; s < samples; s++) {
    const removed = d > 1 ? 1 + randomInt(rng, d - 1) : 1;
    // A partial Fisher–Yates shuffle picks `removed` distinct words.
    for (let i = 0; i < removed; i++) {
      const j = i + randomInt(rng, d - i);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
      masks[s * d + order[i]] = 0;
    }
  }
  return masks;
}

/** Kernel weight of a mask keeping `kept` of `d` words: its cosine distance to all-ones is 1 − √(kept/d). */
export function kernelWeight(kept: number, d: number, width: number): number {
  const distance = 100 * (1 - Math.sqrt(kept / d));
  return Math.sqrt(Math.exp(-(distance * distance) / (width * width)));
}

/** LIME explanation of one sentence; the words' weights are changes in the probability of "dissident". */
export async function limeExplain(sentence: string, probabilities: ProbabilityFunction, options: LimeOptions = {}): Promise<LimeExplanation> {
  const samples = Math.max(2, Math.round(options.samples ?? DEFAULT_LIME_SAMPLES));
  const seed = options.seed ?? 0;
  const width = options.kernelWidth ?? 25;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const { signal } = options;
  if (signal?.aborted) throw cancelled();
  // Where spaces are does not depend on accent folding, so the words are the same for every model.
  const layout = layoutWords(sentence, false);
  const d = layout.words.length;
  const base = { method: 'lime' as const, sentence: layout.text, samples, seed };
  if (d === 0) {
    const [p] = Array.from(await probabilities([layout.text]));
    return { ...base, probability: p, intercept: p, localPrediction: p, score: 1, words: [] };
  }

  const masks = drawMasks(d, samples, seed);
  const y = new Float64Array(samples);
  const weights = new Float64Array(samples);
  for (let from = 0; from < samples; from += batchSize) {
    const to = Math.min(samples, from + batchSize);
    const texts: string[] = [];
    for (let s = from; s < to; s++) texts.push(maskWords(layout.text, layout.words, masks.subarray(s * d, (s + 1) * d)));
    const p = await probabilities(texts);
    if (p.length !== texts.length) throw new Error(`Le modèle a rendu ${p.length} probabilités pour ${texts.length} textes.`);
    for (let s = from; s < to; s++) y[s] = p[s - from];
    if (signal?.aborted) throw cancelled();
    await yieldAndCheck();
    if (signal?.aborted) throw cancelled();
  }
  for (let s = 0; s < samples; s++) {
    let kept = 0;
    for (let j = 0; j < d; j++) kept += masks[s * d + j];
    weights[s] = kernelWeight(kept, d, width);
  }

  const X = Float64Array.from(masks);
  const fit = weightedRidge(X, samples, d, y, weights, options.alpha ?? 1);
  let localPrediction = fit.intercept;
  for (let j = 0; j < d; j++) localPrediction += fit.coefficients[j];
  return {
    ...base,
    probability: y[0],
    intercept: fit.intercept,
    localPrediction,
    score: fit.score,
    words: layout.words.map((w, j) => ({ word: w.word, start: w.start, end: w.end, weight: fit.coefficients[j] })),
  };
}
