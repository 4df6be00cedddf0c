// Annotation repositories on fake-indexeddb: demo seeding, labels with undo, gold rules, guideline versions, merge
// imports from another laptop (with conflicts), the shared dev file, and backup/restore.
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toAnnotationsCsv } from '../../src/lib/core/annotation/export-formats';
import { detectCsvColumns, parseCsvText, readCsvAnnotations } from '../../src/lib/core/annotation/import-parse';
import { DEFAULT_LABELS } from '../../src/lib/core/annotation/labels';
import { demoCorpus } from '../../src/lib/demo/corpus';
import { DissidentiaDb } from '../../src/lib/db/db';
import { importAnnotations } from '../../src/lib/db/repos/annotation-exchange';
import { goldLabels } from '../../src/lib/db/repos/annotations';
import { setLabels, writeLabelBatch, type SetLabelsOp } from '../../src/lib/db/repos/label-writes';
import { countLabelsOf, createAnnotator, deleteAnnotator, getCurrentAnnotator, listAnnotators, setCurrentAnnotator } from '../../src/lib/db/repos/annotators';
import { createBackup, parseBackup, restoreBackup, serialiseBackup } from '../../src/lib/db/repos/backup';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { countAllSentences, datasetSentences, getSentence, listSentenceIds } from '../../src/lib/db/repos/sentences';
import { currentGuideline, listGuidelines, saveGuidelineVersion } from '../../src/lib/db/repos/guidelines';
import { exchangeSentences } from '../../src/lib/db/repos/exchange-rows';
import { datasetProgress } from '../../src/lib/db/repos/progress';
import { searchSentences } from '../../src/lib/db/repos/sentence-search';
import { sentenceView } from '../../src/lib/db/repos/sentence-view';

const fresh = () => new DissidentiaDb(`test-${Math.random()}`);
/** One label through the app's write path; returns what it replaced. */
const setLabel = async (db: DissidentiaDb, write: { sentenceId: number; annotatorId: number; label: string; guidelineVersion: number; createdAt?: number }) =>
  (await setLabels(db, { ...write, sentenceIds: [write.sentenceId] }))[0];
const labelMany = (db: DissidentiaDb, sentenceIds: number[], annotatorId: number, label: string, guidelineVersion: number) =>
  setLabels(db, { sentenceIds, annotatorId, label, guidelineVersion, bulk: true });
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const devCsv = path.resolve(repoRoot, '../shared/data/dissidentia-dev.csv');
const demoSentences = demoCorpus.answers.reduce((n, a) => n + a.sentences.length, 0);

async function demoWithAnnotators(db: DissidentiaDb) {
  const datasetId = await ensureDemoDataset(db);
  const alice = await createAnnotator(db, 'Alice');
  const bob = await createAnnotator(db, 'Bob');
  const ids = await listSentenceIds(db, datasetId);
  return { datasetId, alice, bob, ids };
}

describe('demo seeding', () => {
  it('creates the demo dataset once, sentences located in their answers, corpus labels as gold', async () => {
    const db = fresh();
    const [a, b] = await Promise.all([ensureDemoDataset(db), ensureDemoDataset(db)]);
    expect(a).toBe(b);
    expect(await ensureDemoDataset(db)).toBe(a);
    expect(await db.datasets.count()).toBe(1);
    expect(await countAllSentences(db)).toBe(demoSentences);
    const sentences = await datasetSentences(db, a);
    expect(sentences).toHaveLength(demoSentences);
    const answers = new Map((await db.answers.toArray()).map((x) => [x.id, x]));
    for (const s of sentences) expect(answers.get(s.answerId)!.text.slice(s.start, s.end)).toBe(s.text);
    const gold = await goldLabels(db, a);
    expect(gold).toHaveLength(demoSentences);
    expect(gold.filter((g) => g.label === 'dissident')).toHaveLength(demoCorpus.answers.flatMap((x) => x.sentences).filter((s) => s.label === 'dissident').length);
    expect(await listAnnotators(db)).toEqual([]);
  });
});

