// Prediction with a saved baseline: the vectoriser is rebuilt once per model object and cached.
import { sigmoid } from './logistic';
import type { CsrMatrix } from './sparse';
import { labelAt } from './threshold';
import type { ScoringModel } from './single-fit';
import type { BaselineModel } from './types';
import { Vectoriser } from './vectoriser';

interface Compiled {
  vectoriser: Vectoriser;
  weights: Float64Array;
}

const compiled = new WeakMap<ScoringModel, Compiled>();

function compile(model: ScoringModel): Compiled {
  let c = compiled.get(model);
  if (!c) {
    // Models stored before format 2 lack charAcrossWords: their character n-grams stayed within words.
    const { foldAccents, punctuationTokens, sublinearTf, charAcrossWords = false } = model.settings.features;
    const blocks = model.blocks.map((b) => ({ kind: b.kind, range: b.ngramRange, vocabulary: b.vocabulary, idf: b.idf }));
    c = {
      vectoriser: new Vectoriser(blocks, { foldAccents, punctuationTokens }, sublinearTf, charAcrossWords),
      weights: Float64Array.from(model.blocks.flatMap((b) => b.coefficients)),
    };
    compiled.set(model, c);
  }
  return c;
}

/** Linear scores (log-odds of "dissident") of each text. */
export function decisionScores(model: ScoringModel, texts: readonly string[]): Float64Array {
  const { vectoriser, weights } = compile(model);
  return vectoriser.scores(texts, weights, model.intercept);
}

/** Probability of "dissident" for each text. */
export function predictProba(model: ScoringModel, texts: readonly string[]): Float64Array {
  const scores = decisionScores(model, texts);
  for (let i = 0; i < scores.length; i++) scores[i] = sigmoid(scores[i]);
  return scores;
}

/** 1 (dissident) where the probability reaches the threshold (the model's own by default). */
export function predictLabels(model: BaselineModel, texts: readonly string[], threshold = model.threshold): { label: 0 | 1; probability: number }[] {
  return Array.from(predictProba(model, texts), (probability) => ({ label: labelAt(probability, threshold), probability }));
}

/** The TF-IDF matrix the model sees (for explanations); columns follow the blocks' vocabularies in order. */
export function vectorise(model: BaselineModel, texts: readonly string[]): CsrMatrix {
  return compile(model).vectoriser.transform(texts);
}
