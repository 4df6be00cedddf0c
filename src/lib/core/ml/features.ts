// Per-corpus n-gram counts prepared once, then TF-IDF features fitted on any subset of rows (a fold) without leakage.
import { CodedError } from '../errors';
import { rebalance, type Imbalance } from './folds';
import { balancedWeights } from './logistic';
import type { CsrMatrix } from './sparse';
import { countNgrams, fitVocabulary, tfidfBlocks, type CorpusCounts, type FittedVocabulary } from './tfidf';
import type { FeatureSettings, Hyperparameters } from './types';

/** Counts of every word and character n-gram up to the longest lengths any candidate uses. */
export interface PreparedCorpus {
  labels: Uint8Array;
  features: FeatureSettings;
  word: CorpusCounts | null;
  char: CorpusCounts | null;
}

export function prepareCorpus(
  texts: readonly string[],
  labels: ArrayLike<number>,
  features: FeatureSettings,
  longest: { word: number; char: number },
  shortest: { word: number; char: number } = { word: 1, char: 1 },
): PreparedCorpus {
  const text = { foldAccents: features.foldAccents, punctuationTokens: features.punctuationTokens };
  return {
    labels: Uint8Array.from(labels),
    features,
    word: longest.word > 0 ? countNgrams(texts, 'word', longest.word, text, false, shortest.word) : null,
    char: longest.char > 0 ? countNgrams(texts, 'char', longest.char, text, features.charAcrossWords, shortest.char) : null,
  };
}

/** The fitted blocks (word first, then characters) with the corpus each was counted in. */
export interface FittedFeatures {
  blocks: { corpus: CorpusCounts; vocabulary: FittedVocabulary }[];
}

/** Vocabularies and idf fitted on the given documents only (the training rows of a fold). */
export function fitFeatures(corpus: PreparedCorpus, docs: ArrayLike<number>, params: Hyperparameters): FittedFeatures {
  const blocks: FittedFeatures['blocks'] = [];
  const options = { minDf: params.minDf, maxFeatures: corpus.features.maxFeatures };
  if (params.wordNgrams) {
    if (!corpus.word) throw new Error('Comptes de mots absents du corpus préparé.');
    blocks.push({ corpus: corpus.word, vocabulary: fitVocabulary(corpus.word, docs, { ...options, range: params.wordNgrams }) });
  }
  if (params.charNgrams) {
    if (!corpus.char) throw new Error('Comptes de caractères absents du corpus préparé.');
    blocks.push({ corpus: corpus.char, vocabulary: fitVocabulary(corpus.char, docs, { ...options, range: params.charNgrams }) });
  }
  if (blocks.length === 0) throw new CodedError('train/noFeatures', 'Aucun bloc de caractéristiques : activez les n-grammes de mots ou de caractères.');
  return { blocks };
}

/** TF-IDF rows, each block L2-normalised on its own, blocks side by side (like a scikit-learn FeatureUnion). */
export function featureRows(corpus: PreparedCorpus, fitted: FittedFeatures, rows: ArrayLike<number>): CsrMatrix {
  return tfidfBlocks(fitted.blocks, rows, corpus.features.sublinearTf);
}

export interface TrainingSet {
  X: CsrMatrix;
  y: Uint8Array;
  weights: Float64Array;
}

/** What the solver sees for some training rows: rebalanced by resampling, or weighted by class. */
export function trainingSet(corpus: PreparedCorpus, fitted: FittedFeatures, rows: ArrayLike<number>, imbalance: Imbalance, seed: number): TrainingSet {
  const used = rebalance(rows, corpus.labels, imbalance, seed);
  const y = Uint8Array.from(used, (i) => corpus.labels[i]);
  const weights = imbalance === 'class-weight' ? balancedWeights(y) : new Float64Array(y.length).fill(1);
  return { X: featureRows(corpus, fitted, used), y, weights };
}
