// Data migrations run by Dexie upgrades; each one names the schema version it leads to.
import type { Transaction } from 'dexie';
import { upgradeVersion1 } from './answer-sentences';
import type { Annotation, Answer, Sentence } from './db';

/**
 * v1 → v2: sentence rows move into their answer's row, and annotations follow their sentence to its new id. The
 * annotations table is rewritten whole (not modified in place) so that an old id equal to a new one cannot trip
 * the unique [sentenceId+annotatorId] index half-way.
 */
export async function migrateSentenceRows(tx: Transaction): Promise<void> {
  const upgraded = upgradeVersion1(
    (await tx.table('answers').toArray()) as Answer[],
    (await tx.table('sentences').toArray()) as Sentence[],
    (await tx.table('annotations').toArray()) as Annotation[],
  );
  await tx.table('answers').bulkPut(upgraded.answers);
  await tx.table('annotations').clear();
  await tx.table('annotations').bulkAdd(upgraded.annotations);
  await tx.table('sentences').clear();
}
