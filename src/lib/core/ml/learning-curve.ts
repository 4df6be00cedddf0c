// Learning curve: train and validation ROC AUC when fitting on growing stratified fractions of each training fold.
import { yieldAndCheck } from './abort';
import { featureRows, fitFeatures, trainingSet, type PreparedCorpus } from './features';
import { stratifiedSubset, type Fold } from './folds';
import { predictLogistic } from './logistic';
import { fitLogisticAuto } from './logistic-gram';
import { mean, rocAuc, std } from './metrics';
import { deriveSeed } from '../random';
import type { CandidateScores } from './search';
import type { LearningCurvePoint, TrainHooks, TrainOptions } from './types';

/**
 * One point per fraction: mean AUC on the rows fitted and on the fold's test rows. The full-size point reuses the
 * search's fits of the chosen candidate (same folds, same parameters) instead of fitting again.
 */
export async function learningCurve(
  corpus: PreparedCorpus,
  folds: readonly Fold[],
  chosen: CandidateScores,
  fractions: readonly number[],
  options: TrainOptions,
  hooks: TrainHooks = {},
): Promise<LearningCurvePoint[]> {
  const params = chosen.params;
  const total = fractions.length * folds.length;
  let done = 0;
  const points: LearningCurvePoint[] = [];
  for (const [s, fraction] of fractions.entries()) {
    const trainAucs: number[] = [];
    const validationAucs: number[] = [];
    const sizes: number[] = [];
    for (const [f, fold] of folds.entries()) {
      await yieldAndCheck(hooks.signal);
      sizes.push(fraction >= 1 ? fold.train.length : 0);
      if (fraction >= 1) {
        trainAucs.push(chosen.trainAucs[f]);
        validationAucs.push(chosen.foldAucs[f]);
      } else {
        const rows = stratifiedSubset(fold.train, corpus.labels, fraction, deriveSeed(options.seed, f, s, 2));
        const fitted = fitFeatures(corpus, rows, params);
        const train = trainingSet(corpus, fitted, rows, options.imbalance, deriveSeed(options.seed, f, 1));
        const fit = fitLogisticAuto(train.X, train.y, {
          C: params.C,
          maxIterations: options.maxIterations,
          tolerance: options.tolerance,
          sampleWeight: train.weights,
          signal: hooks.signal,
        });
        sizes[sizes.length - 1] = rows.length;
        trainAucs.push(rocAuc(train.y, predictLogistic(train.X, fit.weights, fit.intercept)));
        const testLabels = Uint8Array.from(fold.test, (i) => corpus.labels[i]);
        validationAucs.push(rocAuc(testLabels, predictLogistic(featureRows(corpus, fitted, fold.test), fit.weights, fit.intercept)));
      }
      hooks.onProgress?.({ phase: 'learning-curve', done: ++done, total });
    }
    points.push({
      fraction,
      trainSize: Math.round(mean(sizes)),
      trainAuc: mean(trainAucs),
      validationAuc: mean(validationAucs),
      validationAucStd: std(validationAucs),
    });
  }
  return points;
}
