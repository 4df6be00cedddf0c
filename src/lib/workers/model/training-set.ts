// The training set a model worker reads itself from IndexedDB: the demo corpus, or the gold labels of some datasets.
// Only this reference crosses postMessage; the texts never do.
import { APP_LABEL_MAPPING, isTrainable, toLabelledSet } from '../../core/ml/labelled-set';
import type { DissidentiaDb } from '../../db/db';
import { goldLabels } from '../../db/repos/annotations';
import { currentGuideline } from '../../db/repos/guidelines';
import { demoTrainingSet } from '../../demo/corpus';

export type TrainingSetRef = { kind: 'demo' } | { kind: 'datasets'; datasetIds: number[] };

export interface TrainingSet {
  texts: string[];
  labels: (0 | 1)[];
  /** The sentence id of each text (absent for the demo corpus, which is not a dataset). */
  sentenceIds?: number[];
  guidelineVersion?: number;
}

/**
 * The labelled sentences of some datasets, read when training starts so the newest labels are used. A sentence found
 * with the same label in two datasets (the same file imported twice, say) is kept once; with different labels, both.
 */
async function datasetsTrainingSet(db: DissidentiaDb, datasetIds: readonly number[]): Promise<TrainingSet> {
  const seen = new Set<string>();
  const once = (await goldLabels(db, datasetIds)).filter((g) => {
    if (!isTrainable(g, APP_LABEL_MAPPING)) return false;
    const key = `${g.label}\u0000${g.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const { texts, labels } = toLabelledSet(once, APP_LABEL_MAPPING);
  return { texts, labels, sentenceIds: once.map((g) => g.sentenceId), guidelineVersion: (await currentGuideline(db)).version };
}

export async function loadTrainingSet(db: DissidentiaDb, ref: TrainingSetRef): Promise<TrainingSet> {
  if (ref.kind === 'demo') return { ...demoTrainingSet(), guidelineVersion: 1 };
  return datasetsTrainingSet(db, ref.datasetIds);
}
