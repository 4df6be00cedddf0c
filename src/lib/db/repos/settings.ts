// Key-value settings (active model, preferences) stored in IndexedDB.
import type { DissidentiaDb } from '../db';

export async function getSetting<T>(db: DissidentiaDb, key: string): Promise<T | undefined> {
  const row = await db.settings.get(key);
  return row?.value as T | undefined;
}

export async function setSetting(db: DissidentiaDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
