// Scoring a whole dataset through the model worker's handlers, in Node on fake-indexeddb: scores stored per answer
// with the model id, each distinct sentence scored once, cancel then resume, the explorer's filters and the CSV export.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_HEADER, flattenScores, select } from '../../src/lib/core/ml/corpus/explore';
import { sentenceIdOf } from '../../src/lib/db/answer-sentences';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { predictProba, trainBaseline, type BaselineModel } from '../../src/lib/core/ml/model';
import { getDb } from '../../src/lib/db/db';
import { GOLD_ANNOTATOR } from '../../src/lib/core/annotation/labels';
import { ensureAnnotator } from '../../src/lib/db/repos/annotators';
import { deleteDataset } from '../../src/lib/db/repos/datasets';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { setLabels } from '../../src/lib/db/repos/label-writes';
import { saveModel } from '../../src/lib/db/repos/models';
import { getScoreRun, scoresOfDataset } from '../../src/lib/db/repos/scores';
import { datasetSentences } from '../../src/lib/db/repos/sentences';
import type { ScoreProgress } from '../../src/lib/workers/model/score-protocol';
import { scoreHandlers } from '../../src/workers/score-handlers';

const handlers = scoreHandlers(() => undefined);
let model: BaselineModel;
let modelId: string;
let datasetId: number;

function ctx(onProgress?: (p: ScoreProgress, controller: AbortController) => void) {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    emit: (name: string, payload: unknown) => {
      if (name === 'score/progress') onProgress?.(payload as ScoreProgress, controller);
    },
  } as Parameters<typeof handlers['score/run']>[1];
}

beforeAll(async () => {
  const { texts, labels } = fixtureSet();
  model = await trainBaseline(texts, labels, { search: 'none', learningCurve: null });
  const id = await saveModel(getDb(), { name: 'essai', kind: 'baseline', createdAt: Date.now(), data: model }, false);
  modelId = `stored-${id}`;
  datasetId = await ensureDemoDataset(getDb());
});

