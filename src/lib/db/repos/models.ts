// Stored models: list, save, mark active, delete.
import type { DissidentiaDb, StoredModel } from '../db';
import { getSetting, setSetting } from './settings';

const ACTIVE_KEY = 'activeModelId';

export function listModels(db: DissidentiaDb): Promise<StoredModel[]> {
  return db.models.orderBy('createdAt').reverse().toArray();
}

export async function saveModel(db: DissidentiaDb, model: Omit<StoredModel, 'id'>, makeActive = true): Promise<number> {
  return db.transaction('rw', db.models, db.settings, async () => {
    const id = await db.models.add(model as StoredModel);
    if (makeActive) await setSetting(db, ACTIVE_KEY, id);
    return id;
  });
}

/** The id of the active model, if one is chosen. */
export function getActiveModelId(db: DissidentiaDb): Promise<number | undefined> {
  return getSetting<number>(db, ACTIVE_KEY);
}

export async function getActiveModel(db: DissidentiaDb): Promise<StoredModel | undefined> {
  const id = await getActiveModelId(db);
  return id === undefined ? undefined : db.models.get(id);
}

export function setActiveModel(db: DissidentiaDb, id: number): Promise<void> {
  return setSetting(db, ACTIVE_KEY, id);
}

export async function deleteModel(db: DissidentiaDb, id: number): Promise<void> {
  await db.transaction('rw', db.models, db.settings, async () => {
    await db.models.delete(id);
    if ((await getSetting<number>(db, ACTIVE_KEY)) === id) await db.settings.delete(ACTIVE_KEY);
  });
}

export async function updateModel(db: DissidentiaDb, id: number, changes: Partial<Omit<StoredModel, 'id'>>): Promise<void> {
  await db.models.update(id, changes);
}

export function getModel(db: DissidentiaDb, id: number): Promise<StoredModel | undefined> {
  return db.models.get(id);
}
