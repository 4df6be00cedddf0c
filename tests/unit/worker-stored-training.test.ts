// The model worker's work on stored data, run in Node on fake-indexeddb and the real tiny CamemBERT: a dataset embedded
// chunk by chunk (int8), stopped and resumed without recomputing; embeddingsFor reads it back; baselines and transfer
// heads trained from the stored labels and stored by the worker code, reusing the stored vectors.
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_MODELS_DIR, TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { loadModelFolder } from '../../src/cli/model-folder';
import type { TransformerModel } from '../../src/lib/core/ml/transformer/transformer-model';
import type { TransferModel } from '../../src/lib/core/ml/transfer/types';
import { DissidentiaDb } from '../../src/lib/db/db';
import { deleteDataset } from '../../src/lib/db/repos/datasets';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { embeddingModelKey, embeddingsFor, getEmbeddingRun } from '../../src/lib/db/repos/embeddings';
import { getActiveModelId, getModel } from '../../src/lib/db/repos/models';
import { datasetSentences } from '../../src/lib/db/repos/sentences';
import { embedDataset, type EmbedFunction } from '../../src/lib/workers/model/embed-dataset';
import { trainStoredBaseline } from '../../src/lib/workers/model/stored-training';
import { loadTrainingSet } from '../../src/lib/workers/model/training-set';
import { trainStoredTransfer } from '../../src/lib/workers/model/transfer-training';

let model: TransformerModel;
let embedCalls: string[][] = [];
const embed: EmbedFunction = (texts, options) => {
  embedCalls.push(texts);
  return model.embed(texts, options);
};
const encoder = () => ({ name: TINY_ENCODER, modelType: model.info.modelType, hiddenSize: model.info.hiddenSize, dtype: 'q8' as const, pooling: 'mean-l2' as const });

beforeAll(async () => {
  model = await loadModelFolder(join(FIXTURE_MODELS_DIR, TINY_ENCODER), { dtype: 'q8' });
});
afterAll(() => model.dispose());

