// Training in the model worker from what IndexedDB holds: the worker reads the training set, trains, and stores the
// model itself, so only a set reference, options, progress and the new model's id cross postMessage.
import { trainExperiment } from '../../core/ml/experiment';
import { labelsSnapshotHash } from '../../core/ml/labels-hash';
import type { TrainOptionsInput, TrainProgress } from '../../core/ml/model';
import type { TransferModel } from '../../core/ml/transfer/types';
import type { DissidentiaDb } from '../../db/db';
import { saveModel, type StoredMetrics } from '../../db/repos/models';
import type { TrainingSet, TrainingSetRef } from './training-set';

export interface StoredTrainingArgs {
  source: TrainingSetRef;
  /** Shown in the model list as where the labels came from. */
  sourceLabel: string;
  name: string;
}

export interface StoredTrainingResult {
  id: number;
  metrics: StoredMetrics;
}

export interface TrainingHooks {
  signal?: AbortSignal;
  onProgress?(progress: TrainProgress): void;
}

/** Trains a baseline on a stored training set (holding out a stratified test fraction) and stores it, made active. */
export async function trainStoredBaseline(
  db: DissidentiaDb,
  set: TrainingSet,
  args: StoredTrainingArgs & { options?: TrainOptionsInput; holdout?: number },
  hooks: TrainingHooks,
): Promise<StoredTrainingResult> {
  const { model, holdout } = await trainExperiment(set.texts, set.labels, args.options ?? {}, args.holdout ?? 0, hooks);
  const metrics: StoredMetrics = { cvAuc: model.cv.auc, cvF1: model.cv.f1, holdout, source: args.sourceLabel };
  const id = await saveModel(db, {
    name: args.name,
    kind: 'baseline',
    createdAt: Date.now(),
    data: model,
    labelsHash: labelsSnapshotHash(set.texts, set.labels),
    guidelineVersion: set.guidelineVersion,
    metrics: { ...metrics },
  });
  return { id, metrics };
}

/** Stores a trained transfer model (made active) beside the baselines, with the same metrics. */
export async function storeTransferModel(db: DissidentiaDb, set: TrainingSet, model: TransferModel, args: StoredTrainingArgs): Promise<StoredTrainingResult> {
  const metrics: StoredMetrics = { cvAuc: model.cv.auc, cvF1: model.cv.f1, holdout: null, source: args.sourceLabel };
  const id = await saveModel(db, {
    name: args.name,
    kind: 'transfer',
    createdAt: Date.now(),
    data: model,
    labelsHash: labelsSnapshotHash(set.texts, set.labels),
    guidelineVersion: set.guidelineVersion,
    metrics: { ...metrics },
  });
  return { id, metrics };
}
