// Annotator profiles on this device (name, colour), the reserved gold annotator, and who is labelling now.
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import type { Annotator, DissidentiaDb } from '../db';
import { getSetting, setSetting } from './settings';

const CURRENT_KEY = 'currentAnnotatorId';
/** Colours distinguishable on light and dark backgrounds, given in turn to new profiles. */
export const ANNOTATOR_COLOURS = ['#1d6fb8', '#b8501d', '#2f8a3b', '#8a2f86', '#b8961d', '#1d8a86', '#5a5fd1', '#c23b5a'];
const GOLD_COLOUR = '#6b6f76';

/** Human annotators (the gold annotator left out), by name. */
export async function listAnnotators(db: DissidentiaDb): Promise<Annotator[]> {
  const all = await db.annotators.orderBy('name').toArray();
  return all.filter((a) => a.name !== GOLD_ANNOTATOR);
}

export function getAnnotatorByName(db: DissidentiaDb, name: string): Promise<Annotator | undefined> {
  return db.annotators.where('name').equals(name).first();
}

/** Creates a profile; names are unique (French error otherwise), and `gold` is reserved. */
export async function createAnnotator(db: DissidentiaDb, name: string, colour?: string): Promise<number> {
  const clean = name.trim();
  if (!clean) throw new Error('Donnez un nom à l’annotateur.');
  if (clean === GOLD_ANNOTATOR) throw new Error(`Le nom « ${GOLD_ANNOTATOR} » est réservé aux étiquettes de référence.`);
  return db.transaction('rw', db.annotators, async () => {
    if (await getAnnotatorByName(db, clean)) throw new Error(`Un annotateur s’appelle déjà « ${clean} ».`);
    const count = await db.annotators.count();
    return db.annotators.add({ name: clean, colour: colour ?? ANNOTATOR_COLOURS[count % ANNOTATOR_COLOURS.length]! } as Annotator);
  });
}

/** The annotator of that name, created when missing (import, seeding). Call inside a transaction over annotators. */
export async function ensureAnnotator(db: DissidentiaDb, name: string): Promise<number> {
  const found = await getAnnotatorByName(db, name);
  if (found) return found.id;
  const count = await db.annotators.count();
  const colour = name === GOLD_ANNOTATOR ? GOLD_COLOUR : ANNOTATOR_COLOURS[count % ANNOTATOR_COLOURS.length]!;
  return db.annotators.add({ name, colour } as Annotator);
}

export async function updateAnnotator(db: DissidentiaDb, id: number, changes: Partial<Omit<Annotator, 'id'>>): Promise<void> {
  const name = changes.name?.trim();
  if (name !== undefined) {
    if (!name) throw new Error('Donnez un nom à l’annotateur.');
    if (name === GOLD_ANNOTATOR) throw new Error(`Le nom « ${GOLD_ANNOTATOR} » est réservé aux étiquettes de référence.`);
    const other = await getAnnotatorByName(db, name);
    if (other && other.id !== id) throw new Error(`Un annotateur s’appelle déjà « ${name} ».`);
  }
  await db.annotators.update(id, { ...changes, ...(name !== undefined ? { name } : {}) });
}

/** How many labels a profile has made, every dataset counted. */
export function countLabelsOf(db: DissidentiaDb, id: number): Promise<number> {
  return db.annotations.where('annotatorId').equals(id).count();
}

/**
 * Deletes a profile with every label it made (all or nothing); when it was the current annotator, another profile
 * (the first by name) becomes current, or none. The gold annotator is refused. Returns how many labels went.
 */
export async function deleteAnnotator(db: DissidentiaDb, id: number): Promise<number> {
  return db.transaction('rw', db.annotators, db.annotations, db.settings, async () => {
    const annotator = await db.annotators.get(id);
    if (!annotator) throw new Error('Ce profil n’existe plus.');
    if (annotator.name === GOLD_ANNOTATOR) throw new Error('Les étiquettes de référence ne sont pas un profil : elles ne se suppriment pas ici.');
    const removed = await db.annotations.where('annotatorId').equals(id).delete();
    await db.annotators.delete(id);
    if ((await getSetting<number>(db, CURRENT_KEY)) === id) {
      const next = (await listAnnotators(db))[0];
      if (next) await setSetting(db, CURRENT_KEY, next.id);
      else await db.settings.delete(CURRENT_KEY);
    }
    return removed;
  });
}

export async function getCurrentAnnotator(db: DissidentiaDb): Promise<Annotator | undefined> {
  const id = await getSetting<number>(db, CURRENT_KEY);
  const found = id === undefined ? undefined : await db.annotators.get(id);
  return found && found.name !== GOLD_ANNOTATOR ? found : undefined;
}

export function setCurrentAnnotator(db: DissidentiaDb, id: number): Promise<void> {
  return setSetting(db, CURRENT_KEY, id);
}
