// Where training sentences come from: the embedded demo corpus, or the gold labels of one or several datasets.
import type { DissidentiaDb } from '../db/db';
import { APP_LABEL_MAPPING, isTrainable, toLabelledSet } from '../core/ml/labelled-set';
import { goldLabels } from '../db/repos/annotations';
import { listDatasets } from '../db/repos/datasets';
import { currentGuideline } from '../db/repos/guidelines';
import { demoCorpus, demoTrainingSet } from '../demo/corpus';

export interface TrainingSet {
  texts: string[];
  labels: (0 | 1)[];
  guidelineVersion?: number;
}

export interface TrainingSource {
  id: string;
  label: string;
  /** Sentences usable for training (dissident or not; inclassable excluded). */
  count: number;
  /** The datasets whose gold labels it holds (none for the demo corpus). */
  datasetIds?: number[];
  load(): Promise<TrainingSet>;
}

export function demoSource(): TrainingSource {
  const set = demoTrainingSet();
  return {
    id: 'demo',
    label: `demo-v${demoCorpus.version}`,
    count: set.texts.length,
    load: async () => ({ ...set, guidelineVersion: 1 }),
  };
}

/**
 * The labelled sentences of some datasets, read when training starts so the newest labels are used. A sentence found
 * with the same label in two datasets (the same file imported twice, say) is kept once; with different labels, both.
 */
async function datasetsTrainingSet(db: DissidentiaDb, datasetIds: readonly number[]): Promise<TrainingSet> {
  const seen = new Set<string>();
  const once = (await goldLabels(db, datasetIds)).filter((g) => {
    const key = `${g.label}\u0000${g.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const { texts, labels } = toLabelledSet(once, APP_LABEL_MAPPING);
  return { texts, labels, guidelineVersion: (await currentGuideline(db)).version };
}

/** One source per dataset holding gold (or majority) labels, counted from a single pass over the annotations. */
export async function datasetSources(db: DissidentiaDb): Promise<TrainingSource[]> {
  const counts = new Map<number, number>();
  for (const g of await goldLabels(db)) if (isTrainable(g, APP_LABEL_MAPPING)) counts.set(g.datasetId, (counts.get(g.datasetId) ?? 0) + 1);
  return (await listDatasets(db))
    .filter((dataset) => counts.has(dataset.id))
    .map((dataset) => ({
      id: `dataset-${dataset.id}`,
      label: dataset.name,
      count: counts.get(dataset.id) ?? 0,
      datasetIds: [dataset.id],
      load: () => datasetsTrainingSet(db, [dataset.id]),
    }));
}

/** Several datasets' sources as one: their gold labels read together (count: before duplicates are dropped). */
export function combinedSource(db: DissidentiaDb, parts: readonly TrainingSource[]): TrainingSource {
  const datasetIds = parts.flatMap((p) => p.datasetIds ?? []);
  return {
    id: `datasets-${datasetIds.join('+')}`,
    label: parts.map((p) => p.label).join(' + '),
    count: parts.reduce((n, p) => n + p.count, 0),
    datasetIds,
    load: () => datasetsTrainingSet(db, datasetIds),
  };
}
