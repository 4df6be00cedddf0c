// Embeds a dataset's sentences in the background and stores the vectors chunk by chunk (int8): each distinct text
// once, shortest first; a chunk is written with the run's count, so a cancelled or closed run resumes where it stopped.
import { yieldAndCheck } from '../../core/ml/abort';
import { planEmbeddings, spreadToSentences } from '../../core/ml/embedding/plan';
import { quantiseInt8 } from '../../core/ml/embedding/quantise';
import { storageErrorOf } from '../../core/storage-errors';
import type { DissidentiaDb } from '../../db/db';
import { embeddedSentenceIds, embeddingModelKey, getEmbeddingRun, putEmbeddingRun, saveEmbeddingChunk, setEmbeddingRunStatus } from '../../db/repos/embeddings';
import { datasetSentences } from '../../db/repos/sentences';

/** Unit vectors of texts, one per text, in order (the encoder's `embed`). */
export type EmbedFunction = (texts: string[], options: { signal?: AbortSignal; batchSize?: number }) => Promise<Float32Array[]>;

export interface EmbedDatasetArgs {
  /** Encoder folder name and the precision it runs at. */
  name: string;
  dtype: 'fp32' | 'q8';
  datasetId: number;
  /** Distinct texts per stored chunk (default 256) and per inference batch (default 16). */
  chunkSize?: number;
  batchSize?: number;
}

export interface EmbedDatasetResult {
  total: number;
  /** Sentences found already stored when the run began (a resumed run). */
  reused: number;
  /** Sentences embedded by this run. */
  computed: number;
  dims: number;
}

export interface EmbedDatasetHooks {
  signal?: AbortSignal;
  onProgress?(progress: { done: number; total: number }): void;
}

export async function embedDataset(db: DissidentiaDb, embed: EmbedFunction, dims: number, args: EmbedDatasetArgs, hooks: EmbedDatasetHooks = {}): Promise<EmbedDatasetResult> {
  const model = embeddingModelKey(args.name, args.dtype);
  const sentences = await datasetSentences(db, args.datasetId);
  const stored = await embeddedSentenceIds(db, model, args.datasetId);
  const plan = planEmbeddings(sentences, stored.ids, args.chunkSize ?? 256);
  const previous = await getEmbeddingRun(db, model, args.datasetId);
  if (previous && previous.dims !== 0 && previous.dims !== dims) throw new Error(`Vecteurs de ${previous.dims} dimensions déjà enregistrés pour « ${args.name} », le modèle en donne ${dims}.`);
  await putEmbeddingRun(db, { model, datasetId: args.datasetId, name: args.name, dtype: args.dtype, status: 'running', done: plan.done, total: plan.total, dims, updatedAt: Date.now() });
  let done = plan.done;
  let chunk = stored.nextChunk;
  hooks.onProgress?.({ done, total: plan.total });
  try {
    for (const part of plan.chunks) {
      // The runtime's inference promises settle without letting a message in: yielding before each batch lets a
      // cancel arrive within one batch, not one chunk.
      const batchSize = args.batchSize ?? 16;
      const vectors: Float32Array[] = [];
      for (let i = 0; i < part.texts.length; i += batchSize) {
        await yieldAndCheck(hooks.signal);
        vectors.push(...(await embed(part.texts.slice(i, i + batchSize), { signal: hooks.signal, batchSize })));
      }
      const flat = new Float32Array(vectors.length * dims);
      vectors.forEach((v, i) => flat.set(v, i * dims));
      const spread = spreadToSentences(part, flat, dims);
      const { scales, values } = quantiseInt8(spread.vectors, dims);
      done += spread.ids.length;
      await saveEmbeddingChunk(db, { model, datasetId: args.datasetId, chunk: chunk++, dims, ids: spread.ids, scales, values }, done);
      hooks.onProgress?.({ done, total: plan.total });
    }
  } catch (error) {
    // With storage full even this small update may fail: the run then stays 'running' and resumes from its last chunk.
    await setEmbeddingRunStatus(db, model, args.datasetId, 'cancelled').catch(() => undefined);
    throw storageErrorOf(error, 'embed');
  }
  await setEmbeddingRunStatus(db, model, args.datasetId, 'done');
  return { total: plan.total, reused: plan.done, computed: done - plan.done, dims };
}
