// Progress of the dataset under work: read from the tables once per dataset (or when other writes replaced labels),
// then moved by each committed label change, so that a key press never makes the whole dataset be read again.
import { applyLabelChanges, type LabelChange, type Progress } from '../core/annotation/progress';
import { getDb } from '../db/db';
import { datasetProgress } from '../db/repos/progress';
import type { LabelWriter } from './LabelWriter.svelte';

export class DatasetProgress {
  #value = $state.raw<Progress | undefined>();
  #error = $state<string | undefined>();
  #datasetId: number | undefined;
  /** Changes committed while a read was running: the read may or may not hold them, so it is done again. */
  #changedDuringRead = false;
  #reading = 0;
  #stop: () => void;

  constructor(writer: LabelWriter) {
    this.#stop = writer.onChanges((changes) => this.#apply(changes));
  }

  get current(): Progress | undefined {
    return this.#value;
  }
  get error(): string | undefined {
    return this.#error;
  }

  /** Follows this dataset (reads it unless it is already the one followed). */
  follow(datasetId: number | undefined): void {
    if (datasetId === this.#datasetId) return;
    this.#datasetId = datasetId;
    this.#value = undefined;
    void this.reload();
  }

  /** Reads the counts again from the tables (after an exchange import, a restore, a deleted profile). */
  async reload(): Promise<void> {
    const datasetId = this.#datasetId;
    if (datasetId === undefined) return;
    const read = ++this.#reading;
    try {
      do {
        this.#changedDuringRead = false;
        const value = await datasetProgress(getDb(), datasetId);
        if (read !== this.#reading || datasetId !== this.#datasetId) return;
        if (!this.#changedDuringRead) {
          this.#value = value;
          this.#error = undefined;
        }
      } while (this.#changedDuringRead);
    } catch (error) {
      if (read === this.#reading) this.#error = error instanceof Error ? error.message : String(error);
    }
  }

  dispose(): void {
    this.#stop();
  }

  #apply(changes: readonly LabelChange[]): void {
    this.#changedDuringRead = true;
    const value = this.#value;
    if (value && this.#datasetId !== undefined) this.#value = applyLabelChanges(value, this.#datasetId, changes);
  }
}
