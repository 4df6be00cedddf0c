// Typed access to the embedded demo corpus (team-written, fictitious answers with labelled sentences).
import data from './corpus.json';
import { APP_LABEL_MAPPING, toLabelledSet } from '../core/ml/labelled-set';

export type DemoLabel = 'dissident' | 'non dissident' | 'inclassable';

export interface DemoAnswer {
  id: string;
  text: string;
  featured?: boolean;
  sentences: { text: string; label: DemoLabel }[];
}

export interface DemoCorpus {
  version: number;
  description: string;
  licence: string;
  answers: DemoAnswer[];
}

export const demoCorpus = data as DemoCorpus;

/**
 * Sentences and binary labels for training. Inclassable sentences are left out, as the guideline says,
 * and so are the featured answers: the demo's examples are sentences the model has never seen.
 */
export function demoTrainingSet(corpus: DemoCorpus = demoCorpus): { texts: string[]; labels: (0 | 1)[] } {
  const rows = corpus.answers.filter((answer) => !answer.featured).flatMap((answer) => answer.sentences);
  const { texts, labels } = toLabelledSet(rows, APP_LABEL_MAPPING);
  return { texts, labels };
}

export function featuredAnswers(corpus: DemoCorpus = demoCorpus): DemoAnswer[] {
  return corpus.answers.filter((a) => a.featured);
}
