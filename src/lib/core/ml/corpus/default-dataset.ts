// Which dataset a screen opens on when nothing names one (« Tout un corpus », Annoter): the one the user last did
// something with (chose on that screen, scored, or imported), not merely the first of the list.

/** What the choice needs of a dataset. */
export interface DatasetStamp {
  id: number;
  /** The built-in demonstration corpus is seeded by the app, not brought by the user. */
  source: string;
  createdAt: number;
}

/** What the choice needs of a scoring run. */
export interface RunStamp {
  datasetId: number;
  updatedAt: number;
}

/** The dataset last chosen on the screen, and when. */
export interface RememberedDataset {
  id: number;
  at: number;
}

/**
 * The dataset with the latest of: the user's choice on this screen, a scoring run's last write, an import. The
 * demonstration corpus counts only through a choice or a run: it is seeded when Démo first opens, often after the
 * user's own import, and must not win by being newer. Undefined only for an empty list.
 */
export function defaultDataset(datasets: readonly DatasetStamp[], runs: readonly RunStamp[], remembered?: RememberedDataset): number | undefined {
  const latest = new Map<number, number>();
  const bump = (id: number, at: number) => latest.set(id, Math.max(latest.get(id) ?? 0, at));
  for (const d of datasets) bump(d.id, d.source === 'demo' ? 0 : d.createdAt);
  for (const r of runs) if (latest.has(r.datasetId)) bump(r.datasetId, r.updatedAt);
  if (remembered && latest.has(remembered.id)) bump(remembered.id, remembered.at);
  let best: number | undefined;
  let bestAt = -1;
  // Ties (several demo-only datasets at 0) keep the list's order.
  for (const d of datasets) {
    const at = latest.get(d.id)!;
    if (at > bestAt) [best, bestAt] = [d.id, at];
  }
  return best;
}

/** Reads what localStorage holds under the key; anything unreadable counts as no choice. */
export function parseRemembered(raw: string | null): RememberedDataset | undefined {
  if (!raw) return undefined;
  try {
    return asRemembered(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/**
 * Reads a stored choice. A bare dataset id is how Annoter stored its choice before it kept the time: it counts as
 * made at `legacyAt` (the caller's now, stored back), so that it still wins until something newer happens.
 */
export function asRemembered(value: unknown, legacyAt?: number): RememberedDataset | undefined {
  if (typeof value === 'number') return legacyAt === undefined || !Number.isSafeInteger(value) ? undefined : { id: value, at: legacyAt };
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, at } = value as Partial<RememberedDataset>;
  return typeof id === 'number' && typeof at === 'number' ? { id, at } : undefined;
}
