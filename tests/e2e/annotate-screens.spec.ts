// Annoter at phone and laptop widths: screenshots for review, big touch targets on phones, and the shared dev file
// imported through the column mapping (skipped without it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/AnnotatePage';

const devCsv = path.resolve(process.cwd(), '../shared/data/dissidentia-dev.csv');
const SIZES = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 800 } };

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`screenshots of Annoter on a ${size}`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const annotate = new AnnotatePage(page);
    await annotate.open();
    await annotate.createAnnotator('Alice');
    await annotate.press('1');
    await expect(annotate.sentenceCard).toBeVisible();
    const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`annotate-${name}-${size}.png`), fullPage: size === 'laptop' && name !== 'help' });
    await shot('label');
    if (size === 'phone') {
      await page.getByRole('group', { name: 'Étiquettes' }).scrollIntoViewIfNeeded();
      await shot('label-buttons');
    }
    if (size === 'phone') {
      // Touch targets of at least 44 px on a phone.
      for (const button of await page.getByRole('group', { name: 'Étiquettes' }).getByRole('button').all()) {
        expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      }
      await page.getByRole('button', { name: /non dissident$/ }).click();
      await annotate.expectProgress('Alice', 2);
    }
    await page.keyboard.press('a');
    await expect(page.getByTestId('whole-answer').locator('mark')).toBeVisible();
    await shot('answer');
    await page.keyboard.press('?');
    await expect(annotate.helpDialog).toBeVisible();
    await shot('help');
    await page.keyboard.press('Escape');
    await annotate.tab('Parcourir');
    await page.getByLabel('Rechercher dans les phrases').fill('etat');
    await expect(page.getByTestId('browse-row').first()).toBeVisible();
    await shot('browse');
    await annotate.tab('Guide');
    await expect(page.getByTestId('guideline')).toContainText('véhémence');
    await shot('guideline');
    await annotate.tab('Échanges et sauvegarde');
    await shot('exchange');
  });
}

test('imports the shared dev file: three annotators plus gold, after confirming the mapping', async ({ page }) => {
  test.skip(!existsSync(devCsv), `missing ${devCsv}`);
  test.setTimeout(120_000);
  const annotate = new AnnotatePage(page);
  await annotate.open();
  await annotate.tab('Échanges et sauvegarde');
  await page.getByTestId('annotations-file').setInputFiles(devCsv);
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('combobox', { name: 'Rôle : annotator_a' })).toHaveValue('annotator');
  await expect(mapping.getByRole('combobox', { name: 'Rôle : label' })).toHaveValue('gold');
  await expect(mapping.getByRole('textbox', { name: 'Nom de l’annotateur : annotator_b' })).toHaveValue('b');
  await page.getByRole('button', { name: 'Importer et fusionner' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('901 phrases lues : 0 retrouvées, 899 créées');
  await expect(report).toContainText('Annotateurs : a, b, c, Référence (adjudication)');
  await expect(report).toContainText('Nouveau jeu de données créé');
  await page.screenshot({ path: test.info().outputPath('annotate-dev-import-laptop.png'), fullPage: true });
  await annotate.tab('Étiqueter');
  await page.getByLabel('Jeu de données').selectOption({ label: 'dissidentia-dev' });
  await expect(annotate.progress).toContainText('Étiquettes de référence : 899');
});
