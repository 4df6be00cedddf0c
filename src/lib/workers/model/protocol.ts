// Protocol of the model worker: train and use the baseline classifier off the main thread.
import type { BaselineModel, TrainOptions, TrainProgress } from '../../core/ml/model';

export type ModelProtocol = {
  requests: {
    /** Trains a baseline on labelled texts (1 = dissident); the trained model stays loaded in the worker. */
    'baseline/train': { args: { texts: string[]; labels: (0 | 1)[]; options?: Partial<TrainOptions> }; result: BaselineModel };
    /** Loads a stored model so later predictions use it; returns its key. */
    'baseline/load': { args: { key: string; model: BaselineModel }; result: { key: string } };
    /** Probability of being dissident for each text, from a loaded model. */
    'baseline/predict': { args: { key: string; texts: string[] }; result: Float64Array };
  };
  events: {
    'train/progress': TrainProgress;
  };
};
