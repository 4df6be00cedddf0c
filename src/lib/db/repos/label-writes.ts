// The one write path of labels: a batch of label operations (set, revert an earlier set, keep a setting beside them)
// committed in order in one transaction, returning how each touched sentence's annotators changed.
import type { LabelChange } from '../../core/annotation/progress';
import type { Annotation, DissidentiaDb } from '../db';

/** What a label write replaced: enough to put it back exactly (undefined: there was no label). */
export type PreviousLabel = Omit<Annotation, 'id'> | undefined;

/** Labels these sentences as one annotator; `replaced` is filled once the batch holding it is committed. */
export interface SetLabelsOp {
  kind: 'set';
  datasetId: number;
  sentenceIds: readonly number[];
  annotatorId: number;
  label: string;
  guidelineVersion: number;
  bulk: boolean;
  createdAt: number;
  replaced?: PreviousLabel[];
}

/** Puts back what a set replaced (it must come after that set, in the same batch or an earlier one). */
export interface RevertOp {
  kind: 'revert';
  of: SetLabelsOp;
}

/** A setting written with the labels (the queue's position), so that both survive a closed tab together. */
export interface SettingOp {
  kind: 'setting';
  key: string;
  value: unknown;
}

export type LabelOp = SetLabelsOp | RevertOp | SettingOp;

function strip(row: Annotation | undefined): PreviousLabel {
  if (!row) return undefined;
  const { id: _id, ...rest } = row;
  return rest;
}

/** Writes one annotator's label of one sentence (or removes it: `row` undefined); returns the annotators before and after. */
async function putOne(db: DissidentiaDb, datasetId: number, sentenceId: number, annotatorId: number, row: PreviousLabel): Promise<{ change: LabelChange; replaced: PreviousLabel }> {
  const labels = await db.annotations.where('sentenceId').equals(sentenceId).toArray();
  const before = labels.map((a) => a.annotatorId);
  const existing = labels.find((a) => a.annotatorId === annotatorId);
  if (!row) {
    if (existing) await db.annotations.delete(existing.id);
  } else if (existing) await db.annotations.put({ ...row, id: existing.id });
  else await db.annotations.add(row as Annotation);
  const after = row ? [...new Set([...before, annotatorId])] : before.filter((id) => id !== annotatorId);
  return { change: { datasetId, sentenceId, annotatorId, label: row?.label, ...(row?.bulk ? { bulk: true } : {}), before, after }, replaced: strip(existing) };
}

/**
 * Commits the batch in one transaction, in order. A revert reads what its set replaced, from this batch or an earlier
 * committed one. Settings are written last, the latest value per key. `replaced` is filled only after the commit.
 */
export async function writeLabelBatch(db: DissidentiaDb, batch: readonly LabelOp[]): Promise<LabelChange[]> {
  const replacedHere = new Map<SetLabelsOp, PreviousLabel[]>();
  const changes = await db.transaction('rw', db.annotations, db.settings, async () => {
    const out: LabelChange[] = [];
    const settings = new Map<string, unknown>();
    for (const op of batch) {
      if (op.kind === 'setting') settings.set(op.key, op.value);
      else if (op.kind === 'set') {
        const replaced: PreviousLabel[] = [];
        for (const sentenceId of op.sentenceIds) {
          const row = { sentenceId, annotatorId: op.annotatorId, label: op.label, guidelineVersion: op.guidelineVersion, createdAt: op.createdAt, ...(op.bulk ? { bulk: true } : {}) };
          const done = await putOne(db, op.datasetId, sentenceId, op.annotatorId, row);
          replaced.push(done.replaced);
          out.push(done.change);
        }
        replacedHere.set(op, replaced);
      } else {
        const set = op.of;
        const replaced = replacedHere.get(set) ?? set.replaced;
        if (!replaced) throw new Error('Annulation d’une étiquette qui n’a pas été enregistrée.');
        for (const [i, sentenceId] of set.sentenceIds.entries()) {
          out.push((await putOne(db, set.datasetId, sentenceId, set.annotatorId, replaced[i])).change);
        }
      }
    }
    if (settings.size) await db.settings.bulkPut([...settings].map(([key, value]) => ({ key, value })));
    return out;
  });
  for (const [op, replaced] of replacedHere) op.replaced = replaced;
  return changes;
}

/** Labels sentences at once outside the app's writer (seeding, tests); returns what each write replaced. */
export async function setLabels(
  db: DissidentiaDb,
  write: { datasetId?: number; sentenceIds: readonly number[]; annotatorId: number; label: string; guidelineVersion: number; bulk?: boolean; createdAt?: number },
): Promise<PreviousLabel[]> {
  const op: SetLabelsOp = {
    kind: 'set',
    datasetId: write.datasetId ?? 0,
    sentenceIds: write.sentenceIds,
    annotatorId: write.annotatorId,
    label: write.label,
    guidelineVersion: write.guidelineVersion,
    bulk: write.bulk ?? false,
    createdAt: write.createdAt ?? Date.now(),
  };
  await writeLabelBatch(db, [op]);
  return op.replaced!;
}
