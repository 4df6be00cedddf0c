// Merging annotations from another laptop: others' labels are added; for the same annotator on the same sentence
// the latest label wins, and every disagreement between the two copies is listed as a conflict.

export interface LabelVersion {
  label: string;
  createdAt: number;
}

/** An incoming label already matched to a sentence (`sentenceKey`: a local id or a placeholder for a new sentence). */
export interface IncomingLabel extends LabelVersion {
  sentenceKey: string;
  annotator: string;
  text: string;
}

export interface MergeConflict {
  sentenceKey: string;
  text: string;
  annotator: string;
  local: LabelVersion;
  incoming: LabelVersion;
  kept: 'local' | 'incoming';
}

export interface MergePlan<T extends IncomingLabel> {
  /** Labels to write (new, or newer than the local one). */
  writes: T[];
  /** Incoming labels identical to the local ones. */
  unchanged: number;
  /** Incoming labels older than a different local one: local kept. */
  keptLocal: number;
  conflicts: MergeConflict[];
}

export const mergeKey = (sentenceKey: string, annotator: string): string => `${sentenceKey}\u0000${annotator}`;

/**
 * Plans a merge against the local labels (`existing`, keyed by `mergeKey`). Within the file, the latest label of a
 * (sentence, annotator) pair is the file's. Ties go to the local copy: importing twice changes nothing.
 */
export function planMerge<T extends IncomingLabel>(incoming: readonly T[], existing: ReadonlyMap<string, LabelVersion>): MergePlan<T> {
  const latest = new Map<string, T>();
  for (const label of incoming) {
    const key = mergeKey(label.sentenceKey, label.annotator);
    const seen = latest.get(key);
    if (!seen || label.createdAt >= seen.createdAt) latest.set(key, label);
  }
  const plan: MergePlan<T> = { writes: [], unchanged: 0, keptLocal: 0, conflicts: [] };
  for (const [key, label] of latest) {
    const local = existing.get(key);
    if (!local) {
      plan.writes.push(label);
      continue;
    }
    if (local.label === label.label) {
      plan.unchanged++;
      continue;
    }
    const kept = label.createdAt > local.createdAt ? 'incoming' : 'local';
    plan.conflicts.push({
      sentenceKey: label.sentenceKey,
      text: label.text,
      annotator: label.annotator,
      local: { label: local.label, createdAt: local.createdAt },
      incoming: { label: label.label, createdAt: label.createdAt },
      kept,
    });
    if (kept === 'incoming') plan.writes.push(label);
    else plan.keptLocal++;
  }
  return plan;
}
