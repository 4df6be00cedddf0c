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
