// Scores of a whole dataset under a model: one row of probabilities per answer, the run record that lets a closed tab
// resume after its last stored batch, and the reads of the explorer (a dataset's scores, one answer's).
import type { Answer, DissidentiaDb, ScoreRow, ScoreRun } from '../db';

export type ScoreRunKey = { modelId: string; datasetId: number };

export function getScoreRun(db: DissidentiaDb, key: ScoreRunKey): Promise<ScoreRun | undefined> {
  return db.scoreRuns.get([key.modelId, key.datasetId]);
}

/** Runs of one dataset (every model), newest first. */
export async function listScoreRuns(db: DissidentiaDb, datasetId: number): Promise<ScoreRun[]> {
  const runs = await db.scoreRuns.where('datasetId').equals(datasetId).toArray();
  return runs.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Every run's dataset and last write (the table holds one small record per model and dataset). */
export async function scoreRunStamps(db: DissidentiaDb): Promise<{ datasetId: number; updatedAt: number }[]> {
  return (await db.scoreRuns.toArray()).map((r) => ({ datasetId: r.datasetId, updatedAt: r.updatedAt }));
}

/** Starts a run afresh: the scores a previous run of this model on this dataset left are removed with its record. */
export async function restartScoreRun(db: DissidentiaDb, run: ScoreRun): Promise<void> {
  await db.transaction('rw', db.scores, db.scoreRuns, async () => {
    await db.scores.where('[modelId+datasetId]').equals([run.modelId, run.datasetId]).delete();
    await db.scoreRuns.put(run);
  });
}

/** Changes a run's status (and fields such as its error) without touching its progress. */
export async function updateScoreRun(db: DissidentiaDb, key: ScoreRunKey, changes: Partial<Omit<ScoreRun, 'modelId' | 'datasetId'>>): Promise<void> {
  await db.scoreRuns.update([key.modelId, key.datasetId], changes);
}

/** What one batch moves the run by. */
export interface ScoreBatchProgress {
  lastAnswerId: number;
  answers: number;
  sentences: number;
  distinctScored: number;
  seconds: number;
}

/**
 * Stores one batch of scores and moves the run's cursor in the same transaction, so that after a closed tab the
 * run resumes exactly after the last batch whose scores are stored.
 */
export async function writeScoreBatch(db: DissidentiaDb, key: ScoreRunKey, rows: readonly ScoreRow[], progress: ScoreBatchProgress): Promise<ScoreRun> {
  return db.transaction('rw', db.scores, db.scoreRuns, async () => {
    const run = await db.scoreRuns.get([key.modelId, key.datasetId]);
    if (!run) throw new Error(`Évaluation introuvable : ${key.modelId} sur le jeu ${key.datasetId}`);
    await db.scores.bulkPut(rows as ScoreRow[]);
    const next: ScoreRun = {
      ...run,
      lastAnswerId: progress.lastAnswerId,
      answersDone: run.answersDone + progress.answers,
      sentencesDone: run.sentencesDone + progress.sentences,
      distinctScored: run.distinctScored + progress.distinctScored,
      seconds: run.seconds + progress.seconds,
      updatedAt: Date.now(),
    };
    await db.scoreRuns.put(next);
    return next;
  });
}

/** Ids of a dataset's answers in id order (keys only, no text read). */
export async function answerIdsOfDataset(db: DissidentiaDb, datasetId: number): Promise<number[]> {
  const ids = (await db.answers.where('datasetId').equals(datasetId).primaryKeys()) as number[];
  return ids.sort((a, b) => a - b);
}

/** Answer rows by id, in the order asked (missing ones left out). */
export async function answersByIds(db: DissidentiaDb, ids: readonly number[]): Promise<Answer[]> {
  return (await db.answers.bulkGet([...ids])).filter((a): a is Answer => !!a);
}

/**
 * A dataset's answer rows whose ids lie in [fromId, toId], in id order: one range read (a single getAll), where
 * fetching the same rows key by key costs one request each.
 */
export async function answersInRange(db: DissidentiaDb, datasetId: number, fromId: number, toId: number): Promise<Answer[]> {
  const rows = await db.answers.where(':id').between(fromId, toId, true, true).toArray();
  return rows.filter((a) => a.datasetId === datasetId);
}

/** Every score row of a dataset under a model. */
export function scoresOfDataset(db: DissidentiaDb, key: ScoreRunKey): Promise<ScoreRow[]> {
  return db.scores.where('[modelId+datasetId]').equals([key.modelId, key.datasetId]).toArray();
}

/**
 * Score rows of a dataset under a model whose answer id is above `afterAnswerId`, in answer id order: what a run
 * added since the explorer last read (a run writes in answer id order), read by the primary key's range.
 */
export async function scoresAfter(db: DissidentiaDb, key: ScoreRunKey, afterAnswerId: number): Promise<ScoreRow[]> {
  const rows = await db.scores.where('[modelId+answerId]').between([key.modelId, afterAnswerId], [key.modelId, Infinity], false, true).toArray();
  return rows.filter((r) => r.datasetId === key.datasetId);
}

export function scoreOfAnswer(db: DissidentiaDb, modelId: string, answerId: number): Promise<ScoreRow | undefined> {
  return db.scores.get([modelId, answerId]);
}

/** Removes every score and run of a dataset (the dataset is being deleted). */
export async function deleteDatasetScores(db: DissidentiaDb, datasetId: number): Promise<void> {
  await db.transaction('rw', db.scores, db.scoreRuns, async () => {
    await db.scores.where('datasetId').equals(datasetId).delete();
    await db.scoreRuns.where('datasetId').equals(datasetId).delete();
  });
}
