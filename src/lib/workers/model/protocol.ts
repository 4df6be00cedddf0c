// Protocol of the model worker: train and use the baseline classifier and the transformer models off the main thread.
import type { CheckReport, CheckSuite } from '../../core/checks/types';
import type { Experiment } from '../../core/ml/experiment';
import type { Explanation, ExplainMethod } from '../../core/ml/explain';
import type { BaselineModel, TrainOptionsInput, TrainProgress } from '../../core/ml/model';
import type { TransferOptions } from '../../core/ml/transfer/train-transfer';
import type { TransferModel } from '../../core/ml/transfer/types';
import type { ClassifierRef } from '../../core/ml/transformer/classifier-ref';
import type { BackendChoice, ModelRequest, RuntimeInfo } from './transformer-protocol';
import type { EmbedDatasetResult } from './embed-dataset';
import type { PredictorRef } from './predictor';
import type { StoredTrainingArgs, StoredTrainingResult } from './stored-training';
import type { ActiveRankArgs, ActiveRankResult } from './active-protocol';
import type { ScoreEvents, ScoreRequests } from './score-protocol';

export type ModelProtocol = {
  requests: ScoreRequests & {
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
    /** Loads (or keeps) an encoder from public/models/ and embeds texts: n unit vectors of dims floats, row after row. */
    'transformer/embed': {
      args: ModelRequest & { texts: string[]; batchSize?: number };
      result: { dims: number; vectors: Float32Array; runtime: RuntimeInfo };
    };
    /** P(dissident) from a fine-tuned sequence-classifier folder. */
    'transformer/classify': { args: ModelRequest & { texts: string[] }; result: { probabilities: Float64Array; runtime: RuntimeInfo } };
    /** The runtime of the latest model load (backend, threads, dtype), or null before any. */
    'transformer/runtime': { args: Record<string, never>; result: RuntimeInfo | null };
    /** Embeds labelled texts with an encoder and trains a transfer head on the vectors. */
    'transfer/train': { args: ModelRequest & { texts: string[]; labels: (0 | 1)[]; options?: TransferOptions }; result: TransferModel };
    /** P(dissident) of texts under a transfer model; its encoder is loaded by the name the model records. */
    'transfer/predict': { args: { model: TransferModel; texts: string[]; backend?: BackendChoice }; result: Float64Array };
    /** Runs a check suite on a model (baseline or transfer), with slices when a labelled set is given. */
    'checks/run': {
      args: { model: BaselineModel | TransferModel | ClassifierRef; suite: CheckSuite; labelled?: { texts: string[]; labels: (0 | 1)[] }; seed?: number };
      result: CheckReport;
    };
    /** The ONNX runtime files (absolute URLs) the worker loads for a device preference, to prepare offline use. */
    'usermodels/runtimeFiles': { args: { backend: BackendChoice }; result: string[] };
    /** Reads a training set from IndexedDB, trains a baseline and stores it (made active): only ids and metrics cross. */
    'baseline/trainStored': { args: StoredTrainingArgs & { options?: TrainOptionsInput; holdout?: number }; result: StoredTrainingResult };
    /** Reads a training set, embeds it (stored vectors reused), trains a transfer head and stores the model (made active). */
    'transfer/trainStored': { args: ModelRequest & StoredTrainingArgs & { options?: TransferOptions }; result: StoredTrainingResult & { reused: number } };
    /** Embeds a dataset's sentences into the embedding store, resuming what an earlier run left. */
    'embeddings/compute': { args: ModelRequest & { datasetId: number; chunkSize?: number; batchSize?: number }; result: EmbedDatasetResult };
    /** P(dissident) of texts under any model: a loaded baseline, a stored model by id, or a fine-tuned classifier folder. */
    'predictor/predict': { args: { predictor: PredictorRef; texts: string[] }; result: Float64Array };
    /** Explains one sentence under any model: exact (baselines only) or LIME (seeded, cancelled between batches). */
    'predictor/explain': {
      args: { predictor: PredictorRef; sentence: string; method: ExplainMethod; samples?: number; seed?: number };
      result: Explanation;
    };
    /** Retrains the baseline once on gold labels and orders a pool of sentences « plus utiles d'abord ». */
    'active/rank': { args: ActiveRankArgs; result: ActiveRankResult };
  };
  events: ScoreEvents & {
    'train/progress': TrainProgress;
    /** Model files loading (bytes), sentences embedded, or head training (folds). */
    'transformer/progress': { phase: 'load' | 'embed' | 'train'; file?: string; done: number; total: number };
    /** Distinct texts scored so far by a check run. */
    'checks/progress': { done: number; total: number };
    /** A dataset's embedding run: sentences stored so far of the dataset's total. */
    'embeddings/progress': { done: number; total: number };
    /** A transfer head's training: folds done, then the final fit (the baseline's phases). */
    'transfer/progress': TrainProgress;
  };
};
