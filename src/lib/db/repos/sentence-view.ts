// The sentence under work: its neighbours in the answer, the whole answer, and every label it has.
import type { Annotation, Answer, DissidentiaDb, Sentence } from '../db';
import { answerIdOf, positionOf, sentenceAt } from '../answer-sentences';

export interface SentenceView {
  sentence: Sentence;
  answer?: Answer;
  previous?: Sentence;
  next?: Sentence;
  labels: Annotation[];
}

/** The sentence with its neighbours in the answer, the whole answer, and every label it has (one read of the answer). */
export async function sentenceView(db: DissidentiaDb, sentenceId: number): Promise<SentenceView | undefined> {
  const [answer, labels] = await Promise.all([
    db.answers.get(answerIdOf(sentenceId)),
    db.annotations.where('sentenceId').equals(sentenceId).toArray(),
  ]);
  const position = positionOf(sentenceId);
  const sentence = answer && sentenceAt(answer, position);
  if (!sentence) return undefined;
  return { sentence, answer, previous: sentenceAt(answer, position - 1), next: sentenceAt(answer, position + 1), labels };
}
