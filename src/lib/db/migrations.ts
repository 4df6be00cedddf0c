// Data migrations run by Dexie upgrades; each one names the schema version it leads to.
import type { Transaction } from 'dexie';
import { fieldsFromRows, remapAnnotations, upgradeAnswer } from './answer-sentences';
import type { Annotation, Answer, Sentence } from './db';

/**
 * v1 → v2: sentence rows move into their answer's row, and annotations follow their sentence to its new id. The
 * annotations table is rewritten whole (not modified in place) so that an old id equal to a new one cannot trip
 * the unique [sentenceId+annotatorId] index half-way.
 */
export async function migrateSentenceRows(tx: Transaction): Promise<void> {
  const rows = (await tx.table('sentences').toArray()) as Sentence[];
  const answers = (await tx.table('answers').toArray()) as Answer[];
  const texts = new Map(answers.map((a) => [a.id, a.text]));
  const { fields, ids } = fieldsFromRows(rows, (id) => texts.get(id));
  await tx.table('answers').bulkPut(answers.map((a) => upgradeAnswer(a, fields.get(a.id))));
  const annotations = (await tx.table('annotations').toArray()) as Annotation[];
  await tx.table('annotations').clear();
  await tx.table('annotations').bulkAdd(remapAnnotations(annotations, ids));
  await tx.table('sentences').clear();
}