describe('dataset embeddings', () => {
  it('stores int8 vectors per sentence, resumes a stopped run without recomputing, and reads them back', async () => {
    const db = new DissidentiaDb(`test-${Math.random()}`);
    const datasetId = await ensureDemoDataset(db);
    const sentences = await datasetSentences(db, datasetId);
    const distinct = new Set(sentences.map((s) => s.text));
    const args = { name: TINY_ENCODER, dtype: 'q8' as const, datasetId, chunkSize: 40 };
    const key = embeddingModelKey(TINY_ENCODER, 'q8');

    // Stopped after two chunks.
    const controller = new AbortController();
    let chunks = 0;
    embedCalls = [];
    await expect(
      embedDataset(db, embed, 32, args, {
        signal: controller.signal,
        onProgress: () => {
          if (++chunks === 3) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    const stopped = await getEmbeddingRun(db, key, datasetId);
    expect(stopped?.status).toBe('cancelled');
    expect(stopped!.done).toBeGreaterThan(0);
    expect(stopped!.done).toBeLessThan(sentences.length);
    const partial = await embeddingsFor(db, TINY_ENCODER, datasetId);
    expect(partial.ids.length).toBe(stopped!.done);
    const firstTexts = embedCalls.flat();

    // Resumed: only what was missing is embedded, each distinct text once over both runs.
    embedCalls = [];
    const result = await embedDataset(db, embed, 32, args);
    expect(result.reused).toBe(stopped!.done);
    expect(result.reused + result.computed).toBe(sentences.length);
    const secondTexts = embedCalls.flat();
    expect(secondTexts.filter((t) => firstTexts.includes(t))).toEqual([]);
    expect(new Set([...firstTexts, ...secondTexts]).size).toBe(distinct.size);
    expect(firstTexts.length + secondTexts.length).toBe(distinct.size);
    // Shortest first within the plan.
    const lengths = [...firstTexts, ...secondTexts].map((t) => t.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect((await getEmbeddingRun(db, key, datasetId))?.status).toBe('done');

    const set = await embeddingsFor(db, TINY_ENCODER, datasetId);
    expect(set.dims).toBe(32);
    expect(set.values).toBeInstanceOf(Int8Array);
    expect([...set.ids].sort((a, b) => a - b)).toEqual(sentences.map((s) => s.id).sort((a, b) => a - b));
    // A stored vector is the encoder's vector within int8 precision (q8 activations also vary a little with the batch).
    for (const row of [0, 5, set.ids.length - 1]) {
      const sentence = sentences.find((s) => s.id === set.ids[row])!;
      const [direct] = await model.embed([sentence.text]);
      let cosine = 0;
      for (let d = 0; d < 32; d++) cosine += set.values[row * 32 + d]! * set.scales[row]! * direct![d]!;
      expect(cosine).toBeGreaterThan(0.995);
    }

    // Deleting the dataset deletes its vectors.
    await deleteDataset(db, datasetId);
    expect((await embeddingsFor(db, TINY_ENCODER, datasetId)).ids.length).toBe(0);
    expect(await getEmbeddingRun(db, key, datasetId)).toBeUndefined();
  });
});

describe('training from stored labels', () => {
  it('trains a baseline on a dataset’s gold labels and stores it, made active', async () => {
    const db = new DissidentiaDb(`test-${Math.random()}`);
    const datasetId = await ensureDemoDataset(db);
    const source = { kind: 'datasets' as const, datasetIds: [datasetId] };
    const set = await loadTrainingSet(db, source);
    expect(set.sentenceIds).toHaveLength(set.texts.length);
    const options = { search: 'random' as const, randomCandidates: 1, learningCurve: null };
    const { id, metrics } = await trainStoredBaseline(db, set, { source, sourceLabel: 'démo', name: 'base', options, holdout: 0 }, {});
    const stored = await getModel(db, id);
    expect(stored?.kind).toBe('baseline');
    expect(stored?.metrics).toMatchObject({ source: 'démo', cvAuc: metrics.cvAuc });
    expect(await getActiveModelId(db)).toBe(id);
  });

  it('trains a transfer head from the stored vectors (none recomputed) and stores it beside the baselines', async () => {
    const db = new DissidentiaDb(`test-${Math.random()}`);
    const datasetId = await ensureDemoDataset(db);
    await embedDataset(db, embed, 32, { name: TINY_ENCODER, dtype: 'q8', datasetId });
    embedCalls = [];
    const source = { kind: 'datasets' as const, datasetIds: [datasetId] };
    const head = { hidden: 0, maxEpochs: 30, seed: 3 };
    const result = await trainStoredTransfer(db, encoder(), embed, { source, sourceLabel: 'démo', name: 'transfert', options: { head, folds: 3 } });
    expect(embedCalls).toEqual([]);
    const set = await loadTrainingSet(db, source);
    expect(result.reused).toBe(set.texts.length);
    const stored = await getModel(db, result.id);
    expect(stored?.kind).toBe('transfer');
    const transfer = stored!.data as TransferModel;
    expect(transfer.encoder.name).toBe(TINY_ENCODER);
    expect(transfer.trainedOn.n).toBe(set.texts.length);
    expect(transfer.lossCurve.length).toBeGreaterThan(0);
    expect(transfer.cv.auc).toBeGreaterThanOrEqual(0);
    expect(await getActiveModelId(db)).toBe(result.id);
  });

  it('embeds the demo corpus itself when it trains on it (no dataset, nothing stored to reuse)', async () => {
    const db = new DissidentiaDb(`test-${Math.random()}`);
    embedCalls = [];
    const result = await trainStoredTransfer(db, encoder(), embed, { source: { kind: 'demo' }, sourceLabel: 'demo', name: 'demo', options: { head: { maxEpochs: 10 }, folds: 3 } });
    expect(result.reused).toBe(0);
    expect(embedCalls.flat().length).toBe((await loadTrainingSet(db, { kind: 'demo' })).texts.length);
  });
});
