// Protocol of the model worker: train and use the baseline classifier off the main thread.
import type { Experiment } from '../../core/ml/experiment';
import type { Explanation, ExplainMethod } from '../../core/ml/explain';
import type { BaselineModel, TrainOptionsInput, TrainProgress } from '../../core/ml/model';

export type ModelProtocol = {
  requests: {
    /** Trains a baseline on labelled texts (1 = dissident), holding out a stratified test fraction (0: none). */
    'baseline/train': {
      args: { texts: string[]; labels: (0 | 1)[]; options?: TrainOptionsInput; holdout?: number };
      result: Experiment;
    };
    /** Loads a stored model under a key so later predictions use it. */
    'baseline/load': { args: { key: string; model: BaselineModel }; result: { key: string } };
    /** Probability of being dissident for each text, from a loaded model. */
    'baseline/predict': { args: { key: string; texts: string[] }; result: Float64Array };
    /** Explains one sentence with a loaded model: exact contributions or LIME (seeded; cancelled between batches). */
    'baseline/explain': {
      args: { key: string; sentence: string; method: ExplainMethod; samples?: number; seed?: number };
      result: Explanation;
    };
  };
  events: {
    'train/progress': TrainProgress;
  };
};
