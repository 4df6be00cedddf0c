// Sentence vectors per (encoder, dataset), stored in int8 chunks, and the state of each embedding run (for resume).
import type { QuantisedVectors } from '../../core/ml/embedding/quantise';
import type { DissidentiaDb, EmbeddingChunk, EmbeddingRun } from '../db';

/** The key vectors are stored under: the encoder folder and the precision it ran at. */
export const embeddingModelKey = (name: string, dtype: 'fp32' | 'q8') => `${name}@${dtype}`;

const chunkRange = (model: string, datasetId: number): [[string, number, number], [string, number, number]] => [
  [model, datasetId, -Infinity],
  [model, datasetId, Infinity],
];

function chunksOf(db: DissidentiaDb, model: string, datasetId: number) {
  const [low, high] = chunkRange(model, datasetId);
  return db.embeddings.where('[model+datasetId+chunk]').between(low, high, true, true);
}

/** A dataset's stored vectors under one encoder: sentence ids, and int8 values with a scale per vector. */
export interface EmbeddingSet extends QuantisedVectors {
  model: string;
  datasetId: number;
  ids: Float64Array;
}

/**
 * Every stored vector of a dataset under an encoder (`modelName` a folder name; `dtype` q8 unless said), ids[i] ↔ row i,
 * in the order computed (shortest sentences first). Empty when nothing was computed; a run still going gives what is
 * stored so far (see `getEmbeddingRun`).
 */
export async function embeddingsFor(db: DissidentiaDb, modelName: string, datasetId: number, dtype: 'fp32' | 'q8' = 'q8'): Promise<EmbeddingSet> {
  const model = embeddingModelKey(modelName, dtype);
  const chunks = await chunksOf(db, model, datasetId).toArray();
  const n = chunks.reduce((sum, c) => sum + c.ids.length, 0);
  const dims = chunks[0]?.dims ?? 0;
  const ids = new Float64Array(n);
  const scales = new Float32Array(n);
  const values = new Int8Array(n * dims);
  let row = 0;
  for (const c of chunks) {
    ids.set(c.ids, row);
    scales.set(c.scales, row);
    values.set(c.values, row * dims);
    row += c.ids.length;
  }
  return { model, datasetId, dims, ids, scales, values };
}

/** The ids of a dataset's sentences already embedded under an encoder key (what a resumed run skips). */
export async function embeddedSentenceIds(db: DissidentiaDb, model: string, datasetId: number): Promise<{ ids: Set<number>; nextChunk: number }> {
  const ids = new Set<number>();
  let nextChunk = 0;
  await chunksOf(db, model, datasetId).each((c) => {
    c.ids.forEach((id) => ids.add(id));
    nextChunk = Math.max(nextChunk, c.chunk + 1);
  });
  return { ids, nextChunk };
}

/** Stores one chunk and moves its run's count, in one transaction (a closed tab leaves them in agreement). */
export async function saveEmbeddingChunk(db: DissidentiaDb, chunk: EmbeddingChunk, done: number): Promise<void> {
  await db.transaction('rw', db.embeddings, db.embeddingRuns, async () => {
    await db.embeddings.put(chunk);
    await db.embeddingRuns.update([chunk.model, chunk.datasetId], { done, dims: chunk.dims, updatedAt: Date.now() });
  });
}

export async function putEmbeddingRun(db: DissidentiaDb, run: EmbeddingRun): Promise<void> {
  await db.embeddingRuns.put(run);
}

export async function setEmbeddingRunStatus(db: DissidentiaDb, model: string, datasetId: number, status: EmbeddingRun['status']): Promise<void> {
  await db.embeddingRuns.update([model, datasetId], { status, updatedAt: Date.now() });
}

export function getEmbeddingRun(db: DissidentiaDb, model: string, datasetId: number): Promise<EmbeddingRun | undefined> {
  return db.embeddingRuns.get([model, datasetId]);
}

export function listEmbeddingRuns(db: DissidentiaDb): Promise<EmbeddingRun[]> {
  return db.embeddingRuns.toArray();
}

/** Stored vectors of some sentences under an encoder key, whatever dataset computed them (a training set's cache). */
export async function storedVectorsOf(db: DissidentiaDb, model: string, datasetIds: readonly number[], wanted: ReadonlySet<number>): Promise<Map<number, Float32Array>> {
  const out = new Map<number, Float32Array>();
  for (const datasetId of new Set(datasetIds)) {
    await chunksOf(db, model, datasetId).each((c) => {
      c.ids.forEach((id, i) => {
        if (!wanted.has(id) || out.has(id)) return;
        const v = new Float32Array(c.dims);
        const scale = c.scales[i]!;
        for (let d = 0; d < c.dims; d++) v[d] = c.values[i * c.dims + d]! * scale;
        out.set(id, v);
      });
    });
  }
  return out;
}

/** Forgets a dataset's vectors under every encoder (its sentences are gone). */
export async function deleteDatasetEmbeddings(db: DissidentiaDb, datasetId: number): Promise<void> {
  await db.transaction('rw', db.embeddings, db.embeddingRuns, async () => {
    // Every chunk belongs to a run (one per encoder): each run's key range, without reading the vectors.
    const runs = await db.embeddingRuns.filter((r) => r.datasetId === datasetId).toArray();
    for (const run of runs) await chunksOf(db, run.model, datasetId).delete();
    await db.embeddingRuns.bulkDelete(runs.map((r) => [r.model, r.datasetId] as [string, number]));
  });
}

/** Forgets one dataset's vectors under one encoder key. */
export async function deleteEmbeddings(db: DissidentiaDb, model: string, datasetId: number): Promise<void> {
  await db.transaction('rw', db.embeddings, db.embeddingRuns, async () => {
    await chunksOf(db, model, datasetId).delete();
    await db.embeddingRuns.delete([model, datasetId]);
  });
}

