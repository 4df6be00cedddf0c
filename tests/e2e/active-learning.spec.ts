// Active learning in Annoter: the « plus utiles d'abord » queue waits for labels of both classes, retrains every N
// labels in the model worker, and reorders what lies ahead while the sentence on screen stays where it was.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { DemoCorpus } from '../../src/lib/demo/corpus';
import { AnnotatePage } from './pages/AnnotatePage';
import { DataPage } from './pages/DataPage';

// A dataset without any label (the demo one comes with reference labels): 60 answers of the demo corpus, no labels.
const demoCorpus = JSON.parse(readFileSync(new URL('../../src/lib/demo/corpus.json', import.meta.url), 'utf8')) as DemoCorpus;
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const CSV = ['id,reponse', ...demoCorpus.answers.slice(0, 60).map((a, i) => `q${i + 1},${quote(a.text)}`)].join('\n');

/** Imports the unlabelled file through Données, then opens Annoter as Alice on it; returns the queue's length. */
async function startOnUnlabelled(page: Page): Promise<AnnotatePage> {
  const data = new DataPage(page);
  await data.open();
  await data.fileInput.setInputFiles({ name: 'sans-etiquettes.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(data.config).toBeVisible();
  await data.importAndWait();
  const annotate = new AnnotatePage(page);
  await annotate.startAs('Alice');
  return annotate;
}

const currentId = async (annotate: AnnotatePage) => (await annotate.sentenceCard.getAttribute('data-sentence-id'))!;

/** The ids of the next `count` sentences from the current one, moving with → and back with ←. */
async function peekAhead(annotate: AnnotatePage, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await currentId(annotate));
    await annotate.press('ArrowRight');
  }
  for (let i = 0; i < count; i++) await annotate.press('ArrowLeft');
  return ids;
}

async function shoot(page: Page, path: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.getByTestId('active-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path, fullPage: true });
}

test('the « plus utiles d’abord » queue changes after a retrain and the annotator keeps their place', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const annotate = await startOnUnlabelled(page);
  const total = await annotate.selectDataset('sans-etiquettes');
  await page.getByRole('combobox', { name: 'File' }).selectOption('active');
  const status = page.getByTestId('active-status');
  // No labels yet: no model, the seeded order meanwhile.
  await expect(status).toContainText('Il faut au moins 2 phrases de chaque classe');
  await annotate.expectPosition(1, total);
  const every = page.getByRole('spinbutton', { name: 'Réentraîner toutes les' });
  await every.fill('4');
  await every.press('Tab');
  await expect(status).toContainText('Prochain réentraînement dans 4 étiquettes');

  const before = await peekAhead(annotate, 8);
  await annotate.expectPosition(1, total);
  // Two of each class: the fourth label starts the retrain.
  await annotate.press('1', '2', '1', '2');
  await annotate.expectPosition(5, total);
  await expect(status).toHaveAttribute('data-generation', '1');
  await expect(status).toContainText('Modèle n° 1 entraîné sur 4 étiquettes (2 dissidentes)');
  // The place is kept: the fifth sentence is still on screen, as fifth of the same total.
  await annotate.expectPosition(5, total);
  expect(await currentId(annotate)).toBe(before[4]);
  await expect(page.getByTestId('active-probability')).toContainText(/Probabilité du modèle pour cette phrase\s: 0,\d\d \(seuil 0,50\)/);
  // What lies ahead was reordered by the model.
  const after = await peekAhead(annotate, 4);
  expect(after[0]).toBe(before[4]);
  expect(after.slice(1)).not.toEqual(before.slice(5, 8));
  // Going back shows the labelled sentences, in their places.
  await annotate.press('ArrowLeft');
  await annotate.expectPosition(4, total);
  expect(await currentId(annotate)).toBe(before[3]);
  await annotate.press('ArrowRight');

  await shoot(page, testInfo.outputPath('active-1280.png'), 1280, 800);
  await shoot(page, testInfo.outputPath('active-390.png'), 390, 844);
  // Four more labels: a second model, the place kept again.
  await page.setViewportSize({ width: 1280, height: 800 });
  const fifth = await currentId(annotate);
  await annotate.press('2', '2', '1', '2');
  await expect(status).toHaveAttribute('data-generation', '2');
  await annotate.expectPosition(9, total);
  await annotate.press('ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft');
  expect(await currentId(annotate)).toBe(fifth);
});

test('a retrain interval that is not a whole number is refused in French and the setting kept', async ({ page }) => {
  // The demo dataset holds about 400 reference labels: the queue is ranked by a model trained on them first.
  test.setTimeout(120_000);
  const annotate = new AnnotatePage(page);
  await annotate.startAs('Alice');
  await page.getByRole('combobox', { name: 'File' }).selectOption('active');
  const every = page.getByRole('spinbutton', { name: 'Réentraîner toutes les' });
  await expect(every).toHaveValue('20');
  await every.fill('0');
  await every.press('Tab');
  await expect(page.getByRole('alert')).toContainText('Indiquez un nombre entier entre 1 et 10 000.');
  await page.reload();
  await expect(page.getByRole('spinbutton', { name: 'Réentraîner toutes les' })).toHaveValue('20');
});
