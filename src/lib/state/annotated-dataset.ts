// The dataset Annoter works on, remembered for the device: Annoter opens on it.
import { asRemembered, defaultDataset, type RememberedDataset } from '../core/ml/corpus/default-dataset';
import type { DissidentiaDb } from '../db/db';
import { listDatasets } from '../db/repos/datasets';
import { getSetting, setSetting } from '../db/repos/settings';

const KEY = 'annotate.datasetId';

/**
 * The dataset last chosen in Annoter or imported, whichever is newer (the seeded demo corpus does not win by being
 * newer). A choice stored before the time was kept gets the time of this first reading, once.
 */
export async function annotatedDataset(db: DissidentiaDb): Promise<number | undefined> {
  const stored = await getSetting<unknown>(db, KEY);
  const remembered = asRemembered(stored, Date.now());
  if (remembered && typeof stored === 'number') await setSetting(db, KEY, remembered);
  return defaultDataset(await listDatasets(db), [], remembered);
}

/** Remembers the user's choice in Annoter, with its time. */
export function rememberAnnotatedDataset(db: DissidentiaDb, id: number): Promise<void> {
  const choice: RememberedDataset = { id, at: Date.now() };
  return setSetting(db, KEY, choice);
}
