// State of the exchange tab: export (CSV, JSONL), importing a file from another laptop (mapping, merge, report),
// and the whole-workspace backup and its restore (validated, then confirmed).
import { toAnnotationsCsv, toAnnotationsJsonl } from '../core/annotation/export-formats';
import { detectCsvColumns, parseCsvText, readCsvAnnotations, readJsonlAnnotations, type ColumnMapping, type CsvTable } from '../core/annotation/import-parse';
import { getDb } from '../db/db';
import { importAnnotations, type ImportReport } from '../db/repos/annotation-exchange';
import { backupFileName, backupSentenceCount, createBackup, parseBackup, restoreBackup, serialiseBackup, type Backup } from '../db/repos/backup';
import { recordBackup } from '../db/repos/backup-settings';
import { exchangeSentences } from '../db/repos/exchange-rows';

export interface FileOut {
  name: string;
  text: string;
  type: string;
}

type Pending = { kind: 'csv'; name: string; date: number; table: CsvTable } | { kind: 'jsonl'; name: string; date: number; text: string };

/** A checked backup file waiting for the user to confirm the restore. */
export interface PendingBackup {
  name: string;
  backup: Backup;
  sentences: number;
}

export interface ExchangeHooks {
  /** Awaited before labels are merged or the workspace replaced: labels still being stored go first. */
  beforeWrite?: () => Promise<void>;
  /** Called once labels from a file were merged (counts read before are stale). */
  onImported?: () => void;
  /** Called once a backup has replaced the workspace (queues and undo steps built on it are stale). */
  onRestored?: () => void;
}

export class AnnotationExchange {
  readonly #hooks: ExchangeHooks;

  constructor(hooks: ExchangeHooks = {}) {
    this.#hooks = hooks;
  }

  mapping = $state<ColumnMapping[]>([]);
  doccanoName = $state('doccano');
  #pending = $state.raw<Pending | undefined>();
  #report = $state.raw<ImportReport | undefined>();
  #busy = $state(false);
  #error = $state<string | undefined>();
  #backup = $state.raw<PendingBackup | undefined>();
  #message = $state<string | undefined>();
  #backupError = $state<string | undefined>();

  get pending(): Pending | undefined {
    return this.#pending;
  }
  get report(): ImportReport | undefined {
    return this.#report;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get error(): string | undefined {
    return this.#error;
  }
  get pendingBackup(): PendingBackup | undefined {
    return this.#backup;
  }
  get backupError(): string | undefined {
    return this.#backupError;
  }
  get message(): string | undefined {
    return this.#message;
  }

  async exportFile(format: 'csv' | 'jsonl', datasetId: number | undefined, baseName: string): Promise<FileOut | undefined> {
    const { sentences, annotators } = await exchangeSentences(getDb(), datasetId);
    if (sentences.length === 0) return undefined;
    const stamp = new Date().toISOString().slice(0, 10);
    return format === 'csv'
      ? { name: `${baseName}-annotations-${stamp}.csv`, text: toAnnotationsCsv(sentences, annotators), type: 'text/csv;charset=utf-8' }
      : { name: `${baseName}-annotations-${stamp}.jsonl`, text: toAnnotationsJsonl(sentences), type: 'application/x-ndjson;charset=utf-8' };
  }

  /** Reads a chosen file: JSONL goes straight to import, CSV first shows its detected column mapping. */
  async pick(file: File, labels: readonly string[]): Promise<void> {
    this.#report = undefined;
    this.#error = undefined;
    const text = await file.text();
    const date = file.lastModified || Date.now();
    if (/\.jsonl?$/i.test(file.name) || text.trimStart().startsWith('{')) {
      this.#pending = { kind: 'jsonl', name: file.name, date, text };
      return;
    }
    const table = parseCsvText(text);
    this.mapping = detectCsvColumns(table, labels);
    this.#pending = { kind: 'csv', name: file.name, date, table };
  }

  cancel(): void {
    this.#pending = undefined;
  }

  async run(labels: readonly string[]): Promise<void> {
    const pending = this.#pending;
    if (!pending) return;
    this.#busy = true;
    this.#error = undefined;
    try {
      const parsed =
        pending.kind === 'csv'
          ? readCsvAnnotations(pending.table, $state.snapshot(this.mapping), labels, pending.date)
          : readJsonlAnnotations(pending.text, labels, pending.date, this.doccanoName.trim() || 'doccano');
      await this.#hooks.beforeWrite?.();
      this.#report = await importAnnotations(getDb(), parsed, pending.name.replace(/\.[^.]+$/, ''));
      this.#pending = undefined;
      this.#hooks.onImported?.();
    } catch (error) {
      this.#error = (error as Error).message;
    } finally {
      this.#busy = false;
    }
  }

  async backupFile(): Promise<FileOut> {
    const name = backupFileName();
    const text = serialiseBackup(await createBackup(getDb()));
    // The backup reminder waits again from now.
    await recordBackup(getDb());
    this.#message = undefined;
    return { name, text, type: 'application/json' };
  }

  /** Validates a backup file; a bad one is refused with a French message and nothing changes. */
  async pickBackup(file: File): Promise<void> {
    this.#backupError = undefined;
    this.#message = undefined;
    this.#backup = undefined;
    try {
      const backup = parseBackup(await file.text());
      this.#backup = { name: file.name, backup, sentences: backupSentenceCount(backup) };
    } catch (error) {
      this.#backupError = (error as Error).message;
    }
  }

  cancelRestore(): void {
    this.#backup = undefined;
  }

  async confirmRestore(done: string): Promise<void> {
    const pending = this.#backup;
    if (!pending) return;
    this.#busy = true;
    try {
      await this.#hooks.beforeWrite?.();
      await restoreBackup(getDb(), pending.backup);
      this.#message = done;
      this.#hooks.onRestored?.();
    } catch (error) {
      this.#backupError = (error as Error).message;
    } finally {
      this.#backup = undefined;
      this.#busy = false;
    }
  }
}
