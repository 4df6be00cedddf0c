// A transfer head trained in the model worker on a stored training set: sentence vectors come from the embedding
// store where a dataset's run already computed them, the rest from the encoder; the model is stored by the worker.
import { trainTransfer, type TransferHooks, type TransferOptions } from '../../core/ml/transfer/train-transfer';
import type { EncoderRef } from '../../core/ml/transfer/types';
import type { DissidentiaDb } from '../../db/db';
import { embeddingModelKey, storedVectorsOf } from '../../db/repos/embeddings';
import type { EmbedFunction } from './embed-dataset';
import { storeTransferModel, type StoredTrainingArgs, type StoredTrainingResult } from './stored-training';
import { loadTrainingSet, type TrainingSet } from './training-set';

export interface TransferTrainingHooks extends TransferHooks {
  onEmbedded?(done: number, total: number, reused: number): void;
}

/** The vectors of a training set: stored ones reused (by sentence id), the others computed. */
export async function trainingVectors(db: DissidentiaDb, set: TrainingSet, encoder: EncoderRef, datasetIds: readonly number[], embed: EmbedFunction, hooks: TransferTrainingHooks = {}): Promise<Float32Array[]> {
  const ids = set.sentenceIds;
  const stored = ids ? await storedVectorsOf(db, embeddingModelKey(encoder.name, encoder.dtype), datasetIds, new Set(ids)) : new Map<number, Float32Array>();
  const missing = set.texts.map((_, i) => i).filter((i) => !ids || !stored.has(ids[i]!));
  const reused = set.texts.length - missing.length;
  hooks.onEmbedded?.(reused, set.texts.length, reused);
  const fresh = missing.length > 0 ? await embed(missing.map((i) => set.texts[i]!), { signal: hooks.signal }) : [];
  const vectors: Float32Array[] = new Array(set.texts.length);
  missing.forEach((i, k) => (vectors[i] = fresh[k]!));
  if (ids) ids.forEach((id, i) => vectors[i] ?? (vectors[i] = stored.get(id)!));
  hooks.onEmbedded?.(set.texts.length, set.texts.length, reused);
  return vectors;
}

/** Reads the set, embeds it (store first), cross-validates and fits the head, stores the model (made active). */
export async function trainStoredTransfer(
  db: DissidentiaDb,
  encoder: EncoderRef,
  embed: EmbedFunction,
  args: StoredTrainingArgs & { options?: TransferOptions },
  hooks: TransferTrainingHooks = {},
): Promise<StoredTrainingResult & { reused: number }> {
  const set = await loadTrainingSet(db, args.source);
  const datasetIds = args.source.kind === 'datasets' ? args.source.datasetIds : [];
  let reused = 0;
  const vectors = await trainingVectors(db, set, encoder, datasetIds, embed, {
    ...hooks,
    onEmbedded: (done, total, r) => {
      reused = r;
      hooks.onEmbedded?.(done, total, r);
    },
  });
  const model = await trainTransfer(vectors, set.labels, encoder, args.options, hooks);
  return { ...(await storeTransferModel(db, set, model, args)), reused };
}
