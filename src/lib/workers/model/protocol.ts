// Protocol of the model worker: train and use the baseline classifier off the main thread.
import type { Experiment } from '../../core/ml/experiment';
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
  };
  events: {
    'train/progress': TrainProgress;
  };
};
