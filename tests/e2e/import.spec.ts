// Import of CSV files on the Données screen: preview and preset, report, overview filters, re-import,
// bad input, cancel (rolled back), a closed tab (resumable), phone and laptop screenshots.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generate } from '../../scripts/gen-grand-debat-csv';
import { DataPage } from './pages/DataPage';

const FIXTURES = 'tests/fixtures/import';
const TMP = join(tmpdir(), 'dissidentia-e2e-import');
mkdirSync(TMP, { recursive: true });

/** A synthetic Grand Débat file big enough to be caught mid-import; one per test, as tests run in parallel. */
function bigFile(answers: number, name: string): string {
  const path = join(TMP, `grand-debat-${answers}-${name}.csv`);
  writeFileSync(path, [...generate({ answers, seed: 5, malformed: 3 })].join(''));
  return path;
}

test('imports the Grand Débat file: preset, privacy, report with malformed lines, overview filters, no re-import', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await expect(page.getByTestId('privacy-note')).toContainText('Rien ne quitte cet appareil');
  await data.chooseAndPreview(`${FIXTURES}/grand-debat-mini.csv`);
  await expect(data.config.getByTestId('preset')).toBeVisible();
  await expect(data.config.getByTestId('text-column').locator('option:checked')).toContainText('Que pensez-vous de l\'organisation de l\'Etat');
  await expect(data.config.getByTestId('detected')).toContainText('UTF-8');
  // Identifying columns are not kept unless ticked.
  await data.config.getByText(/Autres colonnes conservées/).click();
  await expect(data.config.getByRole('checkbox', { name: /authorZipCode/ })).not.toBeChecked();
  await expect(data.config.getByRole('checkbox', { name: /authorId/ })).not.toBeChecked();
  await expect(data.config.getByRole('checkbox', { name: /createdAt/ })).toBeChecked();

  await data.importAndWait();
  await expect(data.reportValue('answers')).toHaveText('10');
  await expect(data.reportValue('malformed')).toHaveText('2');
  await expect(data.reportValue('encoding')).toHaveText('UTF-8 (BOM)');
  await expect(data.reportValue('delimiter')).toHaveText('virgule');
  // The question as a user reads it, without the export's « UXVlc3Rpb246MTY3 - » id.
  await expect(data.reportValue('column')).toHaveText(/^Que pensez-vous de l'organisation/);
  await data.report.getByText(/Enregistrements mal formés \(mis de côté\) :/).click();
  await expect(data.report.getByTestId('malformed-list').getByRole('listitem')).toHaveCount(2);
  await expect(data.report.getByTestId('malformed-list')).toContainText('Ligne 8 — trop de champs');

  await expect(data.datasets.getByRole('listitem')).toHaveCount(1);
  await expect(data.overview).toContainText('Longueur des réponses');
  const kept = data.overview.getByTestId('kept-sentences');
  const before = await kept.textContent();
  await data.overview.getByTestId('exclude-long').check();
  await expect(data.overview.getByTestId('exclude-long')).toBeChecked();
  await expect(kept).toHaveText(/Phrases proposées à l’annotation/);
  expect(before).toMatch(/sur/);

  // The report stays with the dataset: after a reload its malformed lines can still be looked up.
  await page.reload();
  await data.overview.getByText('Rapport d’import (2 enregistrements mal formés)').click();
  const stored = data.overview.getByTestId('stored-import-report');
  await stored.getByText(/Enregistrements mal formés \(mis de côté\) :/).click();
  await expect(stored.getByTestId('malformed-list')).toContainText('Ligne 8 — trop de champs');

  // The same file again adds nothing.
  await data.chooseAndPreview(`${FIXTURES}/grand-debat-mini.csv`);
  await data.importButton.click();
  await expect(page.getByTestId('already-imported')).toContainText('déjà été importé');
  await expect(data.datasets.getByRole('listitem')).toHaveCount(1);
});

