// Where training sentences come from: the embedded demo corpus, or a dataset's gold labels.
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
