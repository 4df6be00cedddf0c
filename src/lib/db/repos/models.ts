// Stored models: list, save, mark active, delete.
import type { HoldoutMetrics } from '../../core/ml/experiment';
import type { DissidentiaDb, StoredChecks, StoredModel } from '../db';
import { getSetting, setSetting } from './settings';

/** What a stored model's `metrics` holds: cross-validated AUC and F1, the test split's metrics, where it came from. */
export interface StoredMetrics {
  cvAuc: number;
  cvF1: number;
  holdout: HoldoutMetrics | null;
  source: string;
}

const ACTIVE_KEY = 'activeModelId';

export function listModels(db: DissidentiaDb): Promise<StoredModel[]> {
  return db.models.orderBy('createdAt').reverse().toArray();
}

/** Settings key of the row id of the built-in demo model's copy (written when the copy is kept). */
const DEMO_ROW_KEY = 'demoModelRowId';

/**
 * The stored models except the built-in demo model's copy, newest first. The Démo and Prédire have that model already,
 * and its row (600 kB of arrays) cost 90 ms of main thread to read on every visit; once its id is recorded it is skipped
 * by key, never read. Until then (a copy kept by an older version) it is read and left out by name.
 */
export async function listModelsBesideDemo(db: DissidentiaDb, demoName: string): Promise<StoredModel[]> {
  const demoId = await getSetting<number>(db, DEMO_ROW_KEY);
  const rows = demoId === undefined ? await db.models.toArray() : await db.models.where(':id').notEqual(demoId).toArray();
  return rows.filter((m) => m.name !== demoName).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

/** Keeps the demo model's copy once (as a model listed in Modèles, not made active) and records its row id. */
export async function rememberDemoModel(db: DissidentiaDb, model: Omit<StoredModel, 'id'>): Promise<void> {
  const recorded = await getSetting<number>(db, DEMO_ROW_KEY);
  // Counting reads no value: the row is not deserialised.
  if (recorded !== undefined && (await db.models.where(':id').equals(recorded).count()) > 0) return;
  const existing = (await db.models.toArray()).find((m) => m.name === model.name);
  await setSetting(db, DEMO_ROW_KEY, existing ? existing.id : await saveModel(db, model, false));
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

export function getModel(db: DissidentiaDb, id: number): Promise<StoredModel | undefined> {
  return db.models.get(id);
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

/** Keeps a check run with its model (the previous run is replaced). */
export async function saveModelChecks(db: DissidentiaDb, id: number, checks: StoredChecks): Promise<void> {
  await db.models.update(id, { checks });
}
