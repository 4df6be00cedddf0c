// What IndexedDB holds, read from the page with the raw API (not the app's code): the facts the crash specs check.
import type { Page } from '@playwright/test';

export interface DatasetFacts {
  id: number;
  name: string;
  status: string;
  /** Answers the checkpoint says are stored (interrupted imports), or the count kept with a ready dataset. */
  claimed: number | undefined;
  /** Answer rows really stored for it. */
  answers: number;
  /** Distinct external ids among them (a resumed import must not store a row twice). */
  distinctIds: number;
  /** Sentences of the stored answers. */
  sentences: number;
}

export interface Facts {
  datasets: DatasetFacts[];
  /** Answer rows whose dataset is gone (left behind by a rollback). */
  orphanAnswers: number;
  models: { name: string }[];
  scoreRuns: { datasetId: number; status: string; answers: number; answersDone: number; sentences: number; sentencesDone: number; lastAnswerId: number }[];
  /** Per dataset: score rows stored, and the sentences they score. */
  scores: Record<number, { rows: number; sentences: number }>;
}

export function readFacts(page: Page): Promise<Facts> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('dissidentia');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    type Row = { id: number; name: string; status: string; info?: { checkpoint?: { answers: number }; answers?: number } };
    const datasets = await all<Row>('datasets');
    const answers = await all<{ datasetId: number; externalId: string; sentenceCount: number }>('answers');
    const known = new Set(datasets.map((d) => d.id));
    const scores: Record<number, { rows: number; sentences: number }> = {};
    for (const s of await all<{ datasetId: number; probabilities: Float32Array }>('scores')) {
      const entry = (scores[s.datasetId] ??= { rows: 0, sentences: 0 });
      entry.rows++;
      entry.sentences += s.probabilities.length;
    }
    const facts = {
      datasets: datasets.map((d) => {
        const mine = answers.filter((a) => a.datasetId === d.id);
        return {
          id: d.id,
          name: d.name,
          status: d.status,
          claimed: d.status === 'importing' ? (d.info?.checkpoint?.answers ?? 0) : undefined,
          answers: mine.length,
          distinctIds: new Set(mine.map((a) => a.externalId)).size,
          sentences: mine.reduce((n, a) => n + a.sentenceCount, 0),
        };
      }),
      orphanAnswers: answers.filter((a) => !known.has(a.datasetId)).length,
      models: (await all<{ name: string }>('models')).map((m) => ({ name: m.name })),
      scoreRuns: await all<Facts['scoreRuns'][number]>('scoreRuns'),
      scores,
    };
    db.close();
    return facts;
  });
}

/** Every dataset's stored answers agree with what it claims, and no answer outlives its dataset. */
export function inconsistencies(facts: Facts): string[] {
  const problems: string[] = [];
  if (facts.orphanAnswers) problems.push(`${facts.orphanAnswers} réponses sans jeu de données`);
  for (const d of facts.datasets) {
    if (d.claimed !== undefined && d.claimed !== d.answers) problems.push(`${d.name} : point de reprise ${d.claimed}, ${d.answers} réponses stockées`);
    if (d.distinctIds !== d.answers) problems.push(`${d.name} : ${d.answers - d.distinctIds} réponses en double`);
  }
  return problems;
}

/** Rows of one object store. */
export function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('dissidentia');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const r = db.transaction(name).objectStore(name).count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return n;
  }, store);
}
