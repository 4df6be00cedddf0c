// The persisted search index on fake-indexeddb: searches through it agree with the scan, a stale or deleted index is
// not used, similar sentences come with their labels, and near-duplicate texts are read whole.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { demoCorpus } from '../../src/lib/demo/corpus';
import { DissidentiaDb } from '../../src/lib/db/db';
import { sentenceFields } from '../../src/lib/db/answer-sentences';
import { createAnnotator } from '../../src/lib/db/repos/annotators';
import { createBackup, restoreBackup } from '../../src/lib/db/repos/backup';
import { deleteDataset } from '../../src/lib/db/repos/datasets';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { setLabels } from '../../src/lib/db/repos/label-writes';
import { docOfSentence, ensureSearchIndex, openSearchIndex, sentenceIdOfDoc } from '../../src/lib/db/repos/search-index';
import { searchSentences } from '../../src/lib/db/repos/sentence-search';
import { datasetSentences, listSentenceIds } from '../../src/lib/db/repos/sentences';
import { sentenceTexts, similarSentences } from '../../src/lib/db/repos/similar-sentences';
import { foldForSearch } from '../../src/lib/core/text/normalise';

// Single words, words with spaces, apostrophes and hyphens (answered from word positions), and punctuation.
const NEEDLES = ['public', 'ÉTAT', 'impôts', 'l’état', 'de la', '?', 'services publics', 'il faut', "de l'état", 'la France', 'pouvoir d’achat', 'est-ce', 'ne sont pas', ', et'];
const fresh = () => new DissidentiaDb(`search-${Math.random()}`);
const demoSentences = demoCorpus.answers.reduce((n, a) => n + a.sentences.length, 0);

describe('search index', () => {
  it('is built once, maps sentence numbers to ids both ways, and answers searches as the scan does', async () => {
    const db = fresh();
    const datasetId = await ensureDemoDataset(db);
    const scans = await Promise.all(NEEDLES.map((text) => searchSentences(db, { datasetId, text })));
    const facts = await ensureSearchIndex(db, datasetId);
    expect(facts).toMatchObject({ docCount: demoSentences, built: true });
    expect(facts.bytes).toBeGreaterThan(0);
    expect((await ensureSearchIndex(db, datasetId)).built).toBe(false);
    const index = (await openSearchIndex(db, datasetId))!;
    const ids = await listSentenceIds(db, datasetId, 0);
    ids.forEach((id, doc) => {
      expect(sentenceIdOfDoc(index, doc)).toBe(id);
      expect(docOfSentence(index, id)).toBe(doc);
    });
    const indexed = await Promise.all(NEEDLES.map((text) => searchSentences(db, { datasetId, text })));
    expect(scans.filter((s) => s.total > 0).length).toBeGreaterThan(8);
    expect(indexed.map((r) => [r.total, r.rows.map((x) => x.sentence.id)])).toEqual(scans.map((r) => [r.total, r.rows.map((x) => x.sentence.id)]));
  });

  it('is built again when stored in an older format (without word positions)', async () => {
    const db = fresh();
    const datasetId = await ensureDemoDataset(db);
    await ensureSearchIndex(db, datasetId);
    await db.searchIndexes.update(datasetId, { format: undefined });
    expect(await openSearchIndex(db, datasetId)).toBeUndefined();
    expect((await ensureSearchIndex(db, datasetId)).built).toBe(true);
    expect(await openSearchIndex(db, datasetId)).toBeDefined();
  });

  it('applies label filters to indexed hits', async () => {
    const db = fresh();
    const datasetId = await ensureDemoDataset(db);
    const alice = await createAnnotator(db, 'Alice');
    await ensureSearchIndex(db, datasetId);
    const hits = await searchSentences(db, { datasetId, text: 'etat' });
    const first = hits.rows[0]!.sentence.id;
    await setLabels(db, { sentenceIds: [first], annotatorId: alice, label: 'dissident', guidelineVersion: 1 });
    expect((await searchSentences(db, { datasetId, text: 'etat', label: 'none' })).total).toBe(hits.total - 1);
  });

  it('is not used once the answers changed, and goes with its dataset or a restored backup', async () => {
    const db = fresh();
    const datasetId = await ensureDemoDataset(db);
    await ensureSearchIndex(db, datasetId);
    const backup = await createBackup(db);
    const text = 'Une phrase ajoutée sur la zoologie.';
    await db.answers.add({ datasetId, externalId: 'x', text, flags: 0, ...sentenceFields(text, [{ text, start: 0, end: text.length, hash: 'h' }]) } as never);
    expect(await openSearchIndex(db, datasetId)).toBeUndefined();
    expect((await searchSentences(db, { datasetId, text: 'zoologie' })).total).toBe(1);
    expect((await ensureSearchIndex(db, datasetId)).built).toBe(true);
    expect((await searchSentences(db, { datasetId, text: 'zoologie' })).total).toBe(1);
    await restoreBackup(db, backup);
    expect(await db.searchIndexes.count()).toBe(0);
    await ensureSearchIndex(db, datasetId);
    await deleteDataset(db, datasetId);
    expect(await db.searchIndexes.count()).toBe(0);
    expect(await db.searchTerms.count()).toBe(0);
  });
});

describe('similar sentences', () => {
  it('ranks by TF-IDF similarity from a sentence (left out) or a typed text, with labels', async () => {
    const db = fresh();
    const datasetId = await ensureDemoDataset(db);
    expect(await similarSentences(db, { datasetId, text: 'impôts', k: 5 })).toBeUndefined();
    await ensureSearchIndex(db, datasetId);
    const [source] = await datasetSentences(db, datasetId);
    const found = (await similarSentences(db, { datasetId, sentenceId: source!.id, k: 5 }))!;
    expect(found.source?.id).toBe(source!.id);
    expect(found.rows.map((r) => r.sentence.id)).not.toContain(source!.id);
    expect(found.rows.length).toBeGreaterThan(0);
    const sims = found.rows.map((r) => r.similarity);
    expect(sims).toEqual([...sims].sort((a, b) => b - a));
    expect(found.rows[0]!.labels.length).toBeGreaterThan(0); // demo gold labels
    const typed = (await similarSentences(db, { datasetId, text: 'les impôts', k: 3 }))!;
    expect(foldForSearch(typed.rows[0]!.sentence.text)).toContain('impot');
    const least = (await similarSentences(db, { datasetId, text: 'les impôts', k: 3, order: 'least' }))!;
    expect(least.rows.every((r) => r.similarity <= typed.rows.at(-1)!.similarity)).toBe(true);
    expect((await sentenceTexts(db, datasetId)).length).toBe(demoSentences);
  });
});
