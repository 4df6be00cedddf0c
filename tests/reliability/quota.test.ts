// Storage full mid-import, mid-scoring and mid-embedding (QuotaExceededError injected into the table's writes): the
// operation stops with the French "storage full, free this" error, every earlier record is intact, and the operation
// completes once room is back.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { previewBytes } from '../../src/lib/core/csv/preview';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { trainBaseline } from '../../src/lib/core/ml/model';
import { isQuotaError, StorageFullError } from '../../src/lib/core/storage-errors';
import { getDb } from '../../src/lib/db/db';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { getEmbeddingRun, embeddingModelKey } from '../../src/lib/db/repos/embeddings';
import { saveModel } from '../../src/lib/db/repos/models';
import { getScoreRun } from '../../src/lib/db/repos/scores';
import { datasetSentences } from '../../src/lib/db/repos/sentences';
import { errorTextIn } from '../../src/lib/i18n/error-text';
import { importFile } from '../../src/lib/workers/import/import-file';
import { embedDataset } from '../../src/lib/workers/model/embed-dataset';
import { RpcError, toWireError } from '../../src/lib/workers/rpc';
import { scoreHandlers } from '../../src/workers/score-handlers';
import { dumpDb, failWritesAfter, quotaError } from './helpers/db-faults';

const db = getDb();
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

const mini = new Uint8Array(readFileSync(new URL('../fixtures/import/grand-debat-mini.csv', import.meta.url)));
const asFile = (content: Uint8Array, name: string) => Object.assign(new Blob([content as Uint8Array<ArrayBuffer>]), { name });
const requestFor = (content: Uint8Array) => {
  const p = previewBytes(content, content.length);
  return { textColumn: p.textColumn, idColumn: p.idColumn, keepColumns: p.keepColumns, textHeader: p.headers[p.textColumn]! };
};
/** A CSV of `n` answers of two sentences each. */
const generated = (n: number) =>
  new TextEncoder().encode(['id,texte', ...Array.from({ length: n }, (_, i) => `r${i},"Réponse numéro ${i}. Les services publics ferment, c'est inadmissible."`)].join('\n'));

/** The French text of an error as the UI shows it. */
const french = (error: unknown) => errorTextIn('fr', error);

beforeAll(async () => {
  // Earlier data: the demo dataset (with its gold labels) and an imported file.
  await ensureDemoDataset(db);
  const { datasetId } = (await importFile(db, asFile(mini, 'mini.csv'), requestFor(mini))) as { datasetId: number };
  // The import stores its sentence counts just after it returns: settled before any test takes its « before ».
  await vi.waitFor(async () => expect(await db.answerCounts.get(datasetId)).toBeDefined());
});

