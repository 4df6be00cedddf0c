// Persistent-storage status and quota of this origin, as shown in Réglages.
export type PersistState = 'granted' | 'denied' | 'unsupported' | 'unknown';

class StorageInfo {
  #persist = $state<PersistState>('unknown');
  #usage = $state<number | undefined>();
  #quota = $state<number | undefined>();

  get persist(): PersistState {
    return this.#persist;
  }
  get usage(): number | undefined {
    return this.#usage;
  }
  get quota(): number | undefined {
    return this.#quota;
  }

  async refresh(): Promise<void> {
    const storage = navigator.storage;
    if (!storage?.persisted) {
      this.#persist = 'unsupported';
    } else {
      this.#persist = (await storage.persisted()) ? 'granted' : 'denied';
    }
    if (storage?.estimate) {
      const { usage, quota } = await storage.estimate();
      this.#usage = usage;
      this.#quota = quota;
    }
  }

  #asked = false;

  /**
   * Asks once per page, at the first import or label: the moment there is work to keep (and, in Chromium, the kind
   * of engagement that gets the request granted). Never throws: outside a browser there is nothing to ask.
   */
  async askOnce(): Promise<void> {
    if (this.#asked || typeof navigator === 'undefined') return;
    this.#asked = true;
    await this.requestPersist().catch(() => undefined);
  }

  /** Asks the browser not to evict our data; some browsers answer without asking the user. */
  async requestPersist(): Promise<void> {
    if (!navigator.storage?.persist) {
      this.#persist = 'unsupported';
      return;
    }
    this.#persist = (await navigator.storage.persist()) ? 'granted' : 'denied';
    await this.refresh();
  }
}

export const storageInfo = new StorageInfo();
