// How the explorer's list moves from one page of rows to the next without one long main-thread task: rows that did
// not change keep their object (a keyed each then leaves their DOM alone), and rows new to the list are added a few
// at a time, so that creating fifty rows never lands in a single frame.

/** The next page's rows, each replaced by the previous page's object when `same` finds nothing changed. */
export function keepUnchanged<T>(previous: readonly T[], next: readonly T[], key: (row: T) => unknown, same: (a: T, b: T) => boolean): T[] {
  if (previous.length === 0) return [...next];
  const old = new Map(previous.map((row) => [key(row), row]));
  return next.map((row) => {
    const before = old.get(key(row));
    return before !== undefined && same(before, row) ? before : row;
  });
}

/**
 * The rows to show now on the way from `shown` to `target`: the target's rows already shown (in the target's order,
 * each with the target's object), plus at most `budget` rows not shown yet; `pending` counts those still to add.
 */
export function admitRows<T>(shown: readonly T[], target: readonly T[], key: (row: T) => unknown, budget: number): { rows: T[]; pending: number } {
  const present = new Set(shown.map(key));
  const rows: T[] = [];
  let admitted = 0;
  let pending = 0;
  for (const row of target) {
    if (present.has(key(row))) rows.push(row);
    else if (admitted < budget) {
      rows.push(row);
      admitted++;
    } else pending++;
  }
  return { rows, pending };
}
