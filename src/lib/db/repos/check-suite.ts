// The team's edited check suite, kept in settings; absent means the shipped file is in force.
import type { DissidentiaDb } from '../db';
import { getSetting, setSetting } from './settings';

const SUITE_KEY = 'checkSuite';

/** The stored edited suite as saved (unvalidated: the caller parses it), or undefined. */
export function getEditedSuite(db: DissidentiaDb): Promise<unknown> {
  return getSetting<unknown>(db, SUITE_KEY);
}

export function saveEditedSuite(db: DissidentiaDb, suite: unknown): Promise<void> {
  return setSetting(db, SUITE_KEY, suite);
}

/** Back to the shipped suite. */
export async function clearEditedSuite(db: DissidentiaDb): Promise<void> {
  await db.settings.delete(SUITE_KEY);
}
