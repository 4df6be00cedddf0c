// Tests: the explain and score commands on a model trained on team-written sentences (contract keys, errors).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureStdout } from './capture-stdout';
import { fixtureSet } from '../lib/core/ml/fixture-sentences';
import { predictProba, serialiseModel, trainBaseline } from '../lib/core/ml/model';
import { run as explain } from './commands/explain';
import { run as score, SCORE_HEADER } from './commands/score';

const dir = mkdtempSync(join(tmpdir(), 'dissidentia-explain-'));
const modelPath = join(dir, 'model.json');
const { texts, labels } = fixtureSet();
const model = await trainBaseline(texts, labels, { search: 'none', folds: 3, learningCurve: null });
writeFileSync(modelPath, serialiseModel(model));
const TEXT = 'Tous des pourris, démission ! Merci aux agents de la mairie.';

const capture = captureStdout;

afterEach(() => vi.restoreAllMocks());

describe('explain', () => {
  it('prints [{sentence, probability, words: [{word, weight}]}] with LIME by default, strongest words first', async () => {
    const out = JSON.parse(await capture(explain, [modelPath, TEXT, '--samples', '200', '--seed', '3', '--json']));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ sentence: 'Tous des pourris, démission !', method: 'lime', samples: 200, seed: 3, label: 'dissident' });
    const [p0, p1] = predictProba(model, [out[0].sentence, out[1].sentence]);
    expect(out[0].probability).toBeCloseTo(p0, 12);
    expect(out[1].probability).toBeCloseTo(p1, 12);
    const weights = out[0].words.map((w: { weight: number }) => Math.abs(w.weight));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(out[0].words[0]).toEqual({ word: expect.any(String), weight: expect.any(Number), start: expect.any(Number), end: expect.any(Number) });
  });

  it('--method exact gives log-odds shares that sum with the intercept to the logit; --top limits the words', async () => {
    const [all] = JSON.parse(await capture(explain, [modelPath, 'Tous des pourris, démission !', '--method', 'exact', '--top', '100', '--json']));
    const sum = all.intercept + all.words.reduce((a: number, w: { weight: number }) => a + w.weight, 0);
    expect(sum).toBeCloseTo(all.logit, 10);
    const [few] = JSON.parse(await capture(explain, [modelPath, 'Tous des pourris, démission !', '--method', 'exact', '--top', '2', '--json']));
    expect(few.words).toEqual(all.words.slice(0, 2));
  });

  it('is reproducible with a seed', async () => {
    const argv = [modelPath, TEXT, '--samples', '100', '--seed', '9', '--json'];
    expect(await capture(explain, argv)).toBe(await capture(explain, argv));
  });

  it('refuses a bad method, a bad sample count and an empty text in French', async () => {
    await expect(explain([modelPath, TEXT, '--method', 'shap'])).rejects.toThrow(/--method attend « lime » ou « exact »/);
    await expect(explain([modelPath, TEXT, '--samples', 'beaucoup'])).rejects.toThrow(/--samples attend un entier/);
    await expect(explain([modelPath, '   '])).rejects.toThrow(/Texte vide/);
  });
});

describe('score', () => {
  const answers = join(dir, 'answers.csv');
  writeFileSync(answers, Papa.unparse([
    { id: 'r1', reponse: 'Tous des pourris, démission ! Merci aux agents de la mairie.' },
    { id: 'r2', reponse: '' },
    { id: 'r3', reponse: 'Il faudrait simplifier les formulaires en ligne.' },
  ]));

  it('prints {answers, sentences, seconds, out} and writes one scored row per sentence', async () => {
    const out = join(dir, 'scores.csv');
    const result = JSON.parse(await capture(score, [modelPath, answers, '--out', out, '--json']));
    expect(result).toMatchObject({ answers: 3, sentences: 3, out, emptyAnswers: 1, column: 'reponse', idColumn: 'id' });
    expect(result.seconds).toBeGreaterThan(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual(SCORE_HEADER);
    expect(rows.data.map((r) => [r.answer_id, r.sentence_index, r.sentence])).toEqual([
      ['r1', '0', 'Tous des pourris, démission !'],
      ['r1', '1', 'Merci aux agents de la mairie.'],
      ['r3', '0', 'Il faudrait simplifier les formulaires en ligne.'],
    ]);
    const expected = predictProba(model, rows.data.map((r) => r.sentence));
    rows.data.forEach((r, i) => {
      expect(Number(r.probability)).toBeCloseTo(expected[i], 5);
      expect(r.label).toBe(expected[i] >= model.threshold ? 'dissident' : 'non dissident');
    });
  });

  it('reads standard input and writes the scores on standard output with "-"', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'score', modelPath, '-', '--out', '-'], { input: readFileSync(answers), encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(SCORE_HEADER.join(','));
    expect(run.stdout.trim().split('\n')).toHaveLength(4);
    expect(run.stderr).toMatch(/3 phrases de 3 réponses/);
  });

  it('refuses a missing file, a missing --out and an unknown column in French', async () => {
    await expect(score([modelPath, join(dir, 'absent.csv'), '--out', join(dir, 'x.csv')])).rejects.toThrow(/Fichier introuvable/);
    await expect(score([modelPath, answers])).rejects.toThrow(/Option obligatoire manquante : --out/);
    await expect(score([modelPath, answers, '--out', join(dir, 'y.csv'), '--column', 'texte'])).rejects.toThrow(/Colonne de texte introuvable/);
  });
});
