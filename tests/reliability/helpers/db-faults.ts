// Test helpers of the reliability suite: a whole-database dump to compare before and after a fault, and a storage
// layer that runs out of room (QuotaExceededError) after a chosen number of writes.
import type { Table } from 'dexie';
import type { DissidentiaDb } from '../../../src/lib/db/db';

export type Dump = Record<string, unknown[]>;

/** Every table's rows, in primary-key order. */
export async function dumpDb(db: DissidentiaDb): Promise<Dump> {
  const out: Dump = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The DOMException a browser throws when the origin's quota is used up. */
export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

type WriteMethod = 'add' | 'put' | 'bulkAdd' | 'bulkPut';

/**
 * Makes `method` of a table throw QuotaExceededError once it has succeeded `okCalls` times, as a full disk would
 * (the write is refused, the transaction aborts). Both doors to the table are patched (`db.answers` and
 * `db.table('answers')` are distinct objects in Dexie 4). Returns the function that puts the real method back.
 */
export function failWritesAfter(db: DissidentiaDb, name: string, method: WriteMethod, okCalls: number): () => void {
  const doors = [...new Set([db.table(name), (db as unknown as Record<string, Table>)[name]!])];
  let calls = 0;
  for (const table of doors) {
    const original = table[method] as (...args: unknown[]) => Promise<unknown>;
    const patched = function (this: Table, ...args: unknown[]) {
      if (calls++ >= okCalls) return Promise.reject(quotaError());
      return original.apply(this, args);
    };
    Object.defineProperty(table, method, { value: patched, configurable: true, writable: true });
  }
  return () => {
    for (const table of doors) delete (table as unknown as Record<string, unknown>)[method];
  };
}
