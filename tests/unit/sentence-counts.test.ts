// A dataset's sentence counts per answer are kept between reads, and read again as soon as its answers change.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sentenceFields } from '../../src/lib/db/answer-sentences';
import { getDb, type Answer } from '../../src/lib/db/db';
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
