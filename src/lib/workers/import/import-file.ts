// One import from a file into IndexedDB: re-import check, resumable dataset, batched writes, rollback on
// cancel or error. Runs in the import worker; Node tests run it with fake-indexeddb and a Blob.
import { blobFingerprint, blobSource } from '../../core/csv/blob-source';
import { ImportError } from '../../core/csv/errors';
import { runImport, type ImportProgress, type ImportSummary } from '../../core/csv/pipeline';
import { storageErrorOf } from '../../core/storage-errors';
import { hashString } from '../../core/text/hash';
import type { DissidentiaDb } from '../../db/db';
import { writeImportBatch } from '../../db/repos/answers';
import { createDataset, deleteDataset, findByFingerprint, getDataset, infoOf, markReady, type StoredImportReport } from '../../db/repos/datasets';
import { sentenceCountsByAnswer } from '../../db/repos/sentences';

export interface ImportRequest {
  /** Column indices chosen on the preview. */
  textColumn: number;
  idColumn: number | null;
  keepColumns: number[];
  /** Name of the text column, part of the fingerprint (the same file with another column is another dataset). */
  textHeader: string;
  name?: string;
  /** Resume this interrupted import (the same file must be chosen again). */
  resumeDatasetId?: number;
}

export type ImportOutcome =
  | { status: 'imported'; datasetId: number; report: StoredImportReport }
  | { status: 'alreadyImported'; datasetId: number; name: string };

export interface ImportHooks {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress & { resumedRecords: number }) => void;
  /** Called once the rows of a cancelled or failed import are gone. */
  onRolledBack?: (datasetId: number, reason: 'cancelled' | 'error') => void;
  batchAnswers?: number;
  chunkBytes?: number;
}

export async function importFile(db: DissidentiaDb, file: Blob & { name: string }, request: ImportRequest, hooks: ImportHooks = {}): Promise<ImportOutcome> {
  const fingerprint = `${await blobFingerprint(file, hashString)}:${request.textHeader}`;
  let dataset = request.resumeDatasetId === undefined ? await findByFingerprint(db, fingerprint) : await getDataset(db, request.resumeDatasetId);
  if (dataset?.status === 'ready') return { status: 'alreadyImported', datasetId: dataset.id, name: dataset.name };
  if (dataset && infoOf(dataset).fingerprint !== fingerprint) throw new ImportError('fileChanged');
  const datasetId =
    dataset?.id ??
    (await createDataset(db, {
      name: request.name ?? file.name.replace(/\.[^.]+$/, ''),
      source: 'csv',
      status: 'importing',
      info: { fileName: file.name, fileSize: file.size, fingerprint },
    }));
  const skipRecords = dataset ? (infoOf(dataset).checkpoint?.records ?? 0) : 0;
  let summary: ImportSummary;
  try {
    summary = await runImport(
      blobSource(file, hooks.chunkBytes),
      {
        columns: { text: request.textColumn, id: request.idColumn, keep: request.keepColumns },
        skipRecords,
        batchAnswers: hooks.batchAnswers,
      },
      { write: async (batch) => void (await writeImportBatch(db, datasetId, batch)) },
      { signal: hooks.signal, onProgress: (p) => hooks.onProgress?.({ ...p, resumedRecords: skipRecords }) },
    );
  } catch (error) {
    // Nothing half-imported stays: the rows written so far go (which also gives back the space when storage is
    // full), and the caller is told.
    await deleteDataset(db, datasetId);
    hooks.onRolledBack?.(datasetId, hooks.signal?.aborted ? 'cancelled' : 'error');
    throw storageErrorOf(error, 'import');
  }
  const { overview, columnIndex: _index, ...rest } = summary;
  const report: StoredImportReport = { ...rest, resumed: dataset !== undefined };
  await markReady(db, datasetId, { report, overview, answers: summary.answers - summary.emptyAnswers, sentences: summary.sentences, excludeFlags: 0 });
  // Annoter, Accord and « Tout un corpus » need the sentence counts per answer: read and stored here, off the page's
  // thread, the first opening of those screens after a large import does not wait for them (2–3 s per million).
  void sentenceCountsByAnswer(db, datasetId, 0).catch(() => undefined);
  return { status: 'imported', datasetId, report };
}
