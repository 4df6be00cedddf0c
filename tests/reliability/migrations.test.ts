// Every schema version still opens: a database is filled at each old version (declared with a bare Dexie, frozen here
// as it shipped), then opened with today's code; every record must be there, and upgraded fields right.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { textHash } from '../../src/lib/core/text/hash';
import { sentenceFields, sentenceIdOf } from '../../src/lib/db/answer-sentences';
import { ANSWERS_SCHEMA, DissidentiaDb, SCHEMA_V1 } from '../../src/lib/db/db';
import { datasetSentences, getSentences } from '../../src/lib/db/repos/sentences';
import { dumpDb } from './helpers/db-faults';

/** The stores each version added or changed, as shipped (db.ts must keep declaring the same chain). */
const SHIPPED: Record<number, Record<string, string | null>> = {
  1: SCHEMA_V1,
  2: { answers: ANSWERS_SCHEMA },
  3: { sentences: null },
  4: { scores: '[modelId+answerId], [modelId+datasetId], datasetId', scoreRuns: '[modelId+datasetId], datasetId' },
  5: { embeddings: '[model+datasetId+chunk]', embeddingRuns: '[model+datasetId]' },
  6: { searchIndexes: 'datasetId', searchTerms: '[datasetId+term]' },
  7: { answerCounts: 'datasetId' },
};
const CURRENT = 7;

const TEXTS = ['Tous pourris. Vraiment.', 'Merci aux agents. Bon courage à eux.', 'Trop d’impôts ! Ras-le-bol.', 'Rien à ajouter.'];

/** Sentences of a text cut on ". ", "! " (what the fixture texts need). */
function spans(text: string) {
  const out: { index: number; text: string; start: number; end: number; hash: string }[] = [];
  const re = /[^.!?]+[.!?]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const body = m[0].trim();
    out.push({ index: out.length, text: body, start, end: start + body.length, hash: textHash(body) });
  }
  return out;
}

const common = {
  datasets: [
    { id: 1, name: 'Premier', source: 'csv', status: 'ready', createdAt: 10, info: { fileName: 'a.csv', report: { answers: 2 } } },
    { id: 2, name: 'Second', source: 'annotations', status: 'ready', createdAt: 20 },
  ],
  annotators: [{ id: 1, name: 'Alice', colour: '#1d6fb8' }, { id: 2, name: 'Bob', colour: '#b8501d' }],
  guidelines: [{ id: 1, version: 1, markdown: '# Guide', labels: ['dissident', 'non dissident'], createdAt: 5 }],
  models: [{ id: 1, name: 'm', kind: 'baseline', createdAt: 30, data: { format: 'dissidentia-baseline', weights: [0.5, -1] }, metrics: { cvAuc: 0.8 } }],
  settings: [{ key: 'annotate.current', value: { annotator: 'Alice' } }, { key: 'lang', value: 'fr' }],
};
const answerRows = TEXTS.map((text, i) => ({ id: i + 1, datasetId: i < 3 ? 1 : 2, externalId: `r${i}`, text, flags: i === 2 ? 4 : 0, line: i + 2 }));

/** Rows of every table that exists at `version`, in that version's shape. */
function rowsAt(version: number): Record<string, unknown[]> {
  const labelled = [sentenceIdOf(1, 0), sentenceIdOf(1, 1), sentenceIdOf(2, 0), sentenceIdOf(3, 1)];
  const annotations = labelled.map((sentenceId, i) => ({ id: i + 1, sentenceId, annotatorId: (i % 2) + 1, label: i % 2 ? 'non dissident' : 'dissident', guidelineVersion: 1, createdAt: 100 + i }));
  const rows: Record<string, unknown[]> = { ...common, answers: answerRows.map((a) => ({ ...a, ...sentenceFields(a.text, spans(a.text)) })), annotations };
  if (version >= 4) {
    rows.scores = [{ modelId: 'stored-1', answerId: 1, datasetId: 1, probabilities: Float32Array.from([0.9, 0.2]) }];
    rows.scoreRuns = [{ modelId: 'stored-1', datasetId: 1, modelName: 'm', status: 'running', lastAnswerId: 1, answers: 3, answersDone: 1, sentences: 6, sentencesDone: 2, distinctScored: 2, startedAt: 1, updatedAt: 2, seconds: 0.5 }];
  }
  if (version >= 5) {
    rows.embeddings = [{ model: 'enc@q8', datasetId: 1, chunk: 0, dims: 2, ids: Float64Array.from([sentenceIdOf(1, 0)]), scales: Float32Array.from([0.01]), values: Int8Array.from([12, -7]) }];
    rows.embeddingRuns = [{ model: 'enc@q8', datasetId: 1, name: 'enc', dtype: 'q8', status: 'cancelled', done: 1, total: 6, dims: 2, updatedAt: 3 }];
  }
  return rows;
}

