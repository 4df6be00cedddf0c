// Schema upgrades on real data: a database written by schema v1 (one row per sentence) opens in today's schema with
// every sentence and annotation still there; a version-1 backup file restores the same way.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DissidentiaDb, SCHEMA_V1 } from '../../src/lib/db/db';
import { goldLabels } from '../../src/lib/db/repos/annotations';
import { parseBackup, restoreBackup, serialiseBackup, createBackup } from '../../src/lib/db/repos/backup';
import { countAllSentences, datasetSentences, listSentenceIds } from '../../src/lib/db/repos/sentences';
import { sentenceIdOf, SENTENCES_PER_ANSWER } from '../../src/lib/db/answer-sentences';


// Old sentence ids chosen so that one equals a new id (answer 1, position 0): the rewrite must not trip over it.
const COLLIDING = SENTENCES_PER_ANSWER;
const V1_ROWS = {
  datasets: [{ id: 1, name: 'd', source: 'csv', status: 'ready', createdAt: 1 }],
  answers: [
    { id: 1, datasetId: 1, externalId: 'a', text: 'Tous pourris. Vraiment.' },
    { id: 2, datasetId: 1, externalId: 'b', text: 'Merci aux agents.', flags: 2 },
  ],
  sentences: [
    { id: 5, datasetId: 1, answerId: 1, index: 1, text: 'Vraiment.', start: 14, end: 23, hash: 'h2' },
    { id: COLLIDING, datasetId: 1, answerId: 1, index: 0, text: 'Tous pourris.', start: 0, end: 13, hash: 'h1' },
    { id: 7, datasetId: 1, answerId: 2, index: 0, text: 'Merci aux agents.', start: 0, end: 17, hash: 'h3', flags: 2 },
  ],
  annotators: [{ id: 1, name: 'Alice', colour: '#000' }, { id: 2, name: 'Bob', colour: '#fff' }],
  annotations: [
    { id: 1, sentenceId: COLLIDING, annotatorId: 1, label: 'dissident', guidelineVersion: 1, createdAt: 1 },
    { id: 2, sentenceId: 5, annotatorId: 1, label: 'non dissident', guidelineVersion: 1, createdAt: 1 },
    { id: 3, sentenceId: 7, annotatorId: 2, label: 'non dissident', guidelineVersion: 1, createdAt: 1 },
    { id: 4, sentenceId: sentenceIdOf(1, 1), annotatorId: 2, label: 'dissident', guidelineVersion: 1, createdAt: 1 },
  ],
};

async function writeV1(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  for (const [table, rows] of Object.entries(V1_ROWS)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('schema v1 → v3', () => {
  it('moves sentence rows into their answers and annotations onto the new ids', async () => {
    const name = `migrate-${Math.random()}`;
    await writeV1(name);
    const db = new DissidentiaDb(name);
    await db.open();
    // Opened at the newest schema (v4 added the corpus scores, v5 the sentence vectors, v6 the search index).
    expect(db.verno).toBe(7);
    expect(db.tables.map((t) => t.name)).not.toContain('sentences');
    expect(await countAllSentences(db)).toBe(3);
    expect((await datasetSentences(db, 1)).map((s) => [s.id, s.text, s.flags])).toEqual([
      [sentenceIdOf(1, 0), 'Tous pourris.', undefined],
      [sentenceIdOf(1, 1), 'Vraiment.', undefined],
      [sentenceIdOf(2, 0), 'Merci aux agents.', 2],
    ]);
    // Annotation 4 pointed at a sentence id that did not exist in v1: it is dropped, not attached to a stranger.
    const annotations = await db.annotations.orderBy('id').toArray();
    expect(annotations.map((a) => [a.id, a.sentenceId, a.label])).toEqual([
      [1, sentenceIdOf(1, 0), 'dissident'],
      [2, sentenceIdOf(1, 1), 'non dissident'],
      [3, sentenceIdOf(2, 0), 'non dissident'],
    ]);
    expect(await listSentenceIds(db, 1, 2)).toEqual([sentenceIdOf(1, 0), sentenceIdOf(1, 1)]);
    db.close();
  });
});

describe('version-1 backup files', () => {
  it('restore into today’s schema with the same sentences and labels', async () => {
    const v1 = { format: 'dissidentia-backup', version: 1, exportedAt: '2026-11-01T00:00:00.000Z', schemaVersion: 1, tables: { ...V1_ROWS, guidelines: [], models: [], settings: [] } };
    const db = new DissidentiaDb(`restore-${Math.random()}`);
    await restoreBackup(db, parseBackup(JSON.stringify(v1)));
    expect(await countAllSentences(db)).toBe(3);
    expect((await goldLabels(db, 1)).map((g) => [g.text, g.label])).toEqual([
      ['Tous pourris.', 'dissident'],
      ['Vraiment.', 'non dissident'],
      ['Merci aux agents.', 'non dissident'],
    ]);
    // And what it writes back is a version-2 file that restores identically.
    const again = new DissidentiaDb(`restore-${Math.random()}`);
    await restoreBackup(again, parseBackup(serialiseBackup(await createBackup(db))));
    expect((await createBackup(again)).tables).toEqual((await createBackup(db)).tables);
  });

  it('is refused when an answer of a version-2 file lacks its sentences', async () => {
    const db = new DissidentiaDb(`restore-${Math.random()}`);
    await restoreBackup(db, parseBackup(JSON.stringify({ format: 'dissidentia-backup', version: 1, exportedAt: '', schemaVersion: 1, tables: { ...V1_ROWS, guidelines: [], models: [], settings: [] } })));
    const good = serialiseBackup(await createBackup(db));
    expect(() => parseBackup(good)).not.toThrow();
    const broken = JSON.parse(good) as { tables: { answers: Record<string, unknown>[] } };
    delete broken.tables.answers[1]!.hashes;
    expect(() => parseBackup(JSON.stringify(broken))).toThrow('la ligne 2 de la table « answers » est mal formée');
  });

  it('is refused, data untouched, when its sentences table is missing', () => {
    const broken = { format: 'dissidentia-backup', version: 1, tables: { ...V1_ROWS, sentences: undefined, guidelines: [], models: [], settings: [] } };
    expect(() => parseBackup(JSON.stringify(broken))).toThrow('« sentences » manque');
  });
});
