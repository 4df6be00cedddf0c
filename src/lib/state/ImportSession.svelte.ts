// One CSV import as a rune class: choose a file, preview and pick columns, import in the worker with progress,
// cancel (rolled back), then the report; errors keep their French message.
import type { CsvPreview } from '../core/csv/preview';
import { importWorker } from '../workers/import/client';
import type { ImportOutcome, ImportProgressEvent } from '../workers/import/protocol';
import { errorText } from '../i18n/locale.svelte';
import { searchIndexing } from './SearchIndexing.svelte';
import { storageInfo } from './StorageInfo.svelte';

export type ImportPhase = 'idle' | 'reading' | 'configuring' | 'importing' | 'cancelling' | 'done' | 'cancelled' | 'error';

export class ImportSession {
  #phase = $state<ImportPhase>('idle');
  #file = $state.raw<File | undefined>();
  #preview = $state.raw<CsvPreview | undefined>();
  #textColumn = $state(0);
  #idColumn = $state<number | null>(null);
  #keep = $state.raw<number[]>([]);
  #progress = $state.raw<ImportProgressEvent | undefined>();
  #outcome = $state.raw<ImportOutcome | undefined>();
  // The thrown value itself: `error` translates its code in the language shown now.
  #error = $state.raw<unknown>();
  #resumeId = $state<number | undefined>();
  #controller: AbortController | undefined;
  #generation = 0;

  get phase(): ImportPhase {
    return this.#phase;
  }
  get file(): File | undefined {
    return this.#file;
  }
  get preview(): CsvPreview | undefined {
    return this.#preview;
  }
  get textColumn(): number {
    return this.#textColumn;
  }
  get idColumn(): number | null {
    return this.#idColumn;
  }
  get keep(): readonly number[] {
    return this.#keep;
  }
  get progress(): ImportProgressEvent | undefined {
    return this.#progress;
  }
  get outcome(): ImportOutcome | undefined {
    return this.#outcome;
  }
  get error(): string | undefined {
    return this.#error === undefined ? undefined : errorText(this.#error);
  }
  get resuming(): boolean {
    return this.#resumeId !== undefined;
  }

  /** Reads the start of the file in the worker; the newest choice wins over a slower earlier one. */
  async choose(file: File, resumeDatasetId?: number): Promise<void> {
    const generation = ++this.#generation;
    this.#file = file;
    this.#resumeId = resumeDatasetId;
    this.#outcome = undefined;
    this.#error = undefined;
    this.#phase = 'reading';
    try {
      const preview = await importWorker().call('import/preview', { file });
      if (generation !== this.#generation) return;
      this.#preview = preview;
      this.#textColumn = preview.textColumn;
      this.#idColumn = preview.idColumn;
      this.#keep = preview.keepColumns;
      this.#phase = 'configuring';
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  setTextColumn(index: number): void {
    this.#textColumn = index;
    this.#keep = this.#keep.filter((k) => k !== index);
  }

  setIdColumn(index: number | null): void {
    this.#idColumn = index;
  }

  toggleKeep(index: number, kept: boolean): void {
    this.#keep = kept ? [...new Set([...this.#keep, index])].sort((a, b) => a - b) : this.#keep.filter((k) => k !== index);
  }

  async start(): Promise<void> {
    const file = this.#file;
    const preview = this.#preview;
    if (!file || !preview || this.#phase === 'importing') return;
    this.#controller = new AbortController();
    this.#progress = undefined;
    this.#phase = 'importing';
    try {
      this.#outcome = await importWorker().call(
        'import/run',
        {
          file,
          request: {
            textColumn: this.#textColumn,
            idColumn: this.#idColumn,
            keepColumns: this.#keep.filter((k) => k !== this.#textColumn),
            textHeader: preview.headers[this.#textColumn] ?? '',
            resumeDatasetId: this.#resumeId,
          },
        },
        {
          signal: this.#controller.signal,
          on: {
            // Reports go on until the worker stops; once cancelling, the screen keeps where the import stood.
            'import/progress': (p) => {
              if (this.#phase === 'importing') this.#progress = p;
            },
            'import/rolledBack': ({ reason }) => {
              if (reason === 'cancelled') this.#phase = 'cancelled';
            },
          },
        },
      );
      this.#phase = 'done';
      // A first import is the moment to ask the browser to keep the data (Réglages shows the answer).
      void storageInfo.askOnce();
      // The new dataset's search index is built in the worker now, not at its first search.
      void searchIndexing().ensure(this.#outcome.datasetId);
    } catch (error) {
      // A cancel answers at once; the worker says when the rollback is over ('import/rolledBack').
      if ((error as Error).name === 'AbortError') return;
      this.#fail(error);
    }
  }

  cancel(): void {
    if (this.#phase !== 'importing') return;
    this.#phase = 'cancelling';
    this.#controller?.abort();
  }

  reset(): void {
    this.#generation++;
    this.#phase = 'idle';
    this.#file = undefined;
    this.#preview = undefined;
    this.#progress = undefined;
    this.#outcome = undefined;
    this.#error = undefined;
    this.#resumeId = undefined;
  }

  #fail(error: unknown): void {
    this.#error = error;
    this.#phase = 'error';
  }
}

/** The import of the Données screen; kept across screen changes so an import keeps its progress in view. */
export const importSession = new ImportSession();
