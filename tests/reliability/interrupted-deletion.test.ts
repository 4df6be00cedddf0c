// A dataset deletion cut by a closed tab (dataset marked `cancelled`, some rows still there) is finished later, and
// nothing else is touched: not a ready dataset, not an import still running.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DissidentiaDb } from '../../src/lib/db/db';
import { countAnswers } from '../../src/lib/db/repos/answers';
import { createDataset, finishDeletions } from '../../src/lib/db/repos/datasets';

async function withAnswers(db: DissidentiaDb, status: 'ready' | 'importing' | 'cancelled', n: number): Promise<number> {
  const id = await createDataset(db, { name: status, source: 'csv', status, info: {} });
  const rows = Array.from({ length: n }, (_, i) => ({ datasetId: id, externalId: `r${i}`, text: 'Un texte.', meta: {}, flags: 0, line: i + 2, sentenceCount: 1, starts: new Uint32Array([0]), ends: new Uint32Array([9]), hashes: [] }));
  await db.answers.bulkAdd(rows as never[]);
  return id;
}

describe('finishing deletions a closed tab cut short', () => {
  it('removes cancelled datasets and their rows, and only them', async () => {
    const db = new DissidentiaDb(`test-${Math.random()}`);
    const ready = await withAnswers(db, 'ready', 3);
    const importing = await withAnswers(db, 'importing', 2);
    const cancelled = await withAnswers(db, 'cancelled', 4);
    expect(await finishDeletions(db)).toBe(1);
    expect(await db.datasets.get(cancelled)).toBeUndefined();
    expect(await countAnswers(db, cancelled)).toBe(0);
    expect(await countAnswers(db, ready)).toBe(3);
    expect(await countAnswers(db, importing)).toBe(2);
    expect(await finishDeletions(db)).toBe(0);
  });
});
