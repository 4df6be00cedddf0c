// Where training sentences come from: the embedded demo corpus, or a dataset's gold labels.
import type { DissidentiaDb } from '../db/db';
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

const POSITIVE = 'dissident';
const EXCLUDED = 'inclassable';

async function datasetTrainingSet(db: DissidentiaDb, datasetId: number): Promise<TrainingSet> {
  const gold = (await goldLabels(db, datasetId)).filter((g) => g.label !== EXCLUDED);
  return {
    texts: gold.map((g) => g.text),
    labels: gold.map((g) => (g.label === POSITIVE ? 1 : 0)),
    guidelineVersion: (await currentGuideline(db)).version,
  };
}

/** One source per dataset holding gold (or majority) labels; the labels are read again when training starts. */
export async function datasetSources(db: DissidentiaDb): Promise<TrainingSource[]> {
  const sources: TrainingSource[] = [];
  for (const dataset of await listDatasets(db)) {
    const { texts } = await datasetTrainingSet(db, dataset.id);
    if (texts.length === 0) continue;
    sources.push({ id: `dataset-${dataset.id}`, label: dataset.name, count: texts.length, load: () => datasetTrainingSet(db, dataset.id) });
  }
  return sources;
}
