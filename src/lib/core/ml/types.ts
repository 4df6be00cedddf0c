// Shapes of the baseline classifier: hyperparameters, training options (with defaults), progress, and the saved model.
import type { NgramRange } from './analyser';
import type { CalibrationBin, PrPoint, RocPoint } from './curves';
import type { Imbalance } from './folds';
import type { LbfgsStop } from './lbfgs';
import type { Confusion } from './metrics';
import type { BlockKind } from './tfidf';

export type { Imbalance, NgramRange };

export const MODEL_FORMAT = 'dissidentia-baseline';
/** 2 added features.charAcrossWords; version-1 files are still read (as char n-grams within words). */
export const MODEL_FORMAT_VERSION = 2;

/** What the search tunes. A null n-gram range switches that block off. */
export interface Hyperparameters {
  C: number;
  wordNgrams: NgramRange | null;
  charNgrams: NgramRange | null;
  minDf: number;
}

/** Fixed text and feature choices, recorded with the model. */
export interface FeatureSettings {
  foldAccents: boolean;
  punctuationTokens: boolean;
  sublinearTf: boolean;
  /** Keep only the most frequent features of each block (null: all). */
  maxFeatures: number | null;
  /** Character n-grams across word bounds over the whole text (scikit-learn's 'char'); false keeps them inside words ('char_wb'). */
  charAcrossWords: boolean;
}

/** Values the grid crosses; random search draws C log-uniformly between the smallest and largest C and the rest from the lists. */
export interface SearchSpace {
  C: number[];
  wordNgrams: (NgramRange | null)[];
  charNgrams: (NgramRange | null)[];
  minDf: number[];
}

export interface TrainOptions {
  search: 'grid' | 'random' | 'none';
  space: SearchSpace;
  randomCandidates: number;
  /** The hyperparameters used when search is 'none'. */
  params: Hyperparameters;
  features: FeatureSettings;
  imbalance: Imbalance;
  folds: number;
  seed: number;
  maxIterations: number;
  tolerance: number;
  /** Fractions of each training fold for the learning curve (null: no curve). */
  learningCurve: number[] | null;
}

/** Options as callers pass them: any part may be left out (defaults fill it). */
export type TrainOptionsInput = Partial<Omit<TrainOptions, 'space' | 'params' | 'features'>> & {
  space?: Partial<SearchSpace>;
  params?: Partial<Hyperparameters>;
  features?: Partial<FeatureSettings>;
};

/** 'nested' is reported only by nestedCrossValidation (one step per outer fold). */
export type TrainPhase = 'prepare' | 'search' | 'learning-curve' | 'refit' | 'nested';

export interface TrainProgress {
  phase: TrainPhase;
  done: number;
  total: number;
}

export interface TrainHooks {
  onProgress?(progress: TrainProgress): void;
  signal?: AbortSignal;
}

export interface ModelBlock {
  kind: BlockKind;
  ngramRange: [number, number];
  /** Normalised n-grams in feature order (character n-grams keep their padding spaces). */
  vocabulary: string[];
  idf: number[];
  coefficients: number[];
}

/** Out-of-fold metrics of the chosen hyperparameters (threshold-dependent ones at the stored threshold). */
export interface CvMetrics {
  folds: number;
  /** Mean of the per-fold ROC AUCs (the search's score) and their standard deviation. */
  auc: number;
  aucStd: number;
  averagePrecision: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** F1 at probability 0.5, for comparison with the threshold chosen on these same predictions. */
  f1AtHalf: number;
  confusion: Confusion;
  roc: RocPoint[];
  pr: PrPoint[];
  calibration: CalibrationBin[];
}

export interface SearchResult {
  params: Hyperparameters;
  meanAuc: number;
  stdAuc: number;
  foldAucs: number[];
  /** F1 of the pooled out-of-fold predictions at 0.5, and the best F1 over thresholds. */
  f1: number;
  bestF1: number;
  /** Whether every fold's solver met the gradient tolerance. */
  converged: boolean;
}

export interface LearningCurvePoint {
  fraction: number;
  trainSize: number;
  trainAuc: number;
  validationAuc: number;
  validationAucStd: number;
}

export interface SolverReport {
  iterations: number;
  converged: boolean;
  stop: LbfgsStop;
  gradientNorm: number;
}

export interface BaselineModel {
  format: typeof MODEL_FORMAT;
  formatVersion: typeof MODEL_FORMAT_VERSION;
  kind: 'baseline';
  settings: {
    params: Hyperparameters;
    features: FeatureSettings;
    imbalance: Imbalance;
    search: TrainOptions['search'];
    folds: number;
    seed: number;
    maxIterations: number;
    tolerance: number;
  };
  blocks: ModelBlock[];
  intercept: number;
  /** Probability at or above which a sentence is called dissident; chosen to maximise out-of-fold F1, adjustable. */
  threshold: number;
  solver: SolverReport;
  cv: CvMetrics;
  searchResults: SearchResult[];
  learningCurve: LearningCurvePoint[] | null;
  trainSeconds: number;
  trainedOn: { n: number; positives: number };
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  search: 'grid',
  // Chosen by repeated 5-fold CV on the shared development file: C peaks near 1–2, min_df 2 and word-only or
  // char-only blocks were consistently worse, so the default grid stays small (8 candidates).
  space: {
    C: [0.5, 1, 2, 4],
    wordNgrams: [[1, 2]],
    charNgrams: [[2, 5], [3, 6]],
    minDf: [1],
  },
  randomCandidates: 12,
  params: { C: 1, wordNgrams: [1, 2], charNgrams: [3, 6], minDf: 1 },
  features: { foldAccents: true, punctuationTokens: true, sublinearTf: true, maxFeatures: null, charAcrossWords: false },
  imbalance: 'class-weight',
  folds: 5,
  seed: 42,
  maxIterations: 300,
  tolerance: 1e-4,
  learningCurve: [0.1, 0.25, 0.5, 0.75, 1],
};
