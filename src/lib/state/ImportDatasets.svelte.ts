// The datasets the Données screen shows, live from IndexedDB: ready ones, interrupted imports, the one selected.
import type { Dataset } from '../db/db';
import { getDb } from '../db/db';
import { deleteDataset, finishDeletions, listDatasets, listInterruptedImports, setExcludeFlags } from '../db/repos/datasets';
import { LiveQuery } from './LiveQuery.svelte';

export class ImportDatasets {
  #ready = new LiveQuery<Dataset[]>(() => listDatasets(getDb()), []);
  #interrupted = new LiveQuery<Dataset[]>(() => listInterruptedImports(getDb()), []);
  #selectedId = $state<number | undefined>();

  constructor() {
    // A deletion (or an import's rollback) cut by a closed tab is finished when Données opens again. An import
    // running in another tab is `importing`, never `cancelled`, so this cannot touch it.
    void finishDeletions(getDb()).catch((error: unknown) => console.error(error));
  }

  get ready(): Dataset[] {
    return this.#ready.current;
  }
  get interrupted(): Dataset[] {
    return this.#interrupted.current;
  }
  /** The dataset whose overview is shown: the one picked, else the newest. */
  get selected(): Dataset | undefined {
    const ready = this.ready;
    return ready.find((d) => d.id === this.#selectedId) ?? ready[0];
  }

  select(id: number): void {
    this.#selectedId = id;
  }

  remove(id: number): Promise<void> {
    return deleteDataset(getDb(), id);
  }

  setExcludeFlags(id: number, mask: number): Promise<void> {
    return setExcludeFlags(getDb(), id, mask);
  }
}