describe('labels', () => {
  it('keeps one label per annotator and sentence, and undo puts back exactly what was there', async () => {
    const db = fresh();
    const { alice, ids } = await demoWithAnnotators(db);
    const set = (label: string, guidelineVersion: number): SetLabelsOp => ({ kind: 'set', datasetId: 1, sentenceIds: [ids[0]!], annotatorId: alice, label, guidelineVersion, bulk: false, createdAt: 1 });
    const first = set('dissident', 1);
    await writeLabelBatch(db, [first]);
    expect(first.replaced).toEqual([undefined]);
    const second = set('inclassable', 2);
    await writeLabelBatch(db, [second]);
    expect(second.replaced?.[0]).toMatchObject({ label: 'dissident', guidelineVersion: 1 });
    expect(await db.annotations.where('annotatorId').equals(alice).count()).toBe(1);
    await writeLabelBatch(db, [{ kind: 'revert', of: second }]);
    expect((await db.annotations.where('annotatorId').equals(alice).first())?.label).toBe('dissident');
    await writeLabelBatch(db, [{ kind: 'revert', of: first }]);
    expect(await db.annotations.where('annotatorId').equals(alice).count()).toBe(0);
  });

  it('labels many at once as bulk, and computes progress and the majority where there is no gold', async () => {
    const db = fresh();
    const { datasetId, alice, bob, ids } = await demoWithAnnotators(db);
    await labelMany(db, ids.slice(0, 3), alice, 'dissident', 1);
    expect((await db.annotations.where('annotatorId').equals(alice).toArray()).every((a) => a.bulk)).toBe(true);
    await setLabel(db, { sentenceId: ids[0]!, annotatorId: bob, label: 'non dissident', guidelineVersion: 1 });
    const progress = await datasetProgress(db, datasetId);
    expect(progress).toMatchObject({ total: demoSentences, labelled: 3, gold: demoSentences });
    expect(progress.perAnnotator).toEqual(expect.arrayContaining([{ annotatorId: alice, count: 3 }, { annotatorId: bob, count: 1 }]));
    // A dataset without gold: the majority of alice and bob (a tie on the first sentence gives none).
    await db.annotations.where('annotatorId').noneOf([alice, bob]).delete();
    const gold = await goldLabels(db, datasetId);
    expect(gold.map((g) => [g.sentenceId, g.label, g.source])).toEqual([
      [ids[1], 'dissident', 'majority'],
      [ids[2], 'dissident', 'majority'],
    ]);
    const view = await sentenceView(db, ids[1]!);
    expect(view?.next?.index).toBe(view!.sentence.index + 1);
  });

  it('searches without accents or case, with label, annotator and agreement filters', async () => {
    const db = fresh();
    const { datasetId, alice, bob, ids } = await demoWithAnnotators(db);
    const target = (await getSentence(db, ids[0]!))!;
    const word = target.text.split(/\s+/).find((w) => w.length > 5)!;
    const found = await searchSentences(db, { datasetId, text: word.toUpperCase().normalize('NFD').replace(/\p{M}/gu, '') });
    expect(found.rows.map((r) => r.sentence.id)).toContain(target.id);
    await setLabel(db, { sentenceId: ids[0]!, annotatorId: alice, label: 'dissident', guidelineVersion: 1 });
    await setLabel(db, { sentenceId: ids[0]!, annotatorId: bob, label: 'inclassable', guidelineVersion: 1 });
    await setLabel(db, { sentenceId: ids[1]!, annotatorId: bob, label: 'inclassable', guidelineVersion: 1 });
    expect((await searchSentences(db, { datasetId, agreement: 'disagree' })).rows.map((r) => r.sentence.id)).toEqual([ids[0]]);
    expect((await searchSentences(db, { datasetId, annotatorId: bob, label: 'inclassable' })).total).toBe(2);
    expect((await searchSentences(db, { datasetId, label: 'none' })).total).toBe(demoSentences - 2);
  });

  it('finds what a plain filter over every sentence finds, on each of its paths, a page at a time', async () => {
    const db = fresh();
    const { datasetId, alice, bob, ids } = await demoWithAnnotators(db);
    await labelMany(db, ids.slice(0, 30), alice, 'dissident', 1);
    await labelMany(db, ids.slice(20, 40), bob, 'non dissident', 1);
    const sentences = await datasetSentences(db, datasetId);
    const gold = (await db.annotators.where('name').equals('gold').first())!.id;
    const labels = new Map<number, { annotatorId: number; label: string }[]>();
    for (const a of await db.annotations.toArray()) labels.set(a.sentenceId, [...(labels.get(a.sentenceId) ?? []), a]);
    const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const queries = [
      {},
      { label: 'none' },
      { agreement: 'none' as const },
      { text: 'etat' },
      { text: 'État', label: 'none' },
      { text: 'les', annotatorId: alice },
      { label: 'dissident' },
      { agreement: 'disagree' as const },
      { agreement: 'single' as const, annotatorId: bob },
    ];
    for (const q of queries) {
      const expected = sentences.filter((s) => {
        const all = labels.get(s.id) ?? [];
        const human = all.filter((a) => a.annotatorId !== gold);
        const mine = q.annotatorId === undefined ? all : all.filter((a) => a.annotatorId === q.annotatorId);
        if (q.text && !fold(s.text).includes(fold(q.text))) return false;
        if (q.annotatorId !== undefined && mine.length === 0) return false;
        if (q.label === 'none' ? human.length > 0 : q.label && !mine.some((a) => a.label === q.label)) return false;
        const agreement = human.length === 0 ? 'none' : human.length === 1 ? 'single' : new Set(human.map((a) => a.label)).size === 1 ? 'agree' : 'disagree';
        return !q.agreement || agreement === q.agreement;
      });
      const found = await searchSentences(db, { datasetId, limit: 7, ...q });
      expect(found.total, JSON.stringify(q)).toBe(expected.length);
      expect(found.rows.map((r) => r.sentence.id), JSON.stringify(q)).toEqual(expected.slice(0, 7).map((s) => s.id));
    }
  });
});

