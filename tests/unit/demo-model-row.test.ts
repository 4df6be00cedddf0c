// The built-in demo model's stored copy: kept once with its row id recorded, then skipped by key (never read) when the
// Démo and Prédire list the other models (IndexedDB through fake-indexeddb).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DissidentiaDb } from '../../src/lib/db/db';
import { deleteModel, listModels, listModelsBesideDemo, rememberDemoModel, saveModel } from '../../src/lib/db/repos/models';

const DEMO = 'demo-baseline-v1';
const fresh = () => new DissidentiaDb(`test-${Math.random()}`);
const model = (name: string, createdAt: number) => ({ name, kind: 'baseline' as const, createdAt, data: { weights: [1, 2] } });

/** Names of the rows Dexie hands out while `run` goes. */
async function namesRead(db: DissidentiaDb, run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (row: { name: string }) => (seen.push(row.name), row);
  db.models.hook('reading', listener);
  try {
    await run();
  } finally {
    db.models.hook('reading').unsubscribe(listener);
  }
  return seen;
}

describe('demo model copy', () => {
  it('is kept once, and the other models are listed newest first without reading it', async () => {
    const db = fresh();
    await saveModel(db, model('mine', 1), false);
    await rememberDemoModel(db, model(DEMO, 2));
    await rememberDemoModel(db, model(DEMO, 3));
    await saveModel(db, model('newer', 4), false);
    expect((await listModels(db)).map((m) => m.name)).toEqual(['newer', DEMO, 'mine']);
    const read = await namesRead(db, async () => expect((await listModelsBesideDemo(db, DEMO)).map((m) => m.name)).toEqual(['newer', 'mine']));
    expect(read).not.toContain(DEMO);
  });

  it('a copy kept before its id was recorded is left out by name, and its id recorded at the next keeping', async () => {
    const db = fresh();
    await saveModel(db, model(DEMO, 1), false);
    await saveModel(db, model('mine', 2), false);
    expect((await listModelsBesideDemo(db, DEMO)).map((m) => m.name)).toEqual(['mine']);
    await rememberDemoModel(db, model(DEMO, 3));
    expect((await listModels(db)).filter((m) => m.name === DEMO)).toHaveLength(1);
    expect(await namesRead(db, () => listModelsBesideDemo(db, DEMO))).toEqual(['mine']);
  });

  it('a deleted copy is kept again', async () => {
    const db = fresh();
    await rememberDemoModel(db, model(DEMO, 1));
    const [row] = await listModels(db);
    await deleteModel(db, row!.id);
    await rememberDemoModel(db, model(DEMO, 2));
    expect((await listModels(db)).map((m) => m.name)).toEqual([DEMO]);
    expect(await listModelsBesideDemo(db, DEMO)).toEqual([]);
  });
});
