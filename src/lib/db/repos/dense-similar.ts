// Similar sentences by meaning: cosine of a query vector with a dataset's stored sentence vectors (int8 chunks of
// embeddings.ts) under one encoder, over the sentences embedded so far; rows come back with their labels.
import { denseSimilar, type VectorBlock } from '../../core/search/dense';
import type { Annotation, DissidentiaDb, EmbeddingChunk } from '../db';
import type { SimilarRow } from './similar-sentences';
import { getSentences } from './sentences';

/** An encoder a dataset has vectors under, and how many of its sentences are embedded so far. */
export interface DenseChoice {
  /** Storage key `<name>@<dtype>`. */
  model: string;
  name: string;
  dtype: 'fp32' | 'q8';
  done: number;
  total: number;
}

/** The encoders with at least one stored vector for this dataset, most complete first. */
export async function denseChoices(db: DissidentiaDb, datasetId: number): Promise<DenseChoice[]> {
  const runs = await db.embeddingRuns.filter((r) => r.datasetId === datasetId && r.done > 0).toArray();
  return runs.map(({ model, name, dtype, done, total }) => ({ model, name, dtype, done, total })).sort((a, b) => b.done - a.done || a.model.localeCompare(b.model));
}

// The vectors of the latest (encoder, dataset) asked, kept while its stored count is unchanged: a second query (or
// « the least similar » after « the most ») reads nothing again.
let cached: { model: string; datasetId: number; version: string; chunks: EmbeddingChunk[] } | undefined;

async function chunksOf(db: DissidentiaDb, model: string, datasetId: number): Promise<EmbeddingChunk[]> {
  const run = await db.embeddingRuns.get([model, datasetId]);
  const version = `${run?.done ?? 0}:${run?.updatedAt ?? 0}`;
  if (cached && cached.model === model && cached.datasetId === datasetId && cached.version === version) return cached.chunks;
  const chunks = await db.embeddings.where('[model+datasetId+chunk]').between([model, datasetId, -Infinity], [model, datasetId, Infinity], true, true).toArray();
  cached = { model, datasetId, version, chunks };
  return chunks;
}

/** The stored vector of one sentence (dequantised), or undefined when it is not embedded yet. */
function vectorOf(chunks: readonly EmbeddingChunk[], sentenceId: number): Float32Array | undefined {
  for (const c of chunks) {
    const row = c.ids.indexOf(sentenceId);
    if (row < 0) continue;
    const scale = c.scales[row]!;
    return Float32Array.from(c.values.subarray(row * c.dims, (row + 1) * c.dims), (v) => v * scale);
  }
  return undefined;
}

export interface DenseQuery {
  datasetId: number;
  model: string;
  /** The sentence to start from (left out of the results), or a typed text's vector from the same encoder. */
  sentenceId?: number;
  vector?: Float32Array;
  k: number;
  order?: 'most' | 'least';
}

export interface DenseAnswer {
  rows: SimilarRow[];
  /** Sentences compared (those embedded so far). */
  searched: number;
  /** False when the starting sentence has no stored vector yet. */
  sourceEmbedded: boolean;
}

/** The k most (or least) similar embedded sentences by cosine, with their labels. */
export async function denseSimilarSentences(db: DissidentiaDb, query: DenseQuery): Promise<DenseAnswer> {
  const chunks = await chunksOf(db, query.model, query.datasetId);
  const searched = chunks.reduce((n, c) => n + c.ids.length, 0);
  const vector = query.sentenceId === undefined ? query.vector : vectorOf(chunks, query.sentenceId);
  if (!vector) return { rows: [], searched, sourceEmbedded: false };
  const blocks: VectorBlock[] = chunks.map((c) => ({ kind: 'int8', dims: c.dims, ids: c.ids, values: c.values, scales: c.scales }));
  const scored = await denseSimilar(vector, () => blocks, { k: query.k, order: query.order, exclude: query.sentenceId });
  const ids = scored.map((s) => s.doc);
  const sentences = new Map((await getSentences(db, ids)).map((s) => [s.id, s]));
  const labels = new Map<number, Annotation[]>();
  for (const a of await db.annotations.where('sentenceId').anyOf(ids).toArray()) labels.set(a.sentenceId, [...(labels.get(a.sentenceId) ?? []), a]);
  const rows = scored.flatMap((s) => {
    const sentence = sentences.get(s.doc);
    return sentence ? [{ sentence, similarity: s.score, labels: labels.get(sentence.id) ?? [] }] : [];
  });
  return { rows, searched, sourceEmbedded: true };
}
