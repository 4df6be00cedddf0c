// Tests: the train, evaluate and predict commands on a temporary CSV of team-written sentences.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureStdout } from './capture-stdout';
import { fixtureSet } from '../lib/core/ml/fixture-sentences';
import { run as evaluate } from './commands/evaluate';
import { run as predict } from './commands/predict';
import { run as train } from './commands/train';

const dir = mkdtempSync(join(tmpdir(), 'dissidentia-cli-'));
const csv = join(dir, 'labelled.csv');
const modelPath = join(dir, 'model.json');
const { texts, labels } = fixtureSet();
writeFileSync(
  csv,
  Papa.unparse([
    ...texts.map((phrase, i) => ({ phrase, gold: labels[i] ? 'dissident' : 'non dissident' })),
    { phrase: 'Je ne sais pas trop.', gold: 'inclassable' },
  ]),
);
const LABELS = ['--text', 'phrase', '--label', 'gold', '--positive', 'dissident', '--exclude', 'inclassable'];

const capture = captureStdout;

afterEach(() => vi.restoreAllMocks());

describe('headless commands', () => {
  it('train writes the model and prints {model, trainSeconds, cv: {auc, f1}}', async () => {
    const out = JSON.parse(await capture(train, [csv, ...LABELS, '--out', modelPath, '--folds', '3', '--no-learning-curve', '--json']));
    expect(out).toMatchObject({ model: modelPath, kind: 'baseline', trainedOn: { n: 50, positives: 25, excluded: 1 } });
    expect(out.trainSeconds).toBeGreaterThan(0);
    expect(out.cv.auc).toBeGreaterThan(0.8);
    expect(out.cv.f1).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(modelPath, 'utf8')).format).toBe('dissidentia-baseline');
  });

  it('--char-across-words trains character n-grams across word bounds and records it', async () => {
    const across = join(dir, 'across.json');
    const out = JSON.parse(await capture(train, [csv, ...LABELS, '--out', across, '--folds', '3', '--no-learning-curve', '--search', 'none', '--char-across-words', '--json']));
    expect(out.features.charAcrossWords).toBe(true);
    const saved = JSON.parse(readFileSync(across, 'utf8'));
    expect(saved.blocks.find((b: { kind: string }) => b.kind === 'char').vocabulary).toContain('s d');
  });

  it('evaluate prints {n, auc, averagePrecision, f1, precision, recall, accuracy, threshold}', async () => {
    const out = JSON.parse(await capture(evaluate, [modelPath, csv, ...LABELS, '--json']));
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['n', 'auc', 'averagePrecision', 'f1', 'precision', 'recall', 'accuracy', 'threshold']));
    expect(out.n).toBe(50);
    expect(out.auc).toBeGreaterThan(0.9); // its own training sentences
  });

  it('predict splits the text and prints [{sentence, label, probability}]', async () => {
    const out = JSON.parse(await capture(predict, [modelPath, 'Tous des pourris, démission ! Merci aux agents de la mairie.', '--json']));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ sentence: 'Tous des pourris, démission !', label: 'dissident' });
    expect(out[0].probability).toBeGreaterThan(out[1].probability);
  });

  it('prints a readable summary without --json', async () => {
    expect(await capture(predict, [modelPath, 'Merci aux agents.'])).toMatch(/%/);
  });

  it('bad input gives French errors', async () => {
    await expect(train([csv, '--text', 'texte', '--label', 'gold', '--positive', 'dissident', '--out', modelPath])).rejects.toThrow(/Colonne « texte » absente/);
    await expect(train([csv, ...LABELS])).rejects.toThrow(/Option obligatoire manquante : --out/);
    await expect(train([csv, ...LABELS, '--out', modelPath, '--imbalance', 'x'])).rejects.toThrow(/--imbalance attend/);
    await expect(train([csv, '--text', 'phrase', '--label', 'gold', '--positive', 'oui', '--out', modelPath])).rejects.toThrow(/Aucune ligne avec l’étiquette positive/);
    await expect(predict([join(dir, 'absent.json'), 'x'])).rejects.toThrow(/Modèle introuvable/);
    await expect(evaluate([modelPath])).rejects.toThrow(/Argument manquant/);
    await expect(train(['--inconnue'])).rejects.toThrow(/Option incorrecte/);
  });
});
