// Examples proposed for the guideline's next version, kept in settings until a version includes them.
import { withExample, type ProposedExample } from '../../core/annotation/guideline-examples';
import type { DissidentiaDb } from '../db';

const KEY = 'guideline.proposedExamples';

export async function listProposedExamples(db: DissidentiaDb): Promise<ProposedExample[]> {
  return ((await db.settings.get(KEY))?.value as ProposedExample[] | undefined) ?? [];
}

/** Adds an example (replacing an earlier proposal of the same sentence); returns how many are proposed now. */
export async function proposeExample(db: DissidentiaDb, example: ProposedExample): Promise<number> {
  return db.transaction('rw', db.settings, async () => {
    const list = withExample(await listProposedExamples(db), example);
    await db.settings.put({ key: KEY, value: list });
    return list.length;
  });
}

/** Forgets these proposals (a saved guideline version now holds them). */
export async function dropProposedExamples(db: DissidentiaDb, sentenceIds: readonly number[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const keep = (await listProposedExamples(db)).filter((e) => !sentenceIds.includes(e.sentenceId));
    await db.settings.put({ key: KEY, value: keep });
  });
}
