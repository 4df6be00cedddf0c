// Model selection: grid or seeded random candidates, scored by mean ROC AUC over stratified folds (warm-started along C).
import { yieldAndCheck } from './abort';
import { bestF1Threshold } from './curves';
import { featureRows, fitFeatures, trainingSet, type PreparedCorpus } from './features';
import type { Fold } from './folds';
import { predictLogistic } from './logistic';
import { fitLogisticGram, gramMatrix } from './logistic-gram';
import { mean, rocAuc, std, thresholdMetrics } from './metrics';
import { deriveSeed, mulberry32, randomInt } from '../random';
import type { Hyperparameters, SearchResult, SearchSpace, TrainHooks, TrainOptions } from './types';

export function gridCandidates(space: SearchSpace): Hyperparameters[] {
  const out: Hyperparameters[] = [];
  for (const wordNgrams of space.wordNgrams)
    for (const charNgrams of space.charNgrams)
      for (const minDf of space.minDf)
        for (const C of space.C) if (wordNgrams || charNgrams) out.push({ C, wordNgrams, charNgrams, minDf });
  return out;
}

/** `count` draws: C log-uniform over the space's C span (3 significant digits), other values uniformly from their lists. */
export function randomCandidates(space: SearchSpace, count: number, seed: number): Hyperparameters[] {
  const rng = mulberry32(seed);
  const pick = <T>(values: T[]): T => values[randomInt(rng, values.length)];
  const low = Math.log(Math.min(...space.C));
  const high = Math.log(Math.max(...space.C));
  const out: Hyperparameters[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const C = Number(Math.exp(low + (high - low) * rng()).toPrecision(3));
    const candidate = { C, wordNgrams: pick(space.wordNgrams), charNgrams: pick(space.charNgrams), minDf: pick(space.minDf) };
    if (candidate.wordNgrams || candidate.charNgrams) out.push(candidate);
  }
  return out;
}

export function candidatesFor(options: TrainOptions): Hyperparameters[] {
  if (options.search === 'grid') return gridCandidates(options.space);
  if (options.search === 'random') return randomCandidates(options.space, options.randomCandidates, deriveSeed(options.seed, 7));
  return [options.params];
}

/** Cross-validated scores of one candidate: AUC per fold and the pooled out-of-fold probabilities. */
export interface CandidateScores {
  params: Hyperparameters;
  foldAucs: number[];
  /** AUC on the rows each fold's model was fitted on (for the learning curve's last point). */
  trainAucs: number[];
  outOfFold: Float64Array;
  converged: boolean;
}

const featureKey = (p: Hyperparameters) => JSON.stringify([p.wordNgrams, p.charNgrams, p.minDf]);

/**
 * Scores every candidate on the folds. Candidates sharing features are fitted on one matrix (and Gram matrix) per fold,
 * by increasing C, each fit starting from the previous solution. Checks for abort before each fit.
 */
export async function crossValidate(
  corpus: PreparedCorpus,
  folds: readonly Fold[],
  candidates: readonly Hyperparameters[],
  options: TrainOptions,
  hooks: TrainHooks = {},
): Promise<CandidateScores[]> {
  const n = corpus.labels.length;
  const scores: CandidateScores[] = candidates.map((params) => ({ params, foldAucs: [], trainAucs: [], outOfFold: new Float64Array(n), converged: true }));
  const groups = new Map<string, number[]>();
  candidates.forEach((p, c) => groups.set(featureKey(p), [...(groups.get(featureKey(p)) ?? []), c]));
  const total = candidates.length * folds.length;
  let done = 0;
  hooks.onProgress?.({ phase: 'search', done, total });
  for (const members of groups.values()) {
    members.sort((a, b) => candidates[a].C - candidates[b].C || a - b);
    const shared = candidates[members[0]];
    for (const [f, fold] of folds.entries()) {
      await yieldAndCheck(hooks.signal);
      const fitted = fitFeatures(corpus, fold.train, shared);
      const train = trainingSet(corpus, fitted, fold.train, options.imbalance, deriveSeed(options.seed, f, 1));
      const test = featureRows(corpus, fitted, fold.test);
      const testLabels = Uint8Array.from(fold.test, (i) => corpus.labels[i]);
      const gram = gramMatrix(train.X);
      let init: { beta: Float64Array; intercept: number } | undefined;
      for (const c of members) {
        await yieldAndCheck(hooks.signal);
        const fit = fitLogisticGram(train.X, gram, train.y, {
          C: candidates[c].C,
          maxIterations: options.maxIterations,
          tolerance: options.tolerance,
          sampleWeight: train.weights,
          init,
          signal: hooks.signal,
        });
        init = fit;
        const probabilities = predictLogistic(test, fit.weights, fit.intercept);
        fold.test.forEach((i, k) => (scores[c].outOfFold[i] = probabilities[k]));
        scores[c].foldAucs[f] = rocAuc(testLabels, probabilities);
        scores[c].trainAucs[f] = rocAuc(train.y, predictLogistic(train.X, fit.weights, fit.intercept));
        scores[c].converged &&= fit.converged;
        hooks.onProgress?.({ phase: 'search', done: ++done, total });
      }
    }
  }
  return scores;
}

/** The search table row of each candidate. */
export function summarise(scores: readonly CandidateScores[], labels: ArrayLike<number>): SearchResult[] {
  return scores.map((s) => ({
    params: s.params,
    meanAuc: mean(s.foldAucs),
    stdAuc: std(s.foldAucs),
    foldAucs: s.foldAucs,
    f1: thresholdMetrics(labels, s.outOfFold, 0.5).f1,
    bestF1: bestF1Threshold(labels, s.outOfFold).f1,
    converged: s.converged,
  }));
}

/** Index of the best mean AUC (the earliest candidate on ties). */
export function bestIndex(results: readonly SearchResult[]): number {
  let best = 0;
  results.forEach((r, i) => {
    if (r.meanAuc > results[best].meanAuc) best = i;
  });
  return best;
}
