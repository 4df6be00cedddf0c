// Imported annotation, backup and model files are checked before anything is written: a corrupt or foreign file is
// refused with a French message and the whole database is unchanged (full dump before and after compared).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectCsvColumns, parseCsvText, readCsvAnnotations, readJsonlAnnotations } from '../../src/lib/core/annotation/import-parse';
import { DEFAULT_LABELS } from '../../src/lib/core/annotation/labels';
import { previewBytes } from '../../src/lib/core/csv/preview';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { serialiseModel, trainBaseline } from '../../src/lib/core/ml/model';
import { getDb } from '../../src/lib/db/db';
import { importAnnotations } from '../../src/lib/db/repos/annotation-exchange';
import { ensureAnnotator } from '../../src/lib/db/repos/annotators';
import { createBackup, parseBackup, restoreBackup, serialiseBackup } from '../../src/lib/db/repos/backup';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { saveModel } from '../../src/lib/db/repos/models';
import { datasetSentences } from '../../src/lib/db/repos/sentences';
import { setSetting } from '../../src/lib/db/repos/settings';
import { importModelFile } from '../../src/lib/state/model-files';
import { importFile } from '../../src/lib/workers/import/import-file';
import { dumpDb, failWritesAfter, type Dump } from './helpers/db-faults';

const db = getDb();
let before: Dump;
let goodBackup: string;
let goodModel: string;

/** Runs an attempt that must be refused; returns its message after checking the database did not change. */
async function refused(attempt: () => Promise<unknown>): Promise<string> {
  const error = await attempt().then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error, 'the file was accepted').toBeInstanceOf(Error);
  expect(await dumpDb(db)).toEqual(before);
  return error!.message;
}

beforeAll(async () => {
  const mini = new Uint8Array(readFileSync(new URL('../fixtures/import/grand-debat-mini.csv', import.meta.url)));
  const p = previewBytes(mini, mini.length);
  await importFile(db, Object.assign(new Blob([mini]), { name: 'mini.csv' }), { textColumn: p.textColumn, idColumn: p.idColumn, keepColumns: p.keepColumns, textHeader: p.headers[p.textColumn]! });
  const demo = await ensureDemoDataset(db);
  const alice = await ensureAnnotator(db, 'Alice');
  const sentences = await datasetSentences(db, demo);
  await db.annotations.bulkAdd(sentences.slice(0, 5).map((s, i) => ({ sentenceId: s.id, annotatorId: alice, label: i % 2 ? 'dissident' : 'non dissident', guidelineVersion: 1, createdAt: i } as never)));
  const { texts, labels } = fixtureSet();
  const model = await trainBaseline(texts, labels, { search: 'none', learningCurve: null });
  goodModel = serialiseModel(model);
  await saveModel(db, { name: 'm', kind: 'baseline', createdAt: 1, data: model }, true);
  await setSetting(db, 'backup.lastAt', 123);
  goodBackup = serialiseBackup(await createBackup(db));
  before = await dumpDb(db);
});

describe('annotation files', () => {
  const jsonl = (text: string) => () => importAnnotations(db, readJsonlAnnotations(text, DEFAULT_LABELS, 0), 'f');
  const csv = (text: string) => () => {
    const table = parseCsvText(text);
    return Promise.resolve().then(() => importAnnotations(db, readCsvAnnotations(table, detectCsvColumns(table, DEFAULT_LABELS), DEFAULT_LABELS, 0), 'f'));
  };
  it.each([
    ['an empty file', jsonl('')],
    ['a foreign JSONL file', jsonl('{"foo": 1}\n{"bar": [2]}\n')],
    ['broken JSON lines', jsonl('{"text": "Bonjour", "label": \n}}}\n')],
    ['labels that are not ours', jsonl('{"text": "Tous pourris.", "label": ["POSITIVE"]}\n')],
    ['a spreadsheet of something else', csv('ville,population\nLyon,500000\nParis,2000000\n')],
    ['binary bytes read as text', csv('\u0000\u0001PK\u0003\u0004\uFFFD\uFFFD,\n\u0007')],
  ])('%s is refused and changes nothing', async (_name, attempt) => {
    expect(await refused(attempt)).toMatch(/Fichier d’annotations refusé|Aucune colonne de texte/);
  });
});

describe('backup files', () => {
  const restore = (text: string) => async () => restoreBackup(db, parseBackup(text));
  // Built when the test runs: the good backup exists only after beforeAll.
  const edit = (change: (b: Record<string, any>) => void) => () => {
    // Any: the test edits the parsed JSON freely, as a damaged file would be.
    const b = JSON.parse(goodBackup) as Record<string, any>;
    change(b);
    return JSON.stringify(b);
  };
  it.each([
    ['not JSON', () => 'ceci n’est pas une sauvegarde'],
    ['truncated', () => goodBackup.slice(0, goodBackup.length / 2)],
    ['foreign JSON', () => '{"name": "autre appli", "items": []}'],
    ['a newer format', edit((b) => (b.version = 99))],
    ['a table missing', edit((b) => delete b.tables.annotations)],
    ['an id that is text', edit((b) => (b.tables.annotators[0].id = 'un'))],
    ['one label twice', edit((b) => b.tables.annotations.push({ ...b.tables.annotations[0], id: 9_999 }))],
    ['an answer without its sentences', edit((b) => delete b.tables.answers[0].starts)],
  ])('%s is refused and changes nothing', async (_name, text) => {
    expect(await refused(restore(text()))).toMatch(/^Fichier de sauvegarde refusé : .*Vos données actuelles n’ont pas été modifiées\.$/);
  });

  it('a restore that runs out of storage halfway leaves the workspace as it was', async () => {
    const undo = failWritesAfter(db, 'annotations', 'bulkAdd', 0);
    try {
      expect(await refused(restore(goodBackup))).toMatch(/stockage de ce navigateur est plein/);
    } finally {
      undo();
    }
  });
});

describe('model files', () => {
  const file = (text: string) => () => importModelFile(new File([text], 'modele.model.json'));
  const damaged = (change: (m: Record<string, any>) => void) => () => {
    // Any: the test edits the parsed JSON freely, as a damaged file would be.
    const m = JSON.parse(goodModel) as Record<string, any>;
    change(m);
    return JSON.stringify(m);
  };
  it.each([
    ['not JSON', () => 'PK\u0003\u0004 binaire', /JSON/],
    ['foreign JSON', () => '{"weights": [1, 2, 3]}', /Modèle invalide : ce n’est pas un modèle/],
    ['a newer format', damaged((m) => (m.formatVersion = 42)), /version de format 42/],
    ['coefficients cut short', damaged((m) => m.blocks[0].coefficients.pop()), /coefficients/],
    ['a threshold out of range', damaged((m) => (m.threshold = 7)), /seuil/],
  ])('%s is refused and changes nothing', async (_name, text, message) => {
    expect(await refused(file(text()))).toMatch(message);
  });

  it('a good file is stored (the check is not refusing everything)', async () => {
    const stored = await importModelFile(new File([goodModel], 'bon.model.json'));
    expect(stored.name).toBe('bon');
    await db.models.delete(stored.id);
    expect(await dumpDb(db)).toEqual(before);
  });
});
