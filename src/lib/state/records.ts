// The stored records the screens show, and pure readers of their fields, re-exported here so that components and
// routes never import lib/db (scripts/check-layers.ts fails the tests when one does).
export type { Annotator, Dataset, Guideline, Sentence, StoredModel } from '../db/db';
export type { ImportReport } from '../db/repos/annotation-exchange';
export { ANNOTATOR_COLOURS } from '../db/repos/annotators';
export { infoOf, type DatasetInfo, type StoredImportReport } from '../db/repos/datasets';
export type { Progress } from '../core/annotation/progress';
export type { SentenceView } from '../db/repos/sentence-view';
export type { StoredMetrics } from '../db/repos/models';
