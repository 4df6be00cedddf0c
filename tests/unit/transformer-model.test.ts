// The transformer layer through the real transformers.js + onnxruntime-node path, on the generated tiny CamemBERT.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoTokenizer, type Tensor } from '@huggingface/transformers';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_MODELS_DIR, TINY_CLASSIFIER, TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { loadModelFolder } from '../../src/cli/model-folder';
import { LoadedModels } from '../../src/lib/core/ml/transformer/loaded-models';
import type { TransformerModel } from '../../src/lib/core/ml/transformer/transformer-model';

const ENCODER = join(FIXTURE_MODELS_DIR, TINY_ENCODER);
const CLASSIFIER = join(FIXTURE_MODELS_DIR, TINY_CLASSIFIER);
const SHORT = 'Les impôts sont trop élevés.';
const LONG = 'Les services publics disparaissent de nos communes et les élus ne nous écoutent plus, c’est une honte pour la démocratie.';

const opened: TransformerModel[] = [];
async function open(dir: string, dtype: 'fp32' | 'q8') {
  const model = await loadModelFolder(dir, { dtype });
  opened.push(model);
  return model;
}
afterAll(async () => {
  await Promise.all(opened.map((m) => m.dispose()));
});

const maxDiff = (a: Float32Array, b: Float32Array) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));
const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('encoder embeddings', () => {
  it('gives one unit vector of hidden size per text, duplicates included', async () => {
    const model = await open(ENCODER, 'fp32');
    expect(model.info).toMatchObject({ kind: 'encoder', hiddenSize: 32, maxTokens: 512 });
    const vectors = await model.embed([SHORT, LONG, SHORT]);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(32);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(maxDiff(vectors[0]!, vectors[2]!)).toBe(0);
    expect(maxDiff(vectors[0]!, vectors[1]!)).toBeGreaterThan(0.05);
  });

  it('fp32: padding in a batch leaves a sentence’s embedding unchanged; q8 stays close', async () => {
    for (const [dtype, tolerance] of [['fp32', 1e-5], ['q8', 0.05]] as const) {
      const model = await open(ENCODER, dtype);
      const [alone] = await model.embed([SHORT], { batchSize: 1 });
      // Batched with a longer sentence, SHORT is padded to LONG's length.
      const [padded] = await model.embed([SHORT, LONG], { batchSize: 2 });
      expect(maxDiff(alone!, padded!), dtype).toBeLessThan(tolerance);
    }
  });

  it('is deterministic across loads', async () => {
    const a = await (await open(ENCODER, 'q8')).embed([LONG]);
    const b = await (await open(ENCODER, 'q8')).embed([LONG]);
    expect(maxDiff(a[0]!, b[0]!)).toBe(0);
  });

  it('q8 and fp32 agree to quantisation error', async () => {
    const [f] = await (await open(ENCODER, 'fp32')).embed([LONG]);
    const [q] = await (await open(ENCODER, 'q8')).embed([LONG]);
    const cosine = f!.reduce((s, x, i) => s + x * q![i]!, 0);
    expect(cosine).toBeGreaterThan(0.99);
  });

  it('truncates at 512 tokens: text beyond the limit does not change the vector', async () => {
    const model = await open(ENCODER, 'fp32');
    const words = Array.from({ length: 600 }, (_, i) => ['impôts', 'élus', 'services', 'publics', 'honte'][i % 5]).join(' ');
    expect(model.tokenLength(words)).toBe(512);
    // The cut keeps the end token, as Hugging Face's tokenizers library does (the model was trained so); transformers.js's
    // own truncation cuts it off: the first 511 ids agree with it, the last is the end token.
    const tokenizer = await AutoTokenizer.from_pretrained(ENCODER);
    const reference = Array.from((tokenizer(words, { truncation: true, max_length: 512 }).input_ids as Tensor).data as BigInt64Array, Number);
    const ids = model.tokenIds(words);
    expect(ids.slice(0, 511)).toEqual(reference.slice(0, 511));
    expect(ids[511]).toBe(model.tokenIds(SHORT).at(-1));
    const [a, b] = await model.embed([words, `${words} et encore bien plus de colère contre le gouvernement`]);
    expect(maxDiff(a!, b!)).toBe(0);
  });

  it('stops between batches when cancelled', async () => {
    const model = await open(ENCODER, 'q8');
    const controller = new AbortController();
    const texts = Array.from({ length: 6 }, (_, i) => `${SHORT} ${i}`);
    const seen: number[] = [];
    const run = model.embed(texts, {
      batchSize: 2,
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/annulé/);
    expect(seen).toEqual([2]);
  });
});

describe('sequence classifier', () => {
  it('maps its labels to dissident and gives different verdicts', async () => {
    const model = await open(CLASSIFIER, 'fp32');
    expect(model.info.labels).toEqual(['non dissident', 'dissident']);
    expect(model.info.dissidentIndex).toBe(1);
    const p = await model.classify(['Merci pour ce débat.', 'Les services publics fonctionnent bien dans ma commune.', SHORT, LONG]);
    expect(p.every((x) => x > 0 && x < 1)).toBe(true);
    expect(Math.max(...p) - Math.min(...p)).toBeGreaterThan(0.2);
    await expect(model.embed([SHORT])).rejects.toThrow(/classifieur/);
  });
});

describe('broken model folders', () => {
  const dirs: string[] = [];
  const copy = (from: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'broken-model-'));
    dirs.push(dir);
    cpSync(from, dir, { recursive: true });
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('names the missing files', async () => {
    const dir = copy(ENCODER);
    unlinkSync(join(dir, 'tokenizer.json'));
    unlinkSync(join(dir, 'onnx/model_quantized.onnx'));
    await expect(loadModelFolder(dir, { dtype: 'q8' })).rejects.toThrow('Dossier de modèle refusé : fichiers manquants : tokenizer.json, onnx/model_quantized.onnx.');
  });

  it('refuses a config without model type, a classifier with other labels, and a graph that is not ONNX', async () => {
    const noType = copy(ENCODER);
    writeFileSync(join(noType, 'config.json'), JSON.stringify({ hidden_size: 32 }));
    await expect(loadModelFolder(noType, { dtype: 'fp32' })).rejects.toThrow(/model_type/);

    const otherLabels = copy(CLASSIFIER);
    const config = { model_type: 'camembert', hidden_size: 32, architectures: ['CamembertForSequenceClassification'], id2label: { 0: 'Negative', 1: 'Positive' } };
    writeFileSync(join(otherLabels, 'config.json'), JSON.stringify(config));
    await expect(loadModelFolder(otherLabels, { dtype: 'fp32' })).rejects.toThrow(/Negative, Positive.*dissident/);

    const notOnnx = copy(ENCODER);
    writeFileSync(join(notOnnx, 'onnx/model.onnx'), 'pas un modèle');
    await expect(loadModelFolder(notOnnx, { dtype: 'fp32' })).rejects.toThrow(/Dossier de modèle refusé : le graphe ONNX \(fp32\) ne se charge pas/);
  });

  it('refuses an encoder whose graph lacks last_hidden_state (a classifier graph under an encoder config)', async () => {
    const dir = copy(ENCODER);
    cpSync(join(CLASSIFIER, 'onnx/model.onnx'), join(dir, 'onnx/model.onnx'));
    await expect(loadModelFolder(dir, { dtype: 'fp32' })).rejects.toThrow(/ne donne pas « last_hidden_state »/);
  });
});

describe('loaded models', () => {
  it('keeps one model per task and disposes it when the model changes', async () => {
    const loaded = new LoadedModels((id, options) => loadModelFolder(id, options));
    const a = await loaded.get('embed', ENCODER, { dtype: 'q8' });
    expect(await loaded.get('embed', ENCODER, { dtype: 'q8' })).toBe(a);
    const b = await loaded.get('embed', ENCODER, { dtype: 'fp32' });
    expect(b).not.toBe(a);
    // The first one's session was released: using it now fails.
    await expect(a.embed([SHORT])).rejects.toThrow();
    await loaded.disposeAll();
  });
});
