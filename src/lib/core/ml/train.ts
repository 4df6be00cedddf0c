// trainBaseline: cross-validated search, out-of-fold threshold and report, learning curve, refit on all data → BaselineModel.
import { CodedError } from '../errors';
import { yieldAndCheck } from './abort';
import { bestF1Threshold, calibrationCurve, precisionRecallCurve, rocCurve } from './curves';
import { fitFeatures, prepareCorpus, trainingSet } from './features';
import { stratifiedKFold } from './folds';
import { learningCurve } from './learning-curve';
import { fitLogisticAuto } from './logistic-gram';
import { averagePrecision, thresholdMetrics } from './metrics';
import { deriveSeed } from '../random';
import { bestIndex, candidatesFor, crossValidate, summarise } from './search';
import {
  DEFAULT_TRAIN_OPTIONS,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type BaselineModel,
  type CvMetrics,
  type Hyperparameters,
  type SearchResult,
  type TrainHooks,
  type TrainOptions,
  type TrainOptionsInput,
} from './types';

/** Defaults completed with the caller's choices (nested groups merged key by key). */
export function resolveOptions(input: TrainOptionsInput = {}): TrainOptions {
  const d = DEFAULT_TRAIN_OPTIONS;
  return {
    ...d,
    ...input,
    space: { ...d.space, ...input.space },
    params: { ...d.params, ...input.params },
    features: { ...d.features, ...input.features },
  };
}

/** Rounds to a number of significant digits, keeping the JSON small. */
export const round = (x: number, digits = 6): number => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);

/** Checks the inputs and returns the number of folds to use: fewer than asked when a class is too small for them. */
function checkInputs(texts: readonly string[], labels: readonly number[], folds: number): number {
  if (texts.length !== labels.length) {
    const details = { texts: texts.length, labels: labels.length };
    throw new CodedError('train/labelCount', `Autant d’étiquettes que de phrases attendues (${texts.length} phrases, ${labels.length} étiquettes).`, details);
  }
  if (labels.some((l) => l !== 0 && l !== 1)) throw new CodedError('train/badLabel', 'Les étiquettes doivent valoir 0 (non dissident) ou 1 (dissident).');
  const positives = labels.filter((l) => l === 1).length;
  const smallest = Math.min(positives, labels.length - positives);
  if (smallest < 2) {
    const details = { positives, negatives: labels.length - positives };
    throw new CodedError('train/tooFew', `Il faut au moins 2 phrases dissidentes et 2 non dissidentes pour entraîner (trouvé : ${positives} et ${labels.length - positives}).`, details);
  }
  return Math.min(folds, smallest);
}

/** The cross-validation report of out-of-fold probabilities (shared with the transfer head's training). */
export function cvMetrics(labels: readonly number[], outOfFold: Float64Array, result: Pick<SearchResult, 'meanAuc' | 'stdAuc'>, threshold: number, folds: number): CvMetrics {
  const atThreshold = thresholdMetrics(labels, outOfFold, threshold);
  const r = (x: number) => round(x, 4);
  return {
    folds,
    auc: round(result.meanAuc),
    aucStd: round(result.stdAuc),
    averagePrecision: round(averagePrecision(labels, outOfFold)),
    accuracy: round(atThreshold.accuracy),
    precision: round(atThreshold.precision),
    recall: round(atThreshold.recall),
    f1: round(atThreshold.f1),
    f1AtHalf: round(thresholdMetrics(labels, outOfFold, 0.5).f1),
    confusion: atThreshold.confusion,
    roc: rocCurve(labels, outOfFold).map((p) => ({ threshold: p.threshold === null ? null : r(p.threshold), fpr: r(p.fpr), tpr: r(p.tpr) })),
    pr: precisionRecallCurve(labels, outOfFold).map((p) => ({ threshold: p.threshold === null ? null : r(p.threshold), precision: r(p.precision), recall: r(p.recall) })),
    calibration: calibrationCurve(labels, outOfFold).map((b) => ({ ...b, meanPredicted: r(b.meanPredicted), fractionPositive: r(b.fractionPositive) })),
  };
}

