// Import into IndexedDB (fake-indexeddb): datasets, answers and sentences repositories, re-import, resume, rollback.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { previewBytes } from '../../src/lib/core/csv/preview';
import { FLAG } from '../../src/lib/core/csv/overview';
import { DissidentiaDb } from '../../src/lib/db/db';
import { countAnswers, getAnswer, getAnswerByExternalId, listAnswers } from '../../src/lib/db/repos/answers';
import { createDataset, deleteDataset, getDataset, infoOf, listDatasets, listInterruptedImports, setExcludeFlags } from '../../src/lib/db/repos/datasets';
import { countAllSentences, countSentences, getSentences, listSentenceIds, listSentences, sentenceContext, sentencesOfAnswer } from '../../src/lib/db/repos/sentences';
import { sentenceFields, sentenceIdOf } from '../../src/lib/db/answer-sentences';
import { importFile, type ImportRequest } from '../../src/lib/workers/import/import-file';

const fresh = () => new DissidentiaDb(`test-${Math.random()}`);
const bytes = new Uint8Array(readFileSync(new URL('../fixtures/import/grand-debat-mini.csv', import.meta.url)));
const file = (content: Uint8Array = bytes, name = 'grand-debat-mini.csv') => Object.assign(new Blob([content as Uint8Array<ArrayBuffer>]), { name });

function requestFor(content: Uint8Array = bytes): ImportRequest {
  const p = previewBytes(content, content.length);
  return { textColumn: p.textColumn, idColumn: p.idColumn, keepColumns: p.keepColumns, textHeader: p.headers[p.textColumn]! };
}

