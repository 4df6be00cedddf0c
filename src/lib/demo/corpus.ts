// Typed access to the embedded demo corpus (team-written, fictitious answers with labelled sentences).
import data from './corpus.json';

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
  const texts: string[] = [];
  const labels: (0 | 1)[] = [];
  for (const answer of corpus.answers) {
    if (answer.featured) continue;
    for (const s of answer.sentences) {
      if (s.label === 'inclassable') continue;
      texts.push(s.text);
      labels.push(s.label === 'dissident' ? 1 : 0);
    }
  }
  return { texts, labels };
}

export function featuredAnswers(corpus: DemoCorpus = demoCorpus): DemoAnswer[] {
  return corpus.answers.filter((a) => a.featured);
}