/**
 * Trains the baseline (TF-IDF + logistic regression). Labels: 1 = dissident. Deterministic for a given seed.
 * Throws an AbortError promptly (between fits) once hooks.signal is aborted.
 */
export async function trainBaseline(
  texts: readonly string[],
  labels: readonly (0 | 1)[],
  input: TrainOptionsInput = {},
  hooks: TrainHooks = {},
): Promise<BaselineModel> {
  const started = performance.now();
  const requested = resolveOptions(input);
  const options = { ...requested, folds: checkInputs(texts, labels, requested.folds) };
  const { signal } = hooks;
  hooks.onProgress?.({ phase: 'prepare', done: 0, total: 1 });
  await yieldAndCheck(signal);
  const folds = stratifiedKFold(labels, options.folds, options.seed);
  const candidates = candidatesFor(options);
  const longest = {
    word: Math.max(0, ...candidates.map((c) => c.wordNgrams?.[1] ?? 0)),
    char: Math.max(0, ...candidates.map((c) => c.charNgrams?.[1] ?? 0)),
  };
  // Lengths no candidate uses are not counted (character 1-grams are a fifth of all windows).
  const shortest = {
    word: Math.min(...candidates.map((c) => c.wordNgrams?.[0] ?? Infinity)),
    char: Math.min(...candidates.map((c) => c.charNgrams?.[0] ?? Infinity)),
  };
  const corpus = prepareCorpus(texts, labels, options.features, longest, shortest);
  hooks.onProgress?.({ phase: 'prepare', done: 1, total: 1 });

  const scores = await crossValidate(corpus, folds, candidates, options, hooks);
  const searchResults = summarise(scores, labels);
  const best = bestIndex(searchResults);
  const params = candidates[best];
  const outOfFold = scores[best].outOfFold;
  const threshold = round(bestF1Threshold(labels, outOfFold).threshold, 4);
  const cv = cvMetrics(labels, outOfFold, searchResults[best], threshold, folds.length);
  const curve = options.learningCurve ? await learningCurve(corpus, folds, scores[best], options.learningCurve, options, hooks) : null;

  await yieldAndCheck(signal);
  hooks.onProgress?.({ phase: 'refit', done: 0, total: 1 });
  const fit = fitOnAllRows(corpus, texts.length, params, options, deriveSeed(options.seed, 1000, 1), signal, round);
  const blocks = fit.blocks;
  hooks.onProgress?.({ phase: 'refit', done: 1, total: 1 });

  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    kind: 'baseline',
    settings: {
      params,
      features: options.features,
      imbalance: options.imbalance,
      search: options.search,
      folds: options.folds,
      seed: options.seed,
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
    },
    blocks,
    intercept: round(fit.intercept),
    threshold,
    solver: { iterations: fit.iterations, converged: fit.converged, stop: fit.stop, gradientNorm: fit.gradientNorm },
    cv,
    searchResults: searchResults.map((r) => ({ ...r, meanAuc: round(r.meanAuc), stdAuc: round(r.stdAuc), foldAucs: r.foldAucs.map((a) => round(a)) })),
    learningCurve: curve,
    trainSeconds: round((performance.now() - started) / 1000, 4),
    trainedOn: { n: texts.length, positives: labels.reduce<number>((s, l) => s + l, 0) },
  };
}

/**
 * The final fit on every row with chosen hyperparameters: features, then L-BFGS; the blocks and intercept a model
 * keeps, each value passed through `keep` (rounding for stored models, identity for quick retrains).
 */
export function fitOnAllRows(
  corpus: ReturnType<typeof prepareCorpus>,
  n: number,
  params: Hyperparameters,
  options: TrainOptions,
  seed: number,
  signal: AbortSignal | undefined,
  keep: (v: number) => number = (v) => v,
) {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const fitted = fitFeatures(corpus, all, params);
  const train = trainingSet(corpus, fitted, all, options.imbalance, seed);
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
      idf: Array.from(vocabulary.idf, (v) => keep(v)),
      coefficients: Array.from(fit.weights.subarray(offset, offset + size), (v) => keep(v)),
    };
    offset += size;
    return block;
  });
  return { ...fit, blocks };
}
