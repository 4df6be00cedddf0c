// Types of the model worker's corpus requests (score a dataset, explore and export its scores): ids, options,
// progress and counts cross postMessage; sentences and scores are read and written by the worker itself.
import type { ExploreFilters } from '../../core/ml/corpus/explore';
import type { ScoreRun } from '../../db/db';

/** The model a corpus is scored with: its key in the worker (`stored-<id>` or the built-in model's name). */
export interface ScoreModelRef {
  modelId: string;
  name: string;
}

export interface ScoreEstimate {
  answers: number;
  sentences: number;
  /** Sentences still to score (all of them unless a run stopped half-way). */
  remaining: number;
  /** Measured on a sample of the dataset's first sentences. */
  sentencesPerSecond: number;
  /** Upper bound: sentences met again (same hash) are not scored twice. */
  seconds: number;
  run: ScoreRun | null;
}

export interface ScoreProgress {
  modelId: string;
  datasetId: number;
  answersDone: number;
  answers: number;
  sentencesDone: number;
  sentences: number;
  distinctScored: number;
  seconds: number;
}

export interface ExploreQuery extends ExploreFilters {
  datasetId: number;
  modelId: string;
  text: string;
  offset: number;
  limit: number;
}

export interface ExploredSentence {
  sentenceId: number;
  answerId: number;
  datasetId: number;
  externalId: string;
  /** The answer's line in the imported file, when known: what a user finds in their spreadsheet (ids are opaque). */
  line?: number;
  index: number;
  text: string;
  probability: number;
  /** The human reference label (gold, else the annotators' majority), if any. */
  human?: string;
}

export interface ExplorePage {
  /** Sentences passing every filter. */
  total: number;
  scored: number;
  histogram: number[];
  dissident: number;
  considered: number;
  rows: ExploredSentence[];
}

export interface AnswerScores {
  answerId: number;
  datasetId: number;
  externalId: string;
  line?: number;
  text: string;
  sentences: { sentenceId: number; start: number; end: number; text: string; probability: number | null; human?: string }[];
}

export type ScoreRequests = {
  /** Counts, what is left to score, and a time estimate measured on a sample. */
  'score/estimate': { args: { datasetId: number; model: ScoreModelRef }; result: ScoreEstimate };
  /** Scores every sentence of a dataset (resuming a stopped run unless `restart`), writing scores as it goes. */
  'score/run': { args: { datasetId: number; model: ScoreModelRef; restart?: boolean; batchSentences?: number }; result: ScoreRun };
  /** A page of scored sentences by score, with the histogram and counts of the filtered set. */
  'score/explore': { args: ExploreQuery; result: ExplorePage };
  /** One answer with its sentences' scores and human labels. */
  'score/answer': { args: { modelId: string; answerId: number }; result: AnswerScores | null };
  /** The filtered scored sentences as CSV (UTF-8 with a BOM, so spreadsheets read accents), in file order. */
  'score/export': { args: Omit<ExploreQuery, 'offset' | 'limit'> & { modelName: string }; result: { blob: Blob; rows: number } };
};

export type ScoreEvents = {
  'score/progress': ScoreProgress;
};
