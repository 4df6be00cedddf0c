// A generated workspace for the backup round trip (bench:backup and its Vitest twin): one dataset of answers of ten
// sentences, annotators, labels on the first sentences, a guideline, a model and settings.
import { textHash } from '../../src/lib/core/text/hash';
import { sentenceFields, sentenceIdOf } from '../../src/lib/db/answer-sentences';
import type { Answer, Annotation, DissidentiaDb } from '../../src/lib/db/db';

const PER_ANSWER = 10;
const WORDS = ['services', 'publics', 'impôts', 'État', 'élus', 'mairie', 'hôpital', 'école', 'gendarmerie', 'démocratie'];

export interface WorkspaceSize {
  sentences: number;
  annotations: number;
}

/** Fills an empty database; rows are written in batches so that memory stays flat. */
export async function fillWorkspace(db: DissidentiaDb, size: WorkspaceSize): Promise<void> {
  const datasetId = await db.datasets.add({ name: 'Généré', source: 'csv', status: 'ready', createdAt: 1, info: { answers: Math.ceil(size.sentences / PER_ANSWER) } } as never);
  await db.annotators.bulkAdd([{ name: 'Alice', colour: '#1d6fb8' }, { name: 'Bob', colour: '#b8501d' }] as never);
  await db.guidelines.add({ version: 1, markdown: '# Guide', labels: ['dissident', 'non dissident', 'inclassable'], createdAt: 1 } as never);
  await db.models.add({ name: 'modèle', kind: 'baseline', createdAt: 2, data: { weights: Float32Array.from([0.25, -1.5]), vocabulary: ['a', 'b'] } } as never);
  await db.settings.bulkPut([{ key: 'lang', value: 'fr' }, { key: 'backup.reminderDays', value: 7 }]);
  const answers = Math.ceil(size.sentences / PER_ANSWER);
  let batch: Omit<Answer, 'id'>[] = [];
  for (let a = 0; a < answers; a++) {
    const count = Math.min(PER_ANSWER, size.sentences - a * PER_ANSWER);
    let text = '';
    const spans = [];
    for (let k = 0; k < count; k++) {
      const sentence = `Réponse ${a}, phrase ${k} : les ${WORDS[(a + k) % WORDS.length]} ${k % 3 ? 'ferment' : 'nous ignorent'} !`;
      if (text) text += ' ';
      spans.push({ text: sentence, start: text.length, end: text.length + sentence.length, hash: textHash(sentence) });
      text += sentence;
    }
    batch.push({ datasetId, externalId: `r${a}`, text, flags: a % 17 === 0 ? 2 : 0, line: a + 2, meta: { ville: `V${a % 50}` }, ...sentenceFields(text, spans) });
    if (batch.length === 2000 || a === answers - 1) {
      await db.answers.bulkAdd(batch as Answer[]);
      batch = [];
    }
  }
  const labels: Omit<Annotation, 'id'>[] = [];
  // Labels spread over the answers (answer ids start at 1), alternating annotators and labels.
  for (let i = 0; i < size.annotations; i++) {
    const answerId = 1 + ((i * 7) % answers);
    labels.push({ sentenceId: sentenceIdOf(answerId, i % 3), annotatorId: 1 + (i % 2), label: i % 5 === 0 ? 'dissident' : 'non dissident', guidelineVersion: 1, createdAt: 1_700_000_000_000 + i, ...(i % 11 === 0 ? { bulk: true } : {}) });
  }
  // Pairs (sentence, annotator) must be unique: duplicates of the spread are dropped.
  const seen = new Set<string>();
  await db.annotations.bulkAdd(labels.filter((l) => seen.size < seen.add(`${l.sentenceId}:${l.annotatorId}`).size) as Annotation[]);
}