describe('scoring a dataset in the model worker', () => {
  it('estimates the run before it starts', async () => {
    const estimate = await handlers['score/estimate']({ datasetId, model: { modelId, name: 'essai' } }, ctx());
    const sentences = await datasetSentences(getDb(), datasetId);
    expect(estimate.sentences).toBe(sentences.length);
    expect(estimate.remaining).toBe(sentences.length);
    expect(estimate.sentencesPerSecond).toBeGreaterThan(0);
    expect(estimate.seconds).toBeGreaterThan(0);
    expect(estimate.run).toBeNull();
  });

  it('stops when cancelled, then resumes after the last stored batch and ends with every sentence scored once', async () => {
    const ref = { modelId, name: 'essai' };
    const stopAfterFirst = ctx((p, controller) => p.sentencesDone > 0 && controller.abort());
    await expect(handlers['score/run']({ datasetId, model: ref, batchSentences: 20 }, stopAfterFirst)).rejects.toMatchObject({ name: 'AbortError' });
    const stopped = (await getScoreRun(getDb(), { modelId, datasetId }))!;
    expect(stopped.status).toBe('cancelled');
    expect(stopped.sentencesDone).toBeGreaterThan(0);
    expect(stopped.sentencesDone).toBeLessThan(stopped.sentences);

    const seen: number[] = [];
    const run = await handlers['score/run']({ datasetId, model: ref, batchSentences: 20 }, ctx((p) => seen.push(p.sentencesDone)));
    expect(seen[0]).toBe(stopped.sentencesDone);
    expect(run.status).toBe('done');
    expect(run.sentencesDone).toBe(run.sentences);

    const sentences = await datasetSentences(getDb(), datasetId);
    const rows = await scoresOfDataset(getDb(), { modelId, datasetId });
    const byAnswer = new Map(rows.map((r) => [r.answerId, r.probabilities]));
    const expected = predictProba(model, sentences.map((s) => s.text));
    sentences.forEach((s, i) => expect(byAnswer.get(s.answerId)![s.index]).toBeCloseTo(expected[i]!, 5));
    // Each distinct sentence went to the model once (the resumed part may meet a hash the first part saw).
    const distinct = new Set(sentences.map((s) => s.hash)).size;
    expect(run.distinctScored).toBeGreaterThanOrEqual(distinct);
    expect(run.distinctScored).toBeLessThanOrEqual(distinct + stopped.distinctScored);

    // A finished run is not scored again unless asked: a late resume finds nothing to do.
    expect(await handlers['score/run']({ datasetId, model: ref }, ctx())).toEqual(run);
  });

  it('lists sentences by score with the filters, and marks the model wrong where a person labelled otherwise', async () => {
    const base = { datasetId, modelId, threshold: model.threshold, label: '' as const, agreement: '' as const, order: 'desc' as const, text: '', offset: 0, limit: 10 };
    const page = await handlers['score/explore'](base, ctx());
    expect(page.total).toBe(page.scored);
    expect(page.rows).toHaveLength(10);
    const probabilities = page.rows.map((r) => r.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(page.histogram.reduce((a, b) => a + b, 0)).toBe(page.scored);

    const dissident = await handlers['score/explore']({ ...base, label: 'dissident', limit: 1000 }, ctx());
    expect(dissident.total).toBe(page.dissident);
    expect(dissident.rows.every((r) => r.probability >= model.threshold)).toBe(true);

    // A sentence the model calls dissident, given the other label as gold (the demo dataset comes labelled).
    const top = dissident.rows.find((r) => r.human !== 'non dissident')!;
    const annotator = await ensureAnnotator(getDb(), GOLD_ANNOTATOR);
    await setLabels(getDb(), { datasetId, sentenceIds: [top.sentenceId], annotatorId: annotator, label: 'non dissident', guidelineVersion: 1 });
    const wrong = await handlers['score/explore']({ ...base, agreement: 'disagree', limit: 1000 }, ctx());
    expect(wrong.rows.find((r) => r.sentenceId === top.sentenceId)?.human).toBe('non dissident');

    const word = top.text.split(/\s+/).find((w) => w.length > 4)!.replace(/[^\p{L}]/gu, '');
    const found = await handlers['score/explore']({ ...base, text: word.toUpperCase(), limit: 1000 }, ctx());
    expect(found.total).toBeGreaterThan(0);
    expect(found.rows.every((r) => r.text.toLowerCase().includes(word.toLowerCase()))).toBe(true);
  });

  it('shows one answer with its scores, and exports the filtered sentences as CSV with a BOM', async () => {
    const page = await handlers['score/explore']({ datasetId, modelId, threshold: 0.5, label: '', agreement: '', order: 'desc', text: '', offset: 0, limit: 1 }, ctx());
    const answer = (await handlers['score/answer']({ modelId, answerId: page.rows[0]!.answerId }))!;
    expect(answer.sentences.some((s) => s.sentenceId === page.rows[0]!.sentenceId && Math.abs((s.probability ?? 0) - page.rows[0]!.probability) < 1e-6)).toBe(true);

    const { blob, rows } = await handlers['score/export']({ datasetId, modelId, modelName: 'essai', threshold: 0.5, label: 'dissident', agreement: '', order: 'desc', text: '' }, ctx());
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe(EXPORT_HEADER.join(','));
    expect(rows).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThanOrEqual(rows + 1);
    expect(lines.slice(1).every((l) => l.includes(',dissident,'))).toBe(true);
  });

  it('follows a run batch by batch: the explorer adds what was stored since its last read and matches a fresh read', async () => {
    const ref = { modelId, name: 'essai' };
    const base = { datasetId, modelId, threshold: model.threshold, label: '' as const, agreement: '' as const, order: 'desc' as const, text: '', offset: 0, limit: 5000 };
    const stopAfterFirst = ctx((p, controller) => p.sentencesDone > 0 && controller.abort());
    await expect(handlers['score/run']({ datasetId, model: ref, batchSentences: 30, restart: true }, stopAfterFirst)).rejects.toMatchObject({ name: 'AbortError' });
    const part = await handlers['score/explore'](base, ctx());
    const stopped = (await getScoreRun(getDb(), { modelId, datasetId }))!;
    expect(part.scored).toBe(stopped.sentencesDone);
    expect(part.scored).toBeLessThan(stopped.sentences);

    await handlers['score/run']({ datasetId, model: ref, batchSentences: 30 }, ctx());
    const whole = await handlers['score/explore'](base, ctx());
    const index = flattenScores(await scoresOfDataset(getDb(), { modelId, datasetId }), sentenceIdOf);
    const fresh = select(index, base, () => undefined);
    expect(whole.scored).toBe(stopped.sentences);
    expect(whole.rows.map((r) => r.sentenceId)).toEqual(Array.from(fresh.positions.subarray(0, base.limit), (k) => index.sentenceIds[k]));
    expect(whole.histogram).toEqual(fresh.histogram);
  });

  it('goes with its dataset', async () => {
    await deleteDataset(getDb(), datasetId);
    expect(await scoresOfDataset(getDb(), { modelId, datasetId })).toEqual([]);
    expect(await getScoreRun(getDb(), { modelId, datasetId })).toBeUndefined();
  });
});
