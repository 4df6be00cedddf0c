// Which dataset « Tout un corpus » opens on when the address names none: the one the user last did something with
// (chose on this screen, scored, or imported), not merely the first of the list.

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
    const value = JSON.parse(raw) as Partial<RememberedDataset>;
    return typeof value.id === 'number' && typeof value.at === 'number' ? { id: value.id, at: value.at } : undefined;
  } catch {
    return undefined;
  }
}