describe('annotators and guideline', () => {
  it('refuses duplicate and reserved names, remembers the current annotator', async () => {
    const db = fresh();
    const id = await createAnnotator(db, 'Alice');
    await expect(createAnnotator(db, 'Alice')).rejects.toThrow('déjà');
    await expect(createAnnotator(db, 'gold')).rejects.toThrow('réservé');
    await setCurrentAnnotator(db, id);
    expect((await getCurrentAnnotator(db))?.name).toBe('Alice');
  });
  it('deletes a profile with its labels only, hands "current" to another profile, and refuses gold', async () => {
    const db = fresh();
    const { alice, bob, ids } = await demoWithAnnotators(db);
    await labelMany(db, ids.slice(0, 4), alice, 'dissident', 1);
    await labelMany(db, ids.slice(2, 5), bob, 'non dissident', 1);
    await setCurrentAnnotator(db, bob);
    expect(await countLabelsOf(db, bob)).toBe(3);
    expect(await deleteAnnotator(db, bob)).toBe(3);
    expect((await listAnnotators(db)).map((a) => a.name)).toEqual(['Alice']);
    expect(await countLabelsOf(db, bob)).toBe(0);
    expect(await countLabelsOf(db, alice)).toBe(4);
    expect((await getCurrentAnnotator(db))?.id).toBe(alice);
    expect((await goldLabels(db)).length).toBe(demoSentences);
    await expect(deleteAnnotator(db, (await db.annotators.where('name').equals('gold').first())!.id)).rejects.toThrow('ne se suppriment pas');
    await deleteAnnotator(db, alice);
    expect(await getCurrentAnnotator(db)).toBeUndefined();
  });

  it('seeds version 1 from the French guideline and saves edits as new versions', async () => {
    const db = fresh();
    const v1 = await currentGuideline(db);
    expect(v1).toMatchObject({ version: 1, labels: [...DEFAULT_LABELS] });
    expect(v1.markdown).toContain('véhémence');
    await saveGuidelineVersion(db, '# v2', ['dissident', 'non dissident']);
    expect((await currentGuideline(db)).version).toBe(2);
    expect((await listGuidelines(db)).map((g) => g.version)).toEqual([2, 1]);
    await expect(saveGuidelineVersion(db, 'x', ['a', 'a'])).rejects.toThrow('même nom');
  });
});

