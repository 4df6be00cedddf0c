// Guideline versions: version 1 seeded from the team's French guideline; each edit saves a new version.
import seedMarkdown from '../../demo/guideline.fr.md?raw';
import { DEFAULT_LABELS } from '../../core/annotation/labels';
import type { DissidentiaDb, Guideline } from '../db';

/** The newest version, seeding version 1 on first use. */
export async function currentGuideline(db: DissidentiaDb): Promise<Guideline> {
  const latest = await db.guidelines.orderBy('version').last();
  if (latest) return latest;
  return db.transaction('rw', db.guidelines, async () => {
    const again = await db.guidelines.orderBy('version').last();
    if (again) return again;
    const seed = { version: 1, markdown: seedMarkdown, labels: [...DEFAULT_LABELS], createdAt: Date.now() };
    const id = await db.guidelines.add(seed as Guideline);
    return { ...seed, id };
  });
}

/** The newest version, or none before the first use seeds version 1 (read-only: fit for a live query). */
export function latestGuideline(db: DissidentiaDb): Promise<Guideline | undefined> {
  return db.guidelines.orderBy('version').last();
}

/** Newest first. */
export async function listGuidelines(db: DissidentiaDb): Promise<Guideline[]> {
  return (await db.guidelines.orderBy('version').toArray()).reverse();
}

/**
 * Saves an edit as a new version (the old ones stay, and annotations keep the version they were made under).
 * Labels must be non-empty and distinct.
 */
export async function saveGuidelineVersion(db: DissidentiaDb, markdown: string, labels: readonly string[]): Promise<Guideline> {
  const clean = labels.map((l) => l.trim()).filter(Boolean);
  if (clean.length < 2) throw new Error('Il faut au moins deux étiquettes.');
  if (new Set(clean).size !== clean.length) throw new Error('Deux étiquettes portent le même nom.');
  await currentGuideline(db);
  return db.transaction('rw', db.guidelines, async () => {
    const latest = await db.guidelines.orderBy('version').last();
    const row = { version: (latest?.version ?? 0) + 1, markdown, labels: clean, createdAt: Date.now() };
    const id = await db.guidelines.add(row as Guideline);
    return { ...row, id };
  });
}
