// Public entry of the baseline classifier (worker, CLI, UI): train, predict, load; types of the saved model.
export { trainBaseline, resolveOptions } from './train';
export { predictProba, predictLabels, decisionScores, vectorise } from './predict';
export { loadBaselineModel, serialiseModel } from './model-io';
export { DEFAULT_TRAIN_OPTIONS, MODEL_FORMAT, MODEL_FORMAT_VERSION } from './types';
export type {
  BaselineModel,
  CvMetrics,
  FeatureSettings,
  Hyperparameters,
  Imbalance,
  LearningCurvePoint,
  ModelBlock,
  NgramRange,
  SearchResult,
  SearchSpace,
  SolverReport,
  TrainHooks,
  TrainOptions,
  TrainOptionsInput,
  TrainPhase,
  TrainProgress,
} from './types';
export { nestedCrossValidation, type NestedCvResult } from './nested';
