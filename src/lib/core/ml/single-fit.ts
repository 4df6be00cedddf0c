// One baseline fit with fixed hyperparameters and no cross-validation: counts, TF-IDF and L-BFGS on all rows, as
// scikit-learn's Pipeline.fit. Active learning retrains with it; bench:train times it against scikit-learn.
import { CodedError } from '../errors';
import { fitFeatures, prepareCorpus, trainingSet } from './features';
import { fitLogisticAuto } from './logistic-gram';
import type { BaselineModel, Hyperparameters } from './types';
import { resolveOptions } from './train';
import type { TrainOptionsInput } from './types';

/**
 * The hyperparameters of quick retrains: those the full search chooses on the shared file (C = 1, words 1–2,
 * characters 2–5 within words), also scikit-learn's reference pipeline in docs/benchmarks.md.
 */
export const SINGLE_FIT_PARAMS: Hyperparameters = { C: 1, wordNgrams: [1, 2], charNgrams: [2, 5], minDf: 1 };

/** What scoring needs of a baseline: a full BaselineModel is one, and so is a single fit's result. */
export type ScoringModel = Pick<BaselineModel, 'settings' | 'blocks' | 'intercept'>;

export interface SingleFit extends ScoringModel {
  /** Seconds the fit took (counting, features, solver). */
  seconds: number;
  trainedOn: { n: number; positives: number };
}

/** Fits the baseline once on every row with `options.params` (the search, folds and learning curve are not run). */
export function fitBaselineOnce(texts: readonly string[], labels: readonly (0 | 1)[], input: TrainOptionsInput = {}, signal?: AbortSignal): SingleFit {
  const started = performance.now();
  const options = resolveOptions(input);
  const positives = labels.reduce<number>((s, l) => s + l, 0);
  if (texts.length !== labels.length) throw new CodedError('train/labelCount', `Autant d’étiquettes que de phrases attendues (${texts.length} phrases, ${labels.length} étiquettes).`);
  if (positives === 0 || positives === labels.length) {
    const details = { positives, negatives: labels.length - positives };
    throw new CodedError('train/tooFew', `Il faut des phrases dissidentes et non dissidentes pour entraîner (trouvé : ${positives} et ${labels.length - positives}).`, details);
  }
  const params: Hyperparameters = options.params;
  const corpus = prepareCorpus(
    texts,
    labels,
    options.features,
    { word: params.wordNgrams?.[1] ?? 0, char: params.charNgrams?.[1] ?? 0 },
    { word: params.wordNgrams?.[0] ?? 1, char: params.charNgrams?.[0] ?? 1 },
  );
  const all = Int32Array.from(texts, (_, i) => i);
  const fitted = fitFeatures(corpus, all, params);
  const train = trainingSet(corpus, fitted, all, options.imbalance, options.seed);
  const fit = fitLogisticAuto(train.X, train.y, {
    C: params.C,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
    sampleWeight: train.weights,
    signal,
  });
  let offset = 0;
  const blocks = fitted.blocks.map(({ corpus: counts, vocabulary }) => {
    const size = vocabulary.columns.length;
    const block = {
      kind: vocabulary.kind,
      ngramRange: [vocabulary.range[0], vocabulary.range[1]] as [number, number],
      vocabulary: Array.from(vocabulary.columns, (j) => counts.texts[j]),
      idf: Array.from(vocabulary.idf),
      coefficients: Array.from(fit.weights.subarray(offset, offset + size)),
    };
    offset += size;
    return block;
  });
  return {
    settings: {
      params,
      features: options.features,
      imbalance: options.imbalance,
      search: 'none',
      folds: 0,
      seed: options.seed,
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
    },
    blocks,
    intercept: fit.intercept,
    seconds: (performance.now() - started) / 1000,
    trainedOn: { n: texts.length, positives },
  };
}