describe('merging annotations from another laptop', () => {
  it('adds other annotators, keeps the latest for the same one, lists conflicts, and is idempotent', async () => {
    const [laptopA, laptopB] = [fresh(), fresh()];
    const a = await demoWithAnnotators(laptopA);
    const b = await demoWithAnnotators(laptopB);
    await setLabel(laptopA, { sentenceId: a.ids[0]!, annotatorId: a.alice, label: 'dissident', guidelineVersion: 1, createdAt: 100 });
    await setLabel(laptopA, { sentenceId: a.ids[1]!, annotatorId: a.alice, label: 'dissident', guidelineVersion: 1, createdAt: 100 });
    await setLabel(laptopB, { sentenceId: b.ids[0]!, annotatorId: b.bob, label: 'non dissident', guidelineVersion: 1, createdAt: 200 });
    await setLabel(laptopB, { sentenceId: b.ids[1]!, annotatorId: b.alice, label: 'inclassable', guidelineVersion: 1, createdAt: 300 });
    const exported = await exchangeSentences(laptopB, b.datasetId);
    const csv = toAnnotationsCsv(exported.sentences, exported.annotators);
    const table = parseCsvText(csv);
    const parsed = readCsvAnnotations(table, detectCsvColumns(table, DEFAULT_LABELS), DEFAULT_LABELS, 250);
    const report = await importAnnotations(laptopA, parsed, 'import');
    expect(report).toMatchObject({ sentences: demoSentences, matched: demoSentences, created: 0, added: 1, updated: 1 });
    expect(report.conflicts).toEqual([expect.objectContaining({ annotator: 'Alice', local: { label: 'dissident', createdAt: 100 }, incoming: { label: 'inclassable', createdAt: 250 }, kept: 'incoming' })]);
    const labelsA = await laptopA.annotations.where('annotatorId').anyOf([a.alice, a.bob]).toArray();
    expect(labelsA.map((l) => `${l.sentenceId}:${l.annotatorId}:${l.label}`).sort()).toEqual(
      [`${a.ids[0]}:${a.alice}:dissident`, `${a.ids[0]}:${a.bob}:non dissident`, `${a.ids[1]}:${a.alice}:inclassable`].sort(),
    );
    const again = await importAnnotations(laptopA, parsed, 'import');
    expect(again).toMatchObject({ added: 0, updated: 0, conflicts: [] });
    expect(await laptopA.datasets.count()).toBe(1);

    // Into a workspace without those sentences but with a dataset of the same name: the one created is told apart.
    const laptopC = fresh();
    await laptopC.datasets.add({ name: 'import', source: 'csv', status: 'ready', createdAt: 1 } as never);
    const created = await importAnnotations(laptopC, parsed, 'import');
    expect(created.created).toBeGreaterThan(0);
    expect((await laptopC.datasets.get(created.datasetId!))?.name).toBe('import (2)');
  });

  it.skipIf(!existsSync(devCsv))(`imports the shared dev file (${devCsv}) as a new dataset with three annotators and gold`, async () => {
    const db = fresh();
    const table = parseCsvText(readFileSync(devCsv, 'utf8'));
    const mapping = detectCsvColumns(table, DEFAULT_LABELS);
    expect(mapping.filter((m) => m.role === 'annotator').map((m) => m.annotator)).toEqual(['a', 'b', 'c']);
    const report = await importAnnotations(db, readCsvAnnotations(table, mapping, DEFAULT_LABELS, 0), 'dissidentia-dev');
    // Rows repeated in the file (same answer, same sentence) become one sentence.
    const distinct = new Set(table.rows.map((r) => `${r.answer_id}|${r.sentence_index}|${r.text!.trim().toLowerCase()}`)).size;
    expect(report.sentences).toBe(table.rows.length);
    expect(report.created).toBe(distinct);
    expect(report.annotators.sort()).toEqual(['a', 'b', 'c', 'gold']);
    expect((await db.datasets.get(report.datasetId!))?.source).toBe('annotations');
    const gold = await goldLabels(db, report.datasetId);
    expect(gold.filter((g) => g.source === 'gold').length).toBe(distinct);
    expect(gold.filter((g) => g.label === 'dissident')).toHaveLength(205);
  });
});

describe('backup', () => {
  it('restores into a fresh database identically, and refuses a bad file leaving data untouched', async () => {
    const db = fresh();
    const { alice } = await demoWithAnnotators(db);
    await setCurrentAnnotator(db, alice);
    await currentGuideline(db);
    await db.models.add({ name: 'm', kind: 'baseline', createdAt: 1, data: { w: new Float64Array([0.5, -1]) } } as never);
    const text = serialiseBackup(await createBackup(db));
    const other = fresh();
    await restoreBackup(other, parseBackup(text));
    const a = await createBackup(db);
    const b = await createBackup(other);
    expect(b.tables).toEqual(a.tables);
    expect((b.tables.models[0]!.data as { w: Float64Array }).w).toBeInstanceOf(Float64Array);
    expect(() => parseBackup('{"format":"autre"}')).toThrow('pas une sauvegarde Dissidentia');
    expect(() => parseBackup('pas du json')).toThrow('Vos données actuelles n’ont pas été modifiées');
    const broken = JSON.parse(text) as { tables: Record<string, unknown> };
    delete broken.tables.annotations;
    expect(() => parseBackup(JSON.stringify(broken))).toThrow('« annotations » manque');
    expect(await countAllSentences(other)).toBe(demoSentences);
  });
});
