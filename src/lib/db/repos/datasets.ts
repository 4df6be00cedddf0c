// Datasets: create while importing, list the ready ones, find interrupted imports, mark ready, delete with their rows,
// and finish a deletion a closed tab left half-done.
import type { DatasetOverview } from '../../core/csv/overview';
import type { ImportSummary } from '../../core/csv/pipeline';
import type { Dataset, DissidentiaDb } from '../db';
import { deleteAnswerCounts } from './answer-counts';
import { deleteDatasetAnnotations } from './annotations';
import { deleteSearchIndex } from './search-index';
import { deleteDatasetEmbeddings } from './embeddings';
import { deleteDatasetScores } from './scores';

/** Where an interrupted import stands: records already read and stored, written with each batch. */
export interface ImportCheckpoint {
  records: number;
  answers: number;
  sentences: number;
}

/** The import report kept with a dataset: the pipeline's summary without the overview (kept apart). */
export type StoredImportReport = Omit<ImportSummary, 'overview' | 'columnIndex'> & { resumed: boolean };

/** What `Dataset.info` holds for imported datasets. */
export interface DatasetInfo {
  fileName?: string;
  fileSize?: number;
  /** Size, content sample hash and text column: the same file imported twice has the same one. */
  fingerprint?: string;
  checkpoint?: ImportCheckpoint;
  report?: StoredImportReport;
  overview?: DatasetOverview;
  /** Answers with any of these flags are left out of labelling. */
  excludeFlags?: number;
  answers?: number;
  sentences?: number;
}

export function infoOf(dataset: Dataset): DatasetInfo {
  return (dataset.info ?? {}) as DatasetInfo;
}

/** Ready datasets, newest first: the only ones other screens see. */
export async function listDatasets(db: DissidentiaDb): Promise<Dataset[]> {
  const ready = await db.datasets.where('status').equals('ready').toArray();
  return ready.sort((a, b) => b.createdAt - a.createdAt);
}

/** Imports that stopped half-way (tab closed): resumable with the same file, or to delete. */
export function listInterruptedImports(db: DissidentiaDb): Promise<Dataset[]> {
  return db.datasets.where('status').equals('importing').toArray();
}

export function getDataset(db: DissidentiaDb, id: number): Promise<Dataset | undefined> {
  return db.datasets.get(id);
}

/** A dataset of any status imported from the same file with the same text column, if any. */
export async function findByFingerprint(db: DissidentiaDb, fingerprint: string): Promise<Dataset | undefined> {
  const all = await db.datasets.toArray();
  return all.find((d) => infoOf(d).fingerprint === fingerprint && d.status !== 'cancelled');
}

export function createDataset(db: DissidentiaDb, dataset: Omit<Dataset, 'id' | 'createdAt'> & { createdAt?: number }): Promise<number> {
  return db.datasets.add({ createdAt: Date.now(), ...dataset } as Dataset);
}

/** Makes an import visible: status ready, with its report and overview. */
export async function markReady(db: DissidentiaDb, id: number, info: DatasetInfo): Promise<void> {
  await db.transaction('rw', db.datasets, async () => {
    const dataset = await db.datasets.get(id);
    if (!dataset) throw new Error(`Jeu de données introuvable : ${id}`);
    const { checkpoint: _done, ...rest } = { ...infoOf(dataset), ...info };
    await db.datasets.update(id, { status: 'ready', info: rest as Record<string, unknown> });
  });
}

export async function setExcludeFlags(db: DissidentiaDb, id: number, excludeFlags: number): Promise<void> {
  await db.transaction('rw', db.datasets, async () => {
    const dataset = await db.datasets.get(id);
    if (dataset) await db.datasets.update(id, { info: { ...infoOf(dataset), excludeFlags } as Record<string, unknown> });
  });
}

export async function renameDataset(db: DissidentiaDb, id: number, name: string): Promise<void> {
  await db.datasets.update(id, { name });
}

/**
 * Deletes a dataset with its answers, sentences and their annotations (the rollback of an import). The dataset
 * row goes first, in its own transaction, so that no screen ever sees a dataset whose rows are half gone.
 */
export async function deleteDataset(db: DissidentiaDb, id: number): Promise<void> {
  await db.datasets.update(id, { status: 'cancelled' });
  await db.transaction('rw', db.answers, db.annotations, async () => {
    await deleteDatasetAnnotations(db, id);
    await db.answers.where('datasetId').equals(id).delete();
  });
  await deleteSearchIndex(db, id);
  await deleteAnswerCounts(db, id);
  await deleteDatasetEmbeddings(db, id);
  await deleteDatasetScores(db, id);
  await db.datasets.delete(id);
}

/**
 * Finishes the deletions a closed tab cut short: a dataset marked `cancelled` (no screen shows it) may still hold
 * rows; they are removed now. Returns how many datasets were cleaned up.
 */
export async function finishDeletions(db: DissidentiaDb): Promise<number> {
  const left = await db.datasets.where('status').equals('cancelled').primaryKeys();
  for (const id of left) await deleteDataset(db, id);
  return left.length;
}
