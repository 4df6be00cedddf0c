// Where training sentences come from: the embedded demo corpus, or a dataset's gold labels.
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

/** A dataset's labelled sentences, read when training starts so the newest labels are used. */
async function datasetTrainingSet(db: DissidentiaDb, datasetId: number): Promise<TrainingSet> {
  const { texts, labels } = toLabelledSet(await goldLabels(db, datasetId), APP_LABEL_MAPPING);
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
      load: () => datasetTrainingSet(db, dataset.id),
    }));
}
