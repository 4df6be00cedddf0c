// Where training sentences come from: the embedded demo corpus, or the gold labels of one or several datasets. A source
// names its set (`ref`); the model worker reads the set itself (lib/workers/model/training-set.ts).
import type { DissidentiaDb } from '../db/db';
import { APP_LABEL_MAPPING, isTrainable } from '../core/ml/labelled-set';
import { goldLabels } from '../db/repos/annotations';
import { listDatasets } from '../db/repos/datasets';
import { demoCorpus, demoTrainingSet } from '../demo/corpus';
import { loadTrainingSet, type TrainingSet, type TrainingSetRef } from '../workers/model/training-set';

export type { TrainingSet, TrainingSetRef };

export interface TrainingSource {
  id: string;
  label: string;
  /** Sentences usable for training (dissident or not; inclassable excluded). */
  count: number;
  /** The datasets whose gold labels it holds (none for the demo corpus). */
  datasetIds?: number[];
  /** What the model worker reads. */
  ref: TrainingSetRef;
  /** The set itself, read here (tests; the worker reads it through `ref`). */
  load(): Promise<TrainingSet>;
}

export function demoSource(): TrainingSource {
  const set = demoTrainingSet();
  return {
    id: 'demo',
    label: `demo-v${demoCorpus.version}`,
    count: set.texts.length,
    ref: { kind: 'demo' },
    load: async () => ({ ...set, guidelineVersion: 1 }),
  };
}

function datasetsSource(db: DissidentiaDb, id: string, label: string, count: number, datasetIds: number[]): TrainingSource {
  const ref: TrainingSetRef = { kind: 'datasets', datasetIds };
  return { id, label, count, datasetIds, ref, load: () => loadTrainingSet(db, ref) };
}

/** One source per dataset holding gold (or majority) labels, counted from a single pass over the annotations. */
export async function datasetSources(db: DissidentiaDb): Promise<TrainingSource[]> {
  const counts = new Map<number, number>();
  for (const g of await goldLabels(db)) if (isTrainable(g, APP_LABEL_MAPPING)) counts.set(g.datasetId, (counts.get(g.datasetId) ?? 0) + 1);
  return (await listDatasets(db))
    .filter((dataset) => counts.has(dataset.id))
    .map((dataset) => datasetsSource(db, `dataset-${dataset.id}`, dataset.name, counts.get(dataset.id) ?? 0, [dataset.id]));
}

/** Several datasets' sources as one: their gold labels read together (count: before duplicates are dropped). */
export function combinedSource(db: DissidentiaDb, parts: readonly TrainingSource[]): TrainingSource {
  const datasetIds = parts.flatMap((p) => p.datasetIds ?? []);
  const count = parts.reduce((n, p) => n + p.count, 0);
  return datasetsSource(db, `datasets-${datasetIds.join('+')}`, parts.map((p) => p.label).join(' + '), count, datasetIds);
}
