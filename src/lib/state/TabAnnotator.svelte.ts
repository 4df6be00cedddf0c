// Who labels in this tab: the profile this tab picked (kept in sessionStorage, so for the tab's life and across its
// reloads), else the device's last choice stored in IndexedDB (what a new tab starts with). Two tabs on one laptop
// thus label as two people at once: a switch in one tab no longer turns the other tab's next key into another's label.
import type { Annotator } from '../db/db';
import { getDb } from '../db/db';
import { getCurrentAnnotator, listAnnotators } from '../db/repos/annotators';
import { LiveQuery } from './LiveQuery.svelte';

const PIN_KEY = 'dissidentia.tabAnnotator';

// Node tests have no sessionStorage; a private-mode browser may throw on it: the tab then follows the stored choice.
function readPin(): number | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(PIN_KEY);
    return raw ? Number(raw) : undefined;
  } catch {
    return undefined;
  }
}

export class TabAnnotator {
  #pinned = $state<number | undefined>(readPin());
  // Both read live: a profile created, renamed or deleted in another tab shows here at once.
  #stored = new LiveQuery(async () => ({ device: await getCurrentAnnotator(getDb()), all: await listAnnotators(getDb()) }), {
    device: undefined as Annotator | undefined,
    all: [] as Annotator[],
  });

  /** This tab's annotator; a pinned profile deleted elsewhere gives way to the device's choice. */
  get current(): Annotator | undefined {
    const { device, all } = this.#stored.current;
    return (this.#pinned === undefined ? undefined : all.find((a) => a.id === this.#pinned)) ?? device;
  }

  /** Whether the stored profiles have been read: before that, no `current` does not mean there is none. */
  get loaded(): boolean {
    return this.#stored.loaded;
  }

  /** This tab labels as `id` from now on, whatever other tabs choose. */
  pin(id: number): void {
    this.#pinned = id;
    try {
      globalThis.sessionStorage?.setItem(PIN_KEY, String(id));
    } catch {
      // Not kept across a reload of this tab: it then starts from the device's choice, which is this one too.
    }
  }
}