/** Version 1 kept one row per sentence, with its own id, and annotations pointed at those ids. */
function rowsAtVersion1() {
  const sentences = answerRows.flatMap((a) => spans(a.text).map((s) => ({ ...s, id: 0, datasetId: a.datasetId, answerId: a.id, ...(a.flags ? { flags: a.flags } : {}) })));
  sentences.forEach((s, i) => (s.id = 500 + i * 3));
  const answers = answerRows.map(({ flags, ...a }) => (flags ? { ...a, flags } : a));
  const annotations = [0, 1, 2, 5].map((k, i) => ({ id: i + 1, sentenceId: sentences[k]!.id, annotatorId: (i % 2) + 1, label: i % 2 ? 'non dissident' : 'dissident', guidelineVersion: 1, createdAt: 100 + i }));
  return { ...common, answers, sentences, annotations };
}

async function createAt(name: string, version: number, rows: Record<string, unknown[]>): Promise<void> {
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(SHIPPED[v]!);
  await old.open();
  for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
  old.close();
}

describe('a database from every old schema version opens with today’s code', () => {
  it('keeps declaring every version it shipped', () => {
    const db = new DissidentiaDb(`chain-${Math.random()}`);
    expect(db.verno).toBe(CURRENT);
    expect(Object.keys(SHIPPED).map(Number)).toEqual(Array.from({ length: CURRENT }, (_, i) => i + 1));
  });

  it('version 1: sentence rows move into their answers, labels follow their sentences, nothing else changes', async () => {
    const name = `v1-${Math.random()}`;
    const v1 = rowsAtVersion1();
    await createAt(name, 1, v1);
    const db = new DissidentiaDb(name);
    await db.open();
    const dump = await dumpDb(db);
    for (const table of ['datasets', 'annotators', 'guidelines', 'models', 'settings'] as const) expect(dump[table], table).toEqual(v1[table]);
    expect(db.tables.map((t) => t.name)).not.toContain('sentences');
    // Every sentence, in order, with its answer's flags.
    const read = [...(await datasetSentences(db, 1)), ...(await datasetSentences(db, 2))];
    expect(read.map((s) => [s.answerId, s.index, s.text, s.hash, s.flags])).toEqual(v1.sentences.map((s) => [s.answerId, s.index, s.text, s.hash, s.flags]));
    // Every label, on the same sentence text as before.
    const oldText = new Map(v1.sentences.map((s) => [s.id, s.text]));
    const labels = await db.annotations.orderBy('id').toArray();
    expect(labels).toHaveLength(v1.annotations.length);
    const texts = await getSentences(db, labels.map((a) => a.sentenceId));
    expect(texts.map((s) => s.text)).toEqual(v1.annotations.map((a) => oldText.get(a.sentenceId)));
    expect(labels.map(({ sentenceId: _s, ...rest }) => rest)).toEqual(v1.annotations.map(({ sentenceId: _s, ...rest }) => rest));
    db.close();
  });

  it.each([2, 3, 4, 5, 6])('version %i: every record is still there, unchanged', async (version) => {
    const name = `v${version}-${Math.random()}`;
    const rows = rowsAt(version);
    await createAt(name, version, rows);
    const db = new DissidentiaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT);
    const dump = await dumpDb(db);
    for (const [table, list] of Object.entries(rows)) expect(dump[table], table).toEqual(list);
    // Tables added after that version start empty; the sentences read through the answers are right.
    for (const table of Object.keys(dump)) if (!(table in rows)) expect(dump[table], table).toEqual([]);
    const first = await datasetSentences(db, 1);
    expect(first.map((s) => s.text)).toEqual(answerRows.filter((a) => a.datasetId === 1).flatMap((a) => spans(a.text).map((s) => s.text)));
    db.close();
  });
});