describe('storage full', () => {
  it('mid-import: the import stops with the French message, its rows are rolled back and earlier data is intact', async () => {
    const before = await dumpDb(db);
    const content = generated(60);
    restore = failWritesAfter(db, 'answers', 'bulkAdd', 2);
    const failed = importFile(db, asFile(content, 'gros.csv'), requestFor(content), { batchAnswers: 10 });
    const error = await failed.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).code).toBe('storage/fullImport');
    expect(french(error)).toMatch(/stockage de ce navigateur est plein/);
    expect(french(error)).toMatch(/supprimez un jeu de données, des scores ou des vecteurs de phrases/);
    expect(errorTextIn('en', error)).toMatch(/storage is full/);
    expect(await dumpDb(db)).toEqual(before);
    restore();
    restore = undefined;
    const again = await importFile(db, asFile(content, 'gros.csv'), requestFor(content), { batchAnswers: 10 });
    expect(again.status).toBe('imported');
  });

  it('mid-scoring: scoring stops with the French message; scores already written are kept and the run resumes', async () => {
    const { texts, labels } = fixtureSet();
    const model = await trainBaseline(texts, labels, { search: 'none', learningCurve: null });
    const modelId = `stored-${await saveModel(db, { name: 'essai', kind: 'baseline', createdAt: Date.now(), data: model }, false)}`;
    const datasetId = await ensureDemoDataset(db);
    const handlers = scoreHandlers(() => undefined);
    const ctx = { signal: new AbortController().signal, emit: () => undefined } as Parameters<(typeof handlers)['score/run']>[1];
    const before = await dumpDb(db);
    restore = failWritesAfter(db, 'scores', 'bulkPut', 1);
    const error = await handlers['score/run']({ datasetId, model: { modelId, name: 'essai' }, batchSentences: 20 }, ctx).catch((e: unknown) => e);
    expect((error as StorageFullError).code).toBe('storage/fullScore');
    expect(french(error)).toMatch(/scores déjà enregistrés sont gardés/);
    const after = await dumpDb(db);
    // Every table but the scores is as it was (and the sentence counts, a cache the run's first read fills); the first
    // batch's scores and the run's cursor agree.
    const changed = ['scores', 'scoreRuns', 'answerCounts'];
    for (const name of Object.keys(before)) if (!changed.includes(name)) expect(after[name], name).toEqual(before[name]);
    const run = (await getScoreRun(db, { modelId, datasetId }))!;
    expect(run.status).toBe('failed');
    expect(run.sentencesDone).toBeGreaterThan(0);
    const stored = await db.scores.where('[modelId+datasetId]').equals([modelId, datasetId]).toArray();
    expect(stored.reduce((n, r) => n + r.probabilities.length, 0)).toBe(run.sentencesDone);
    expect(Math.max(...stored.map((r) => r.answerId))).toBe(run.lastAnswerId);
    restore();
    restore = undefined;
    const done = await handlers['score/run']({ datasetId, model: { modelId, name: 'essai' }, batchSentences: 20 }, ctx);
    expect(done.status).toBe('done');
    expect(done.sentencesDone).toBe((await datasetSentences(db, datasetId)).length);
  });

  it('mid-embedding: the run stops with the French message; stored vectors are kept and the run resumes', async () => {
    const datasetId = await ensureDemoDataset(db);
    const dims = 4;
    // The encoder is not what is under test here: a fixed vector per text length stands in for it.
    const embed = async (batch: string[]) => batch.map((t) => Float32Array.from([1, t.length % 7, 0.5, -1]));
    const args = { name: 'faux-encodeur', dtype: 'q8' as const, datasetId, chunkSize: 8 };
    const before = await dumpDb(db);
    restore = failWritesAfter(db, 'embeddings', 'put', 1);
    const error = await embedDataset(db, embed, dims, args).catch((e: unknown) => e);
    expect((error as StorageFullError).code).toBe('storage/fullEmbed');
    expect(french(error)).toMatch(/vecteurs de phrases est arrêté/);
    const after = await dumpDb(db);
    // (The sentence counts are a cache that reads may fill at any time.)
    for (const name of Object.keys(before)) if (!['embeddings', 'embeddingRuns', 'answerCounts'].includes(name)) expect(after[name], name).toEqual(before[name]);
    expect(after.embeddings).toHaveLength(1);
    const run = (await getEmbeddingRun(db, embeddingModelKey(args.name, args.dtype), datasetId))!;
    expect(run.status).toBe('cancelled');
    restore();
    restore = undefined;
    const result = await embedDataset(db, embed, dims, args);
    expect(result.reused).toBe(run.done);
    expect(result.reused + result.computed).toBe(result.total);
  });

  it('any other request that hits a full disk crosses the worker boundary as storage/full, translated', () => {
    const wire = toWireError(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quotaError() }));
    expect(wire.code).toBe('storage/full');
    const rebuilt = new RpcError(wire);
    expect(errorTextIn('fr', rebuilt)).toMatch(/Libérez de la place/);
    expect(isQuotaError({ name: 'BulkError', failures: [quotaError()] })).toBe(true);
    expect(isQuotaError(new Error('autre'))).toBe(false);
    expect(toWireError(new Error('autre')).code).toBe('rpc/unexpected');
  });
});
