// Stored models: saving, the active model, deletion (IndexedDB through fake-indexeddb).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DissidentiaDb } from '../../src/lib/db/db';
import { deleteModel, getActiveModel, listModels, saveModel, setActiveModel } from '../../src/lib/db/repos/models';

const fresh = () => new DissidentiaDb(`test-${Math.random()}`);
const model = (name: string, createdAt: number) => ({ name, kind: 'baseline' as const, createdAt, data: { weights: [1, 2] } });

describe('models repository', () => {
  it('lists newest first and tracks the active model', async () => {
    const db = fresh();
    const a = await saveModel(db, model('a', 1));
    const b = await saveModel(db, model('b', 2), false);
    expect((await listModels(db)).map((m) => m.name)).toEqual(['b', 'a']);
    expect((await getActiveModel(db))?.id).toBe(a);
    await setActiveModel(db, b);
    expect((await getActiveModel(db))?.name).toBe('b');
  });

  it('forgets the active model when it is deleted', async () => {
    const db = fresh();
    const id = await saveModel(db, model('a', 1));
    await deleteModel(db, id);
    expect(await getActiveModel(db)).toBeUndefined();
    expect(await listModels(db)).toEqual([]);
  });
});