test('reads a Windows-1252 file with semicolons and a "Q169 - …" header', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview(`${FIXTURES}/q169-semicolon-cp1252.csv`);
  await expect(data.config.getByTestId('detected')).toContainText('WINDOWS-1252');
  await expect(data.config.getByTestId('text-column').locator('option:checked')).toContainText('Que pensez-vous');
  await expect(data.config.getByTestId('preview-table')).toContainText('L\'État est trop loin.');
  await data.importAndWait();
  await expect(data.reportValue('delimiter')).toHaveText('point-virgule');
  await expect(data.reportValue('sentences')).toHaveText('4');
  await expect(data.reportValue('empty')).toHaveText('1');
});

test('bad input gets a French message and leaves stored datasets intact', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview(`${FIXTURES}/generic.tsv`);
  await data.importAndWait();
  await expect(data.datasets.getByRole('listitem')).toHaveCount(1);
  const cases: [string, string | Buffer, RegExp][] = [
    ['vide.csv', '', /Le fichier est vide/],
    ['binaire.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), /données binaires/],
    ['une-colonne.csv', 'texte\nbonjour\nau revoir\n', /Une seule colonne/],
    ['sans-en-tete.csv', '1,2019-01-22\n2,2019-01-23\n', /ligne d’en-tête/],
    ['melange.csv', Buffer.concat([Buffer.from('id,texte\n1,été\n2,'), Buffer.from([0xe9, 0x74, 0xe9, 0x0a])]), /Encodage invalide/],
  ];
  for (const [name, content, message] of cases) {
    const path = join(TMP, name);
    writeFileSync(path, content);
    await data.choose(path);
    await expect(data.error).toContainText(message);
  }
  await expect(data.datasets.getByRole('listitem')).toHaveCount(1);
});

test('cancelling mid-import rolls everything back and says so', async ({ page }) => {
  test.setTimeout(120_000);
  const path = bigFile(8_000, 'cancel');
  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview(path);
  await data.importButton.click();
  await expect(data.progress).toBeVisible();
  await expect(data.progress.getByTestId('progress-answers')).not.toHaveText('0');
  await data.progress.getByRole('button', { name: 'Annuler l’import' }).click();
  // The write in flight finishes before the rollback deletes it: allow for a slow disk.
  await expect(page.getByTestId('import-cancelled')).toContainText('tout ce qui avait été enregistré a été supprimé', { timeout: 60_000 });
  await expect(page.getByText('Aucun jeu de données pour l’instant.')).toBeVisible();
  await expect(data.interrupted).toHaveCount(0);
});

test('a tab closed mid-import leaves a resumable import, hidden until resumed', async ({ page, context }) => {
  test.setTimeout(180_000);
  const path = bigFile(8_000, 'closed-tab');
  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview(path);
  await data.importButton.click();
  await expect(data.progress.getByTestId('progress-answers')).not.toHaveText('0');
  await page.close();

  const again = await context.newPage();
  const resumed = new DataPage(again);
  await resumed.open();
  await expect(resumed.interrupted).toContainText('Import interrompu');
  await expect(again.getByText('Aucun jeu de données pour l’instant.')).toBeVisible();
  await resumed.interrupted.getByTestId('csv-input').setInputFiles(path);
  await expect(resumed.importButton).toHaveText('Reprendre l’import');
  await resumed.importAndWait();
  await expect(resumed.report).toContainText('Import repris après une interruption.');
  await expect(resumed.interrupted).toHaveCount(0);
  await expect(resumed.datasets.getByRole('listitem')).toHaveCount(1);
});

for (const [name, width, height] of [['phone', 390, 844], ['laptop', 1280, 800]] as const) {
  test(`the import screen fits a ${name} (${width}×${height})`, async ({ page }, info) => {
    await page.setViewportSize({ width, height });
    const data = new DataPage(page);
    await data.open();
    await data.chooseAndPreview(`${FIXTURES}/grand-debat-mini.csv`);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.screenshot({ path: info.outputPath(`config-${name}.png`), fullPage: true });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await data.importAndWait();
    await page.screenshot({ path: info.outputPath(`report-${name}.png`), fullPage: true });
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
}
