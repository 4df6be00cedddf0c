// Similarity by meaning over stored sentence vectors (fake-indexeddb): the encoders offered for a dataset with their
// coverage, neighbours of an embedded sentence or of a vector, and a sentence not embedded yet said so.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { quantiseInt8 } from '../../src/lib/core/search/dense';
import { DissidentiaDb } from '../../src/lib/db/db';
import { createAnnotator } from '../../src/lib/db/repos/annotators';
import { denseChoices, denseSimilarSentences } from '../../src/lib/db/repos/dense-similar';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { putEmbeddingRun, saveEmbeddingChunk } from '../../src/lib/db/repos/embeddings';
import { setLabels } from '../../src/lib/db/repos/label-writes';
import { listSentenceIds } from '../../src/lib/db/repos/sentences';

const DIMS = 8;
const MODEL = 'tiny@q8';

/** Sentence i points at angle i/10 in the first plane: neighbours by angle are neighbours by index. */
const vectorOf = (i: number) => Float32Array.from({ length: DIMS }, (_, d) => (d === 0 ? Math.cos(i / 10) : d === 1 ? Math.sin(i / 10) : 0));

async function setup() {
  const db = new DissidentiaDb(`dense-${Math.random()}`);
  const datasetId = await ensureDemoDataset(db);
  const ids = await listSentenceIds(db, datasetId, 0);
  const embedded = ids.slice(0, 12);
  await putEmbeddingRun(db, { model: MODEL, datasetId, name: 'tiny', dtype: 'q8', status: 'running', done: 0, total: ids.length, dims: DIMS, updatedAt: 0 });
  for (let chunk = 0; chunk < 2; chunk++) {
    const part = embedded.slice(chunk * 6, chunk * 6 + 6);
    const q = part.map((_, j) => quantiseInt8(vectorOf(chunk * 6 + j)));
    const values = new Int8Array(part.length * DIMS);
    q.forEach((v, j) => values.set(v.values, j * DIMS));
    await saveEmbeddingChunk(db, { model: MODEL, datasetId, chunk, dims: DIMS, ids: Float64Array.from(part), scales: Float32Array.from(q, (v) => v.scale), values }, chunk * 6 + part.length);
  }
  return { db, datasetId, ids, embedded };
}

describe('similar sentences by meaning', () => {
  it('offers the encoders with vectors for the dataset, with how many sentences are embedded', async () => {
    const { db, datasetId, ids } = await setup();
    expect(await denseChoices(db, datasetId)).toEqual([{ model: MODEL, name: 'tiny', dtype: 'q8', done: 12, total: ids.length }]);
    expect(await denseChoices(db, datasetId + 1)).toEqual([]);
  });

  it('ranks the embedded sentences by cosine from a sentence (left out) or a vector, with labels', async () => {
    const { db, datasetId, embedded, ids } = await setup();
    const alice = await createAnnotator(db, 'Alice');
    await setLabels(db, { sentenceIds: [embedded[4]!], annotatorId: alice, label: 'dissident', guidelineVersion: 1 });
    const found = await denseSimilarSentences(db, { datasetId, model: MODEL, sentenceId: embedded[5], k: 4 });
    expect(found.searched).toBe(12);
    expect(found.sourceEmbedded).toBe(true);
    expect(found.rows.map((r) => r.sentence.id).slice(0, 2).sort()).toEqual([embedded[4], embedded[6]].sort());
    expect(found.rows.map((r) => r.sentence.id)).not.toContain(embedded[5]);
    expect(found.rows[0]!.similarity).toBeCloseTo(Math.cos(0.1), 2);
    expect(found.rows.find((r) => r.sentence.id === embedded[4])!.labels.filter((l) => l.annotatorId === alice).map((l) => l.label)).toEqual(['dissident']);
    const least = await denseSimilarSentences(db, { datasetId, model: MODEL, vector: vectorOf(0), k: 1, order: 'least' });
    expect(least.rows.map((r) => r.sentence.id)).toEqual([embedded[11]]);
    const missing = await denseSimilarSentences(db, { datasetId, model: MODEL, sentenceId: ids[20]!, k: 4 });
    expect(missing).toEqual({ rows: [], searched: 12, sourceEmbedded: false });
  });
});
