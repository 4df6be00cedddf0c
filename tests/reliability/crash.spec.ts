// A tab reloaded or closed in the middle of an import, a training run or a corpus scoring run: the database stays
// consistent (every stored row accounted for, none twice, none orphaned), the interrupted import is shown as such and
// can be resumed or removed, a training run leaves no half model, and a scoring run resumes where it stopped.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generate } from '../../scripts/gen-grand-debat-csv';
import { CorpusPage } from '../e2e/pages/CorpusPage';
import { DataPage } from '../e2e/pages/DataPage';
import { ModelsPage } from '../e2e/pages/ModelsPage';
import { countRows, inconsistencies, readFacts } from './helpers/idb';

const TMP = mkdtempSync(join(tmpdir(), 'dissidentia-crash-'));

/** A synthetic Grand Débat file large enough to be caught mid-import on any machine; one per test. */
function bigFile(answers: number, name: string): string {
  const path = join(TMP, `${name}.csv`);
  writeFileSync(path, [...generate({ answers, seed: 7, malformed: 0 })].join(''));
  return path;
}

/** Starts an import and returns once a first batch of answers is committed (read in the tables, not the progress). */
async function startImport(page: Page, path: string): Promise<DataPage> {
  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview(path);
  await data.importButton.click();
  await expect.poll(() => countRows(page, 'answers'), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
  return data;
}

test('an import cut by a reload is shown interrupted, consistent, and resumes to the full file with no row twice', async ({ page }) => {
  // The shared 2-core machine imports under 100 answers/s when loaded: 4,000 answers, and room for both halves.
  test.setTimeout(420_000);
  const path = bigFile(4_000, 'reload-import');
  await startImport(page, path);
  await page.reload();

  const data = new DataPage(page);
  await expect(data.interrupted).toContainText('Import interrompu');
  // The browser cannot reopen a file by itself: the card says the file must be chosen again.
  await expect(data.interrupted).toContainText('ne peut pas rouvrir le fichier');
  const cut = await readFacts(page);
  expect(inconsistencies(cut)).toEqual([]);
  const [stopped] = cut.datasets;
  expect(stopped!.status).toBe('importing');
  expect(stopped!.answers).toBeGreaterThan(0);
  expect(stopped!.answers).toBeLessThan(4_000);

  await data.interrupted.getByTestId('csv-input').setInputFiles(path);
  await expect(data.importButton).toHaveText('Reprendre l’import');
  await data.importButton.click();
  await expect(data.report).toContainText('Import repris après une interruption.', { timeout: 300_000 });
  const done = await readFacts(page);
  expect(inconsistencies(done)).toEqual([]);
  // The whole file is there once: its report's non-empty answers and its sentences, each stored answer once.
  const figure = async (name: 'answers' | 'empty' | 'sentences') => Number((await data.reportValue(name).textContent())!.replace(/\D/g, ''));
  expect(await figure('answers')).toBe(4_000);
  expect(done.datasets.map((d) => [d.status, d.answers, d.sentences])).toEqual([['ready', 4_000 - (await figure('empty')), await figure('sentences')]]);
});

test('an import cut by a closed tab can be removed from a new tab: nothing of it stays', async ({ page, context }, info) => {
  test.setTimeout(180_000);
  await startImport(page, bigFile(4_000, 'closed-import'));
  await page.close();

  const again = await context.newPage();
  const data = new DataPage(again);
  await data.open();
  await expect(data.interrupted).toContainText('Import interrompu');
  await expect(data.interrupted.getByTestId('interrupted-file')).toHaveText('Fichier d’origine : closed-import.csv');
  expect(inconsistencies(await readFacts(again))).toEqual([]);
  // The interrupted state on a phone and a laptop: it fits, and the screenshots are kept with the results.
  for (const [name, width, height] of [['phone', 390, 844], ['laptop', 1280, 800]] as const) {
    await again.setViewportSize({ width, height });
    await again.screenshot({ path: info.outputPath(`interrupted-import-${name}.png`), fullPage: true });
    expect(await again.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  }
  await data.interrupted.getByRole('button', { name: 'Supprimer l’import interrompu' }).click();
  await expect(data.interrupted).toHaveCount(0);
  // The card goes as soon as the dataset is marked cancelled; its rows, then the dataset row, follow.
  await expect.poll(async () => (await readFacts(again)).datasets, { timeout: 60_000 }).toEqual([]);
  expect((await readFacts(again)).orphanAnswers).toBe(0);
});

test('a training run cut by a reload leaves no half model, and the next run stores exactly one', async ({ page }) => {
  test.setTimeout(240_000);
  const models = new ModelsPage(page);
  await models.open();
  const before = (await readFacts(page)).models.length;
  // The full grid search: long enough to be cut while it runs.
  await models.train({ name: 'coupé', search: 'Grille complète' });
  await expect(models.trainProgress).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Modèles' })).toBeVisible();
  await expect(models.trainProgress).toHaveCount(0);
  expect((await readFacts(page)).models.filter((m) => m.name === 'coupé')).toEqual([]);
  await expect(models.row('coupé')).toHaveCount(0);

  await models.train({ name: 'entier', holdout: false });
  await expect(models.row('entier')).toHaveCount(1, { timeout: 120_000 });
  const after = await readFacts(page);
  expect(after.models.length).toBe(before + 1);
  expect(after.models.filter((m) => m.name === 'coupé')).toEqual([]);
});

test('a corpus scoring run cut by a reload resumes by itself and scores every sentence once', async ({ page }) => {
  test.setTimeout(300_000);
  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview(bigFile(3_000, 'scoring'));
  await data.importAndWait();

  const corpus = new CorpusPage(page);
  await corpus.open();
  await corpus.chooseDataset('scoring');
  await corpus.run.getByRole('button', { name: 'Évaluer le corpus' }).click();
  // Cut once some batches are stored, well before the end.
  await expect.poll(async () => (await readFacts(page)).scoreRuns[0]?.answersDone ?? 0, { timeout: 120_000, intervals: [100] }).toBeGreaterThan(0);
  await page.reload();
  const cut = await readFacts(page);
  const [run] = cut.scoreRuns;
  // Consistent at the cut: every answer the run says is done has its scores (the page, reopened, may already add more).
  const datasetId = cut.datasets[0]!.id;
  expect(cut.scores[datasetId]?.rows ?? 0).toBeGreaterThanOrEqual(run!.answersDone);

  await expect(corpus.status).toContainText('Corpus évalué par', { timeout: 180_000 });
  const done = await readFacts(page);
  const [finished] = done.scoreRuns;
  expect(finished!.status).toBe('done');
  expect(finished!.sentencesDone).toBe(finished!.sentences);
  expect(done.scores[datasetId]).toEqual({ rows: finished!.answers, sentences: finished!.sentences });
});
