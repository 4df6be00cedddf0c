// The stored records the screens show, and pure readers of their fields, re-exported here so that components and
// routes never import lib/db (scripts/check-layers.ts fails the tests when one does).
import type { StoredMetrics } from '../db/repos/models';

export type { Annotator, Dataset, Guideline, Sentence, StoredChecks, StoredModel } from '../db/db';
export type { ImportReport } from '../db/repos/annotation-exchange';
export { ANNOTATOR_COLOURS } from '../db/repos/annotators';
export { infoOf, type DatasetInfo, type StoredImportReport } from '../db/repos/datasets';
export type { Progress } from '../core/annotation/progress';
export type { SentenceView } from '../db/repos/sentence-view';

/**
 * A stored model's metrics, whatever build wrote them: copies of the demo model kept before this shape existed hold
 * the model's own cross-validation figures (`auc`, `f1`), which the list showed as "—".
 */
export function storedMetricsOf(metrics: unknown): StoredMetrics | undefined {
  if (!metrics || typeof metrics !== 'object') return undefined;
  const m = metrics as Partial<StoredMetrics> & { auc?: unknown; f1?: unknown };
  if (typeof m.cvAuc === 'number') return m as StoredMetrics;
  if (typeof m.auc === 'number' && typeof m.f1 === 'number') return { cvAuc: m.auc, cvF1: m.f1, holdout: null, source: 'demo' };
  return undefined;
}
export type { StoredMetrics } from '../db/repos/models';
