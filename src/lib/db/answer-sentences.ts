// Sentences live inside their answer row: offsets into the answer text, hashes and a count (one row per answer,
// not per sentence: IndexedDB writes a million sentences an order of magnitude faster as ~80,000 rows, and the
// text is stored once). A sentence's id is computed from its answer id and position. Also: the conversion from the
// one-row-per-sentence layout of schema v1, used by the migration and by old backups.
import type { Annotation, Answer, Sentence } from './db';

/** Room for this many sentences per answer in the id space; a 1 MB field (the import's limit) splits into fewer. */
export const SENTENCES_PER_ANSWER = 2 ** 20;

export function sentenceIdOf(answerId: number, position: number): number {
  return answerId * SENTENCES_PER_ANSWER + position;
}

export function answerIdOf(sentenceId: number): number {
  return Math.floor(sentenceId / SENTENCES_PER_ANSWER);
}

export function positionOf(sentenceId: number): number {
  return sentenceId % SENTENCES_PER_ANSWER;
}

/** The sentence fields of an answer row. */
export type SentenceFields = Pick<Answer, 'sentenceCount' | 'starts' | 'ends' | 'hashes' | 'texts' | 'indexes'>;

/** What the fields are built from: one answer's sentences in order. */
export interface SpanInput {
  text: string;
  start: number;
  end: number;
  hash: string;
  /** Position in the source; left out when it is the sentence's place in the list. */
  index?: number;
}

export function sentenceFields(answerText: string, sentences: readonly SpanInput[]): SentenceFields {
  if (sentences.length > SENTENCES_PER_ANSWER) throw new Error(`Trop de phrases dans une réponse : ${sentences.length}.`);
  const fields: SentenceFields = {
    sentenceCount: sentences.length,
    starts: Uint32Array.from(sentences, (s) => s.start),
    ends: Uint32Array.from(sentences, (s) => s.end),
    hashes: sentences.map((s) => s.hash),
  };
  // Imported sentences are exact slices of their answer; anything else keeps its own text.
  if (sentences.some((s) => answerText.slice(s.start, s.end) !== s.text)) {
    fields.texts = sentences.map((s) => (answerText.slice(s.start, s.end) === s.text ? null : s.text));
  }
  if (sentences.some((s, i) => s.index !== undefined && s.index !== i)) fields.indexes = sentences.map((s, i) => s.index ?? i);
  return fields;
}

/** Sentence `position` of an answer, or undefined past its end. */
export function sentenceAt(answer: Answer, position: number): Sentence | undefined {
  if (!(position >= 0 && position < answer.sentenceCount)) return undefined;
  const start = answer.starts[position]!;
  const end = answer.ends[position]!;
  const sentence: Sentence = {
    id: sentenceIdOf(answer.id, position),
    datasetId: answer.datasetId,
    answerId: answer.id,
    index: answer.indexes?.[position] ?? position,
    text: answer.texts?.[position] ?? answer.text.slice(start, end),
    start,
    end,
    hash: answer.hashes[position]!,
  };
  if (answer.flags) sentence.flags = answer.flags;
  return sentence;
}

export function sentencesOfAnswerRow(answer: Answer): Sentence[] {
  const out: Sentence[] = [];
  for (let i = 0; i < answer.sentenceCount; i++) out.push(sentenceAt(answer, i)!);
  return out;
}

/**
 * Schema v1 rows (one per sentence, auto-increment ids) as answer sentence fields, with the old id → new id map
 * that annotations need. Within an answer, sentences keep their order by index (ties by old id).
 */
export function fieldsFromRows(rows: readonly Sentence[], answerText: (answerId: number) => string | undefined): { fields: Map<number, SentenceFields>; ids: Map<number, number> } {
  const byAnswer = new Map<number, Sentence[]>();
  for (const row of rows) {
    const list = byAnswer.get(row.answerId);
    if (list) list.push(row);
    else byAnswer.set(row.answerId, [row]);
  }
  const fields = new Map<number, SentenceFields>();
  const ids = new Map<number, number>();
  for (const [answerId, list] of byAnswer) {
    const text = answerText(answerId);
    if (text === undefined) continue;
    list.sort((a, b) => a.index - b.index || a.id - b.id);
    list.forEach((s, position) => ids.set(s.id, sentenceIdOf(answerId, position)));
    fields.set(answerId, sentenceFields(text, list));
  }
  return { fields, ids };
}

/** An answer row of schema v1 with its sentences (none when it had no rows), and flags as a number. */
export function upgradeAnswer<A extends Omit<Answer, keyof SentenceFields | 'flags'> & { flags?: number }>(answer: A, fields: SentenceFields | undefined): Answer {
  return { ...answer, flags: answer.flags ?? 0, ...(fields ?? sentenceFields(answer.text, [])) };
}

/**
 * Schema v1 rows in today's shape: each answer with its sentences (flags as a number), and annotations pointed
 * at their sentence's new id. Used by the database migration and by version-1 backup files alike.
 */
export function upgradeVersion1<A extends Omit<Answer, keyof SentenceFields | 'flags'> & { flags?: number }, N extends Pick<Annotation, 'sentenceId'>>(
  answers: readonly A[],
  sentences: readonly Sentence[],
  annotations: readonly N[],
): { answers: Answer[]; annotations: N[] } {
  const texts = new Map(answers.map((a) => [a.id, a.text]));
  const { fields, ids } = fieldsFromRows(sentences, (id) => texts.get(id));
  return { answers: answers.map((a) => upgradeAnswer(a, fields.get(a.id))), annotations: remapAnnotations(annotations, ids) };
}

/** Annotations pointed at the new sentence ids; those whose sentence is gone are dropped. */
export function remapAnnotations<A extends Pick<Annotation, 'sentenceId'>>(annotations: readonly A[], ids: ReadonlyMap<number, number>): A[] {
  const out: A[] = [];
  for (const a of annotations) {
    const id = ids.get(a.sentenceId);
    if (id !== undefined) out.push({ ...a, sentenceId: id });
  }
  return out;
}
