// Tests: embed, train --model transfer:<dir>, predict, explain and evaluate with transfer models and a fine-tuned
// classifier folder, through the real transformers.js path on the generated tiny CamemBERT models.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureStdout } from './capture-stdout';
import { FIXTURE_MODELS_DIR, TINY_CLASSIFIER, TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { fixtureSet } from '../lib/core/ml/fixture-sentences';
import { run as embed } from './commands/embed';
import { run as evaluate } from './commands/evaluate';
import { run as explain } from './commands/explain';
import { run as predict } from './commands/predict';
import { run as train } from './commands/train';

const ENCODER = join(FIXTURE_MODELS_DIR, TINY_ENCODER);
const CLASSIFIER = join(FIXTURE_MODELS_DIR, TINY_CLASSIFIER);
const dir = mkdtempSync(join(tmpdir(), 'dissidentia-transfer-'));
const csv = join(dir, 'labelled.csv');
const modelPath = join(dir, 'transfer.json');
// The tiny model's weights are random, so its vectors carry no meaning; but a word present in every sentence of a
// class shifts their mean-pooled vectors alike, which the head must find. Same sentences, one word differs.
const { texts } = fixtureSet();
const rows = texts.flatMap((t) => [
  { phrase: `Quelle honte : ${t}`, gold: 'dissident' },
  { phrase: `Merci bien : ${t}`, gold: 'non dissident' },
]);
writeFileSync(csv, Papa.unparse(rows));
const LABELS = ['--text', 'phrase', '--label', 'gold', '--positive', 'dissident'];

const capture = captureStdout;
afterEach(() => vi.restoreAllMocks());

describe('transformer commands', () => {
  it('embed prints {dims, vector} with a unit vector', async () => {
    const out = JSON.parse(await capture(embed, [ENCODER, 'Les impôts sont trop élevés.', '--json']));
    expect(out.dims).toBe(32);
    expect(out.vector).toHaveLength(32);
    expect(Math.hypot(...(out.vector as number[]))).toBeCloseTo(1, 5);
  });

  it('train --model transfer: writes a transfer model, and predict and evaluate use it', async () => {
    const out = JSON.parse(await capture(train, [csv, ...LABELS, '--model', `transfer:${ENCODER}`, '--folds', '3', '--out', modelPath, '--json']));
    expect(out).toMatchObject({ model: modelPath, kind: 'transfer', trainedOn: { n: 100, positives: 50 }, encoder: { name: TINY_ENCODER, hiddenSize: 32, dtype: 'q8' } });
    expect(out.trainSeconds).toBeGreaterThan(0);
    // Chance would give 0.5 ± 0.06 on 100 sentences.
    expect(out.cv.auc).toBeGreaterThan(0.8);
    expect(out.cv.f1).toBeGreaterThan(0.7);

    const verdicts = JSON.parse(await capture(predict, [modelPath, 'C’est une honte ! Merci pour ce débat.', '--json']));
    expect(verdicts).toHaveLength(2);
    for (const v of verdicts) {
      expect(['dissident', 'non dissident']).toContain(v.label);
      expect(v.probability).toBeGreaterThan(0);
      expect(v.probability).toBeLessThan(1);
    }
    const scores = JSON.parse(await capture(evaluate, [modelPath, csv, ...LABELS, '--json']));
    expect(scores.n).toBe(100);
    expect(scores.auc).toBeGreaterThan(0.85);
  });

  it('predict uses a fine-tuned classifier folder directly', async () => {
    const verdicts = JSON.parse(await capture(predict, [CLASSIFIER, 'Merci pour ce débat. Arrêtez de voler le peuple, voleurs ! Les élus se moquent de nous, c’est une honte !', '--json']));
    expect(verdicts).toHaveLength(3);
    expect(new Set(verdicts.map((v: { label: string }) => v.label)).size).toBe(2);
  });

  it('explain gives LIME words for a fine-tuned classifier folder, at the probability predict gives, and refuses exact', async () => {
    const text = 'Merci pour ce débat. Arrêtez de voler le peuple, voleurs !';
    const verdicts = JSON.parse(await capture(predict, [CLASSIFIER, text, '--json'])) as { probability: number }[];
    const explained = JSON.parse(await capture(explain, [CLASSIFIER, text, '--samples', '60', '--top', '3', '--json'])) as { sentence: string; probability: number; words: { word: string; weight: number }[]; method: string }[];
    expect(explained.map((e) => e.sentence)).toEqual(['Merci pour ce débat.', 'Arrêtez de voler le peuple, voleurs !']);
    explained.forEach((e, i) => {
      expect(e.method).toBe('lime');
      // q8 in both, but batched with other texts (padding): the same within q8's tolerance, not to the bit.
      expect(Math.abs(e.probability - verdicts[i]!.probability)).toBeLessThan(0.05);
      expect(e.words).toHaveLength(3);
    });
    await expect(capture(explain, [CLASSIFIER, text, '--method', 'exact'])).rejects.toThrow(/utilisez --method lime/);
  });

  it('refuses an encoder folder for predict and a classifier folder for transfer, in French', async () => {
    await expect(capture(predict, [ENCODER, 'Bonjour.'])).rejects.toThrow(/modèle d’encodage, pas un classifieur/);
    await expect(capture(train, [csv, ...LABELS, '--model', `transfer:${CLASSIFIER}`, '--out', join(dir, 'x.json')])).rejects.toThrow(/est un classifieur/);
  });
});
