// Learning curve: cross-validated ROC AUC against the number of gold labels learnt from (growing stratified fractions
// of each training fold), with the training AUC beside it, and what its last stretch says about labelling more.
import { yieldAndCheck } from './abort';
import { featureRows, fitFeatures, trainingSet, type PreparedCorpus } from './features';
import { stratifiedSubset, type Fold } from './folds';
import { predictLogistic } from './logistic';
import { fitLogisticAuto } from './logistic-gram';
import { mean, rocAuc, std } from './metrics';
import { deriveSeed } from '../random';
import type { CandidateScores } from './search';
import type { LearningCurvePoint, TrainHooks, TrainOptions } from './types';

/** Fewest labels of each class a fraction's subset must hold for its point to mean anything (else it is left out). */
export const MIN_CURVE_CLASS = 3;

/** What the curve's last stretch says: validation AUC gained per 100 more labels, and whether labelling still pays. */
export interface CurveReading {
  fromLabels: number;
  toLabels: number;
  gain: number;
  gainPer100: number;
  /** 'rising': at least +0.01 AUC per 100 labels; 'flat': less (more labels of the same kind help little). */
  trend: 'rising' | 'flat';
}

export function readCurve(points: readonly LearningCurvePoint[]): CurveReading | null {
  if (points.length < 2) return null;
  const [a, b] = [points[points.length - 2]!, points[points.length - 1]!];
  if (b.trainSize <= a.trainSize) return null;
  const gain = b.validationAuc - a.validationAuc;
  const gainPer100 = (gain * 100) / (b.trainSize - a.trainSize);
  return { fromLabels: a.trainSize, toLabels: b.trainSize, gain, gainPer100, trend: gainPer100 >= 0.01 ? 'rising' : 'flat' };
}

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
    // Too few labels of a class at this fraction (a small labelled set): no point rather than a meaningless one.
    const smallest = Math.min(...folds.map((fold) => minorityCount(fold.train, corpus.labels)));
    if (fraction < 1 && Math.round(smallest * fraction) < MIN_CURVE_CLASS) {
      done += folds.length;
      hooks.onProgress?.({ phase: 'learning-curve', done, total });
      continue;
    }
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

function minorityCount(rows: ArrayLike<number>, labels: ArrayLike<number>): number {
  let positives = 0;
  for (let r = 0; r < rows.length; r++) positives += labels[rows[r]!] === 1 ? 1 : 0;
  return Math.min(positives, rows.length - positives);
}
