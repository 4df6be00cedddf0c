// A training run as the Modèles screen does it: optionally hold out a stratified test split, train, and score the test split.
import { evaluateModel, type Evaluation } from './evaluate';
import { stratifiedSubset } from './folds';
import { trainBaseline } from './train';
import type { BaselineModel, TrainHooks, TrainOptionsInput } from './types';

/** Metrics on the held-out split (what evaluate.ts computes, at the model's threshold). */
export type HoldoutMetrics = Evaluation;

export interface Experiment {
  model: BaselineModel;
  /** Metrics on sentences the model never saw (null when nothing was held out). */
  holdout: HoldoutMetrics | null;
}

export async function trainExperiment(
  texts: readonly string[],
  labels: readonly (0 | 1)[],
  options: TrainOptionsInput,
  holdoutFraction: number,
  hooks: TrainHooks = {},
): Promise<Experiment> {
  if (holdoutFraction <= 0) return { model: await trainBaseline(texts, labels, options, hooks), holdout: null };
  const all = Int32Array.from(texts.keys());
  const testSet = new Set(stratifiedSubset(all, labels, holdoutFraction, (options.seed ?? 42) + 7919));
  const pick = <T>(values: readonly T[], inTest: boolean) => values.filter((_, i) => testSet.has(i) === inTest);
  const model = await trainBaseline(pick(texts, false), pick(labels, false), options, hooks);
  return { model, holdout: evaluateModel(model, pick(texts, true), pick(labels, true)) };
}
