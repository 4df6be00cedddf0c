// Active learning simulated with the gold labels as the oracle (bench:active): from a random start, labels are added
// by uncertainty (the Annoter queue's own order) or at random, until the model reaches a target ROC AUC on a held-out
// fold. Each seed holds out one fold of a stratified k-fold split, so the full-data reference is a cross-validated AUC.
import { activeOrder } from '../annotation/active-queue';
import { mulberry32, shuffleInPlace } from '../random';
import { stratifiedKFold, type Fold } from './folds';
import { rocAuc } from './metrics';
import { predictProba } from './predict';
import { fitBaselineOnce, SINGLE_FIT_PARAMS } from './single-fit';
import type { Hyperparameters } from './types';

/**
 * 'explore': random labels until EXPLORE_UNTIL, then each round half by the queue's order and half at random (the
 * candidate variant of the 2026-12-02 study, docs/benchmarks.md).
 */
export type Strategy = 'uncertainty' | 'random' | 'explore';
export const EXPLORE_UNTIL = 100;

export interface SimulationSettings {
  /** Random labels to start from, and labels added per round. */
  start: number;
  step: number;
  /** Share of the full-data cross-validated AUC to reach (0.95). */
  targetShare: number;
  /** Folds of the split; seed s holds out fold s mod folds. */
  folds: number;
  splitSeed: number;
  params?: Hyperparameters;
  /** 'explore': labels drawn at random before the queue's order is used (EXPLORE_UNTIL unless said). */
  exploreUntil?: number;
}

export interface SimulationRun {
  strategy: Strategy;
  seed: number;
  /** Labels in the training set when the held-out AUC first reached the target; null if it never did. */
  labelsToTarget: number | null;
  /** Held-out AUC after each round, with the number of labels it was trained on. */
  curve: { labels: number; auc: number }[];
  /** Rows in the order they were labelled (the random start first). */
  labelled: number[];
}

const texts = (all: readonly string[], rows: ArrayLike<number>) => Array.from(rows, (i) => all[i]!);
const labelsOf = (all: readonly (0 | 1)[], rows: ArrayLike<number>) => Array.from(rows, (i) => all[i]!);

/** Held-out AUC of a model fitted on some rows. */
function heldOutAuc(all: readonly string[], labels: readonly (0 | 1)[], trainRows: readonly number[], fold: Fold, params: Hyperparameters) {
  const fit = fitBaselineOnce(texts(all, trainRows), labelsOf(labels, trainRows), { params });
  return { fit, auc: rocAuc(labelsOf(labels, fold.test), predictProba(fit, texts(all, fold.test))) };
}

/** Mean over folds of the AUC of a model fitted on every other fold: the full-data cross-validated AUC. */
export function fullDataAuc(all: readonly string[], labels: readonly (0 | 1)[], settings: SimulationSettings): { auc: number; foldAucs: number[] } {
  const folds = stratifiedKFold(labels, settings.folds, settings.splitSeed);
  const foldAucs = folds.map((fold) => heldOutAuc(all, labels, Array.from(fold.train), fold, settings.params ?? SINGLE_FIT_PARAMS).auc);
  return { auc: foldAucs.reduce((s, a) => s + a, 0) / foldAucs.length, foldAucs };
}

/**
 * One simulated annotator: `start` random labels from the pool (the other folds), then rounds of `step` labels chosen
 * by the strategy, stopping once the held-out AUC reaches `target` or the pool is used up.
 */
export function simulate(all: readonly string[], labels: readonly (0 | 1)[], strategy: Strategy, seed: number, target: number, settings: SimulationSettings): SimulationRun {
  const params = settings.params ?? SINGLE_FIT_PARAMS;
  const folds = stratifiedKFold(labels, settings.folds, settings.splitSeed);
  const fold = folds[seed % folds.length]!;
  const rng = mulberry32(seed + 1);
  const pool = shuffleInPlace(Array.from(fold.train), rng);
  const labelled = pool.splice(0, settings.start);
  const curve: SimulationRun['curve'] = [];
  for (;;) {
    const hasBoth = labelled.some((i) => labels[i] === 1) && labelled.some((i) => labels[i] === 0);
    const round = hasBoth ? heldOutAuc(all, labels, labelled, fold, params) : undefined;
    if (round) {
      curve.push({ labels: labelled.length, auc: round.auc });
      if (round.auc >= target) return { strategy, seed, labelsToTarget: labelled.length, curve, labelled };
    }
    if (pool.length === 0) return { strategy, seed, labelsToTarget: null, curve, labelled };
    // By the queue's order: every label of the round (uncertainty), half of them past the random start (explore).
    const byOrder = !round || strategy === 'random' ? 0 : strategy === 'uncertainty' ? settings.step : labelled.length < (settings.exploreUntil ?? EXPLORE_UNTIL) ? 0 : Math.round(settings.step / 2);
    let next: number[] = [];
    if (byOrder > 0) {
      const probabilities = predictProba(round!.fit, texts(all, pool));
      const order = activeOrder(
        pool.map((i, k) => ({ id: i, probability: probabilities[k]!, text: all[i]! })),
        { threshold: 0.5 },
      );
      next = order.slice(0, byOrder);
    }
    // The rest at random (or all of it before both classes are in): the pool is already shuffled.
    const taken = new Set(next);
    for (const i of pool) {
      if (next.length >= settings.step) break;
      if (!taken.has(i)) next.push(i);
    }
    for (const i of next) taken.add(i);
    labelled.push(...next);
    for (let k = pool.length - 1; k >= 0; k--) if (taken.has(pool[k]!)) pool.splice(k, 1);
  }
}
