// One baseline fit with fixed hyperparameters and no cross-validation: counts, TF-IDF and L-BFGS on all rows, as
// scikit-learn's Pipeline.fit. Active learning retrains with it; bench:train times it against scikit-learn.
import { CodedError } from '../errors';
import { prepareCorpus } from './features';
import type { BaselineModel, Hyperparameters } from './types';
import { fitOnAllRows, resolveOptions } from './train';
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
  const fit = fitOnAllRows(corpus, texts.length, params, options, options.seed, signal);
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
    blocks: fit.blocks,
    intercept: fit.intercept,
    seconds: (performance.now() - started) / 1000,
    trainedOn: { n: texts.length, positives },
  };
}
