// Whether another tab's newer app version has upgraded the database, so this page must reload (a rune for the notice).
import { databaseEvents } from '../db/db';

class DatabaseStatus {
  #replaced = $state(false);

  constructor() {
    // The event fires at most once per page; listening for the page's whole life costs nothing.
    databaseEvents.addEventListener('replaced', () => (this.#replaced = true));
  }

  get replaced(): boolean {
    return this.#replaced;
  }
}

export const databaseStatus = new DatabaseStatus();
