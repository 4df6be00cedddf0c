// How many sentences each answer of a dataset holds, with its flags: what queues, progress and agreement need of a
// dataset without reading its texts. Read from the answers' index once, then kept: in memory for this page, and as
// one stored row per dataset for the next page. Walking the index of a million-sentence dataset (60,000 answers)
// takes 2–3 s in Chromium when the page is new, so Annoter took 6 s to open; the stored row is one read.
import Dexie from 'dexie';
import type { AnswerCountsRow, DissidentiaDb } from '../db';
import { answerSpan } from './answers';
import { getDataset } from './datasets';

/** What the answers' [datasetId+flags+sentenceCount] index tells of an answer without reading it. */
export interface AnswerSentenceCount {
  answerId: number;
  flags: number;
  count: number;
}

/**
 * The last counts read per dataset, with what identifies the answers they came from (the dataset's record, its first
 * and last answer ids): answers are written by an import or an exchange and never edited, so an unchanged stamp
 * means unchanged counts. Pending reads are shared: Annoter's queue and progress ask at the same moment.
 */
const known = new Map<number, { stamp: string; counts: Promise<AnswerSentenceCount[]> }>();

/** A dataset's answers as index keys only (no texts read), in file order, those with an excluded flag left out. */
export async function answerCounts(db: DissidentiaDb, datasetId: number, mask = 0): Promise<AnswerSentenceCount[]> {
  // Inside a transaction (deleting a dataset, writing labels) the stamp's tables may be out of its scope: read afresh.
  if (Dexie.currentTransaction) return (await readIndex(db, datasetId)).filter((c) => (c.flags & mask) === 0);
  const [dataset, span] = await Promise.all([getDataset(db, datasetId), answerSpan(db, datasetId)]);
  const stamp = `${db.name}|${dataset?.createdAt}|${dataset?.status}|${span.first}|${span.last}`;
  let entry = known.get(datasetId);
  if (entry?.stamp !== stamp) {
    // Only a dataset in its final state is kept (one being imported changes from one read to the next).
    const final = dataset?.status === 'ready';
    entry = { stamp, counts: final ? storedOrRead(db, datasetId, stamp) : readIndex(db, datasetId) };
    if (final) known.set(datasetId, entry);
    else known.delete(datasetId);
    entry.counts.catch(() => known.get(datasetId) === entry && known.delete(datasetId));
  }
  // A copy: callers may reorder or cut their list.
  return (await entry.counts).filter((c) => (c.flags & mask) === 0);
}

/** Forgets a dataset's counts (its answers are being deleted). */
export async function deleteAnswerCounts(db: DissidentiaDb, datasetId: number): Promise<void> {
  known.delete(datasetId);
  await db.answerCounts.delete(datasetId);
}

async function storedOrRead(db: DissidentiaDb, datasetId: number, stamp: string): Promise<AnswerSentenceCount[]> {
  const row = await db.answerCounts.get(datasetId);
  if (row?.stamp === stamp) return fromRow(row);
  const counts = await readIndex(db, datasetId);
  // Written behind, outside whatever read asked (a live query may not write); a failed write only costs a later read.
  // Not for a dataset being deleted meanwhile (marked first, see deleteDataset): its row would outlive it.
  const keep = () =>
    db.transaction('rw', db.datasets, db.answerCounts, async () => {
      if ((await getDataset(db, datasetId))?.status === 'ready') await db.answerCounts.put(toRow(datasetId, stamp, counts));
    });
  setTimeout(() => void keep().catch(() => undefined), 0);
  return counts;
}

function toRow(datasetId: number, stamp: string, counts: readonly AnswerSentenceCount[]): AnswerCountsRow {
  const row: AnswerCountsRow = { datasetId, stamp, answerIds: new Float64Array(counts.length), flags: new Int32Array(counts.length), counts: new Int32Array(counts.length) };
  counts.forEach((c, i) => {
    row.answerIds[i] = c.answerId;
    row.flags[i] = c.flags;
    row.counts[i] = c.count;
  });
  return row;
}

function fromRow(row: AnswerCountsRow): AnswerSentenceCount[] {
  const out: AnswerSentenceCount[] = new Array(row.answerIds.length);
  for (let i = 0; i < out.length; i++) out[i] = { answerId: row.answerIds[i]!, flags: row.flags[i]!, count: row.counts[i]! };
  return out;
}

/** Every answer of a dataset as index keys only, in file order. */
async function readIndex(db: DissidentiaDb, datasetId: number): Promise<AnswerSentenceCount[]> {
  // Walking tens of thousands of index entries with a cursor costs one round trip each (seconds in Chromium). The
  // distinct (flags, count) pairs are a few hundred: walk those, then fetch each pair's answer ids in one call.
  const index = 'datasetId+flags+sentenceCount';
  const pairs = (await db.answers
    .where(`[${index}]`)
    .between([datasetId, -Infinity, -Infinity], [datasetId, Infinity, Infinity], true, true)
    .uniqueKeys()) as unknown as [number, number, number][];
  const groups = await Promise.all(
    pairs.map(async ([, flags, count]) => {
      const ids = (await db.answers.where(`[${index}]`).equals([datasetId, flags, count]).primaryKeys()) as number[];
      return ids.map((answerId) => ({ answerId, flags, count }));
    }),
  );
  return groups.flat().sort((a, b) => a.answerId - b.answerId);
}