describe('importing a file into IndexedDB', () => {
  it('stores the sentence counts per answer for the screens that open next, without being asked', async () => {
    const db = fresh();
    const outcome = await importFile(db, file(), requestFor());
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    await vi.waitFor(async () => expect(await db.answerCounts.get(outcome.datasetId)).toBeDefined());
    const row = (await db.answerCounts.get(outcome.datasetId))!;
    expect([...row.counts].reduce((n, c) => n + c, 0)).toBe(outcome.report.sentences);
  });

  it('stores answers and sentences, and shows the dataset only once ready', async () => {
    const db = fresh();
    const seen: number[] = [];
    const outcome = await importFile(db, file(), requestFor(), { batchAnswers: 3, chunkBytes: 2048, onProgress: (p) => seen.push(p.bytesRead) });
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    const [dataset] = await listDatasets(db);
    expect(dataset).toMatchObject({ id: outcome.datasetId, name: 'grand-debat-mini', source: 'csv', status: 'ready' });
    const info = infoOf(dataset!);
    expect(info.checkpoint).toBeUndefined();
    expect(info.report).toMatchObject({ answers: 10, malformedRows: 2, encoding: 'utf-8', delimiter: ',' });
    expect(await countAnswers(db, outcome.datasetId)).toBe(outcome.report.answers - outcome.report.emptyAnswers);
    expect(await countSentences(db, outcome.datasetId)).toBe(outcome.report.sentences);
    expect(seen.at(-1)).toBe(bytes.length);

    const [first] = await listAnswers(db, outcome.datasetId, 0, 1);
    expect(first!.meta).not.toHaveProperty('authorId');
    expect(first!.meta).not.toHaveProperty('authorZipCode');
    expect(await getAnswerByExternalId(db, outcome.datasetId, first!.externalId)).toEqual(first);
    const sentences = await sentencesOfAnswer(db, first!.id);
    for (const s of sentences) expect(first!.text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.index)).toEqual(sentences.map((_, i) => i));
    expect(await getAnswer(db, sentences[0]!.answerId)).toEqual(first);
    const context = await sentenceContext(db, sentences[1]!);
    expect(context.previous?.id).toBe(sentences[0]!.id);
    expect(context.next?.id).toBe(sentences[2]?.id);
    const page = await listSentences(db, outcome.datasetId, { offset: 0, limit: 5 });
    const allIds = await listSentenceIds(db, outcome.datasetId);
    expect(page.map((s) => s.id)).toEqual(allIds.slice(0, 5));
    // Pages that start and end inside answers read across block boundaries.
    for (const [offset, limit] of [[3, 7], [sentences.length, 4], [allIds.length - 2, 10]] as const) {
      expect((await listSentences(db, outcome.datasetId, { offset, limit })).map((s) => s.id)).toEqual(allIds.slice(offset, offset + limit));
    }
    expect((await getSentences(db, [page[2]!.id, page[0]!.id, 999_999])).map((s) => s.id)).toEqual([page[2]!.id, page[0]!.id]);
  });

  it('adds nothing when the same file is imported again', async () => {
    const db = fresh();
    const first = await importFile(db, file(), requestFor());
    const again = await importFile(db, file(bytes.slice(), 'copie.csv'), requestFor());
    expect(again).toMatchObject({ status: 'alreadyImported', datasetId: first.datasetId });
    expect(await db.answers.count()).toBe(await countAnswers(db, first.datasetId));
    expect(await listDatasets(db)).toHaveLength(1);
  });

  it('rolls back a cancelled import and leaves earlier datasets intact', async () => {
    const db = fresh();
    const kept = await importFile(db, file(), requestFor());
    const before = { answers: await db.answers.count(), sentences: await countAllSentences(db) };
    const other = new TextEncoder().encode(new TextDecoder().decode(bytes).replaceAll('Organisation de l', 'Organisation de la'));
    const controller = new AbortController();
    const rolledBack: string[] = [];
    const run = importFile(db, file(other, 'autre.csv'), requestFor(other), {
      signal: controller.signal,
      chunkBytes: 1024,
      batchAnswers: 1,
      // The first progress report comes after the first chunk and its batch: abort there.
      onProgress: () => controller.abort(),
      onRolledBack: (_id, reason) => rolledBack.push(reason),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(rolledBack).toEqual(['cancelled']);
    expect(await listDatasets(db)).toHaveLength(1);
    expect(await db.datasets.count()).toBe(1);
    expect({ answers: await db.answers.count(), sentences: await countAllSentences(db) }).toEqual(before);
    expect((await getDataset(db, kept.datasetId))?.status).toBe('ready');
  });

  it('rolls back on bad input found mid-file, with the French message', async () => {
    const db = fresh();
    const broken = new Uint8Array([...bytes, ...new TextEncoder().encode('x,'), 0xe9, 0x0a]);
    await expect(importFile(db, file(broken), requestFor(bytes), { chunkBytes: 4096, batchAnswers: 1 })).rejects.toThrow(/Encodage invalide/);
    expect(await db.datasets.count()).toBe(0);
    expect(await db.answers.count()).toBe(0);
  });

  it('resumes an interrupted import from its checkpoint, without duplicates', async () => {
    const reference = fresh();
    const whole = await importFile(reference, file(), requestFor());
    const expected = (await reference.answers.toArray()).map((a) => a.externalId);

    // A tab closed mid-import leaves an 'importing' dataset with the batches written so far.
    const partial = fresh();
    const stopped = await importUntil(partial, 4);
    expect((await listInterruptedImports(partial)).map((d) => d.id)).toEqual([stopped]);
    expect(await listDatasets(partial)).toEqual([]);
    const resumed = await importFile(partial, file(), { ...requestFor(), resumeDatasetId: stopped });
    expect(resumed.status).toBe('imported');
    if (resumed.status !== 'imported') return;
    expect(resumed.report.resumed).toBe(true);
    expect((await partial.answers.toArray()).map((a) => a.externalId)).toEqual(expected);
    expect(await countSentences(partial, stopped)).toBe(whole.status === 'imported' ? whole.report.sentences : -1);
    expect(await countAllSentences(partial)).toBe(await countAllSentences(reference));
  });

  it('refuses to resume with a different file', async () => {
    const db = fresh();
    const stopped = await importUntil(db, 2);
    const other = new TextEncoder().encode('id,texte\n1,Bonjour.\n');
    await expect(importFile(db, file(other), { ...requestFor(other), textHeader: requestFor().textHeader, resumeDatasetId: stopped })).rejects.toThrow(/pas le même fichier/);
  });

  it('counts and lists sentences with exclusion filters', async () => {
    const db = fresh();
    const csv = 'id,texte\n1,Le Sénat coûte cher. Trop cher.\n2,Le Sénat coûte cher. Trop cher.\n3,The state is not working for us and it is too far away from the people.\n';
    const content = new TextEncoder().encode(csv);
    const outcome = await importFile(db, file(content, 'f.csv'), { textColumn: 1, idColumn: 0, keepColumns: [], textHeader: 'texte' });
    const id = outcome.datasetId;
    expect(await countSentences(db, id)).toBe(5);
    await setExcludeFlags(db, id, FLAG.duplicate | FLAG.nonFrench);
    expect(await countSentences(db, id)).toBe(2);
    expect((await listSentences(db, id, { limit: 10 })).map((s) => s.text)).toEqual(['Le Sénat coûte cher.', 'Trop cher.']);
    expect(await listSentenceIds(db, id)).toHaveLength(2);
    expect(await countSentences(db, id, 0)).toBe(5);
  });

  it('lists datasets of any source, ready ones only', async () => {
    const db = fresh();
    await createDataset(db, { name: 'démo', source: 'demo', status: 'ready', info: {} });
    await createDataset(db, { name: 'en cours', source: 'csv', status: 'importing', info: {} });
    expect((await listDatasets(db)).map((d) => d.name)).toEqual(['démo']);
  });
});

/** Imports the mini file and stops for good after `answers` answers, as a closed tab would: no rollback runs. */
async function importUntil(db: DissidentiaDb, answers: number): Promise<number> {
  const { runImport } = await import('../../src/lib/core/csv/pipeline');
  const { memorySource } = await import('../../src/lib/core/csv/memory-source');
  const { writeImportBatch } = await import('../../src/lib/db/repos/answers');
  const { blobFingerprint } = await import('../../src/lib/core/csv/blob-source');
  const { hashString } = await import('../../src/lib/core/text/hash');
  const request = requestFor();
  const fingerprint = `${await blobFingerprint(file(), hashString)}:${request.textHeader}`;
  const id = await createDataset(db, { name: 'mini', source: 'csv', status: 'importing', info: { fingerprint } });
  let written = 0;
  await runImport(memorySource(bytes, 512), { columns: { text: request.textColumn, id: request.idColumn }, batchAnswers: 1 }, {
    write: async (batch) => {
      if (written >= answers) throw new Error('onglet fermé');
      await writeImportBatch(db, id, batch);
      written += batch.answers.length;
    },
  }).catch(() => undefined);
  return id;
}

describe('deleteDataset', () => {
  it('removes the dataset with its answers, sentences and their annotations, and nothing of another dataset', async () => {
    const db = fresh();
    const seed = async (name: string) => {
      const datasetId = await createDataset(db, { name, source: 'csv', status: 'ready' });
      const text = 'Une phrase.';
      const answerId = await db.answers.add({ datasetId, externalId: name, text, flags: 0, ...sentenceFields(text, [{ text, start: 0, end: 11, hash: name }]) } as never);
      const sentenceId = sentenceIdOf(answerId, 0);
      await db.annotations.add({ sentenceId, annotatorId: 1, label: 'dissident', guidelineVersion: 1, createdAt: 0 } as never);
      return datasetId;
    };
    const gone = await seed('a');
    const kept = await seed('b');
    await deleteDataset(db, gone);
    expect(await getDataset(db, gone)).toBeUndefined();
    expect(await db.answers.count()).toBe(1);
    expect(await countAllSentences(db)).toBe(1);
    expect((await db.annotations.toArray()).map((a) => a.sentenceId)).toEqual(await listSentenceIds(db, kept));
  });
});
