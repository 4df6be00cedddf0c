// A short fingerprint of a labelled training set, stored with each model to tell which labels it saw.
import { hashString } from '../text/hash';

export function labelsSnapshotHash(texts: readonly string[], labels: readonly (0 | 1)[]): string {
  const rows = texts.map((text, i) => `${labels[i]}\t${text}`).sort();
  return hashString(rows.join('\n'));
}
