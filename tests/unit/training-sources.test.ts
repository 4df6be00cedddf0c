// Training sources: one per dataset with gold labels, counted without inclassable sentences, loaded afresh; several
// datasets combined, their gold labels read from their own sentences only.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { sentenceFields, sentenceIdOf } from '../../src/lib/db/answer-sentences';
import { DissidentiaDb } from '../../src/lib/db/db';
import { goldLabels } from '../../src/lib/db/repos/annotations';
import { createAnnotator } from '../../src/lib/db/repos/annotators';
import { createDataset } from '../../src/lib/db/repos/datasets';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { setLabels } from '../../src/lib/db/repos/label-writes';
import { demoCorpus } from '../../src/lib/demo/corpus';
import { combinedSource, datasetSources } from '../../src/lib/state/training-sources';

describe('datasetSources', () => {
  it('offers the seeded demo dataset with its dissident and non-dissident sentences', async () => {
    const db = new DissidentiaDb(`test-${Math.random()}`);
    expect(await datasetSources(db)).toEqual([]);
    const datasetId = await ensureDemoDataset(db);
    const sentences = demoCorpus.answers.flatMap((a) => a.sentences).filter((s) => s.label !== 'inclassable');
    const [source, ...rest] = await datasetSources(db);
    expect(rest).toEqual([]);
    expect(source?.id).toBe(`dataset-${datasetId}`);
    expect(source?.count).toBe(sentences.length);
    const set = await source!.load();
    expect(set.texts).toHaveLength(sentences.length);
    expect(set.labels.filter((l) => l === 1)).toHaveLength(sentences.filter((s) => s.label === 'dissident').length);
    expect(set.guidelineVersion).toBe(1);
  });
});

/** A dataset of one-sentence answers, each labelled by Alice (a strict majority of one, so its reference label). */
async function labelledDataset(db: DissidentiaDb, name: string, rows: [string, string][]): Promise<{ datasetId: number; sentenceIds: number[] }> {
  const datasetId = await createDataset(db, { name, source: 'csv', status: 'ready' });
  const alice = (await db.annotators.where('name').equals('Alice').first())?.id ?? (await createAnnotator(db, 'Alice'));
  const sentenceIds: number[] = [];
  for (const [i, [text, label]] of rows.entries()) {
    const fields = sentenceFields(text, [{ text, start: 0, end: text.length, hash: `${name}-${i}` }]);
    const answerId = await db.answers.add({ datasetId, externalId: `${name}-${i}`, text, flags: 0, ...fields } as never);
    const sentenceId = sentenceIdOf(answerId as number, 0);
    sentenceIds.push(sentenceId);
    await setLabels(db, { sentenceIds: [sentenceId], annotatorId: alice, label, guidelineVersion: 1 });
  }
  return { datasetId, sentenceIds };
}

describe('several datasets', () => {
  it('trains on the gold labels of the datasets picked together, a sentence labelled alike in both kept once', async () => {
    const db = new DissidentiaDb(`test-${Math.random()}`);
    const a = await labelledDataset(db, 'a', [['Tous pourris.', 'dissident'], ['Merci.', 'non dissident'], ['Bof.', 'inclassable']]);
    const b = await labelledDataset(db, 'b', [['Démission !', 'dissident'], ['Merci.', 'non dissident']]);
    const c = await labelledDataset(db, 'c', [['Autre.', 'dissident']]);
    const sources = await datasetSources(db);
    expect(sources.map((s) => [s.label, s.count]).sort()).toEqual([['a', 2], ['b', 2], ['c', 1]]);

    const both = combinedSource(db, ['a', 'b'].map((name) => sources.find((s) => s.label === name)!));
    expect(both.datasetIds).toEqual([a.datasetId, b.datasetId]);
    expect(both.count).toBe(4);
    const set = await both.load();
    expect(set.texts).toEqual(['Tous pourris.', 'Merci.', 'Démission !']);
    expect(set.labels).toEqual([1, 0, 1]);
    expect(c.sentenceIds).toHaveLength(1);
  });

  it('reads only the picked datasets: no annotation or answer of another one', async () => {
    const db = new DissidentiaDb(`test-${Math.random()}`);
    const a = await labelledDataset(db, 'a', [['Tous pourris.', 'dissident'], ['Merci.', 'non dissident']]);
    const b = await labelledDataset(db, 'b', [['Démission !', 'dissident']]);
    const bulkGet = vi.spyOn(db.answers, 'bulkGet');
    const gold = await goldLabels(db, [b.datasetId]);
    expect(gold.map((g) => [g.sentenceId, g.text, g.label])).toEqual([[b.sentenceIds[0], 'Démission !', 'dissident']]);
    const read = bulkGet.mock.calls.flatMap(([keys]) => keys as number[]);
    expect(read).toEqual(b.sentenceIds.map((id) => Math.floor(id / 2 ** 20)));
    // One dataset as a number still works, and no dataset given means all.
    expect((await goldLabels(db, a.datasetId)).map((g) => g.text)).toEqual(['Tous pourris.', 'Merci.']);
    expect(await goldLabels(db)).toHaveLength(3);
  });
});
