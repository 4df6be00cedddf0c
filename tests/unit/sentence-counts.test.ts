// A dataset's sentence counts per answer are kept between reads (in memory, and stored for the next page), and read
// again as soon as its answers change.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { sentenceFields } from '../../src/lib/db/answer-sentences';
import { getDb, type Answer } from '../../src/lib/db/db';
import { deleteDataset } from '../../src/lib/db/repos/datasets';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { listSentenceIds, sentenceCountsByAnswer } from '../../src/lib/db/repos/sentences';

describe('sentence counts by answer', () => {
  it('gives the same counts twice, then follows an answer added to the dataset', async () => {
    const db = getDb();
    const datasetId = await ensureDemoDataset(db);
    const first = await sentenceCountsByAnswer(db, datasetId, 0);
    expect(first.length).toBeGreaterThan(0);
    // A caller cutting its list does not change the next caller's.
    first.length = 1;
    const again = await sentenceCountsByAnswer(db, datasetId, 0);
    expect(again.length).toBeGreaterThan(1);

    const text = 'Une phrase ajoutée. Et une autre.';
    const fields = sentenceFields(text, [
      { text: 'Une phrase ajoutée.', start: 0, end: 19, hash: 'h1' },
      { text: 'Et une autre.', start: 20, end: 33, hash: 'h2' },
    ]);
    const answerId = (await db.answers.add({ datasetId, externalId: 'ajout', text, flags: 0, ...fields } as Answer)) as number;
    const after = await sentenceCountsByAnswer(db, datasetId, 0);
    expect(after).toHaveLength(again.length + 1);
    expect(after[after.length - 1]).toEqual({ answerId, flags: 0, count: 2 });
    expect((await listSentenceIds(db, datasetId, 0)).slice(-2)).toEqual([answerId * 2 ** 20, answerId * 2 ** 20 + 1]);
  });
});

describe('sentence counts kept for the next page', () => {
  /** The module as a new page loads it: nothing in memory. */
  async function freshPage(): Promise<typeof import('../../src/lib/db/repos/answer-counts')> {
    vi.resetModules();
    return import('../../src/lib/db/repos/answer-counts');
  }
  /** The row is written behind the read that computed it. */
  const stored = async (db: ReturnType<typeof getDb>, datasetId: number) => {
    await vi.waitFor(async () => expect(await db.answerCounts.get(datasetId)).toBeDefined());
    return (await db.answerCounts.get(datasetId))!;
  };

  it('are read from their stored row on a new page, and read again from the answers once those change', async () => {
    const db = getDb();
    const datasetId = await ensureDemoDataset(db);
    await db.answerCounts.clear();
    const counts = await (await freshPage()).answerCounts(db, datasetId);
    const row = await stored(db, datasetId);
    expect([...row.counts]).toEqual(counts.map((c) => c.count));
    expect([...row.answerIds]).toEqual(counts.map((c) => c.answerId));

    // A new page takes the row as it is: one that says 7 sentences for the first answer is believed.
    row.counts[0] = 7;
    await db.answerCounts.put(row);
    expect((await (await freshPage()).answerCounts(db, datasetId))[0]!.count).toBe(7);

    // New answers change the stamp: the row is no longer believed, and is written anew.
    const text = 'Encore une réponse.';
    await db.answers.add({ datasetId, externalId: 'encore', text, flags: 0, ...sentenceFields(text, [{ text, start: 0, end: text.length, hash: 'h3' }]) } as Answer);
    const fresh = await (await freshPage()).answerCounts(db, datasetId);
    expect(fresh[0]!.count).toBe(counts[0]!.count);
    expect(fresh).toHaveLength(counts.length + 1);
    await vi.waitFor(async () => expect((await db.answerCounts.get(datasetId))!.stamp).not.toBe(row.stamp));
  });

  it('go with their dataset', async () => {
    const db = getDb();
    const datasetId = await ensureDemoDataset(db);
    await sentenceCountsByAnswer(db, datasetId);
    await stored(db, datasetId);
    await deleteDataset(db, datasetId);
    expect(await db.answerCounts.get(datasetId)).toBeUndefined();
  });
});

describe('sentence counts of a dataset deleted while they were read', () => {
  it('are not stored after the dataset is gone', async () => {
    const db = getDb();
    const datasetId = await ensureDemoDataset(db);
    await db.answerCounts.clear();
    const { answerCounts } = await import('../../src/lib/db/repos/answer-counts');
    const read = answerCounts(db, datasetId);
    // The dataset is marked for deletion before the read's row is written behind it.
    await db.datasets.update(datasetId, { status: 'cancelled' });
    await read;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.answerCounts.get(datasetId)).toBeUndefined();
    await deleteDataset(db, datasetId);
  });
});
