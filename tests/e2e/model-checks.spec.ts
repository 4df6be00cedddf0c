// Vérifications on Modèles: the check suite runs on an imported model in the browser's worker, results are stored with
// the model and shown beside its metrics, the suite is edited and reset; phone and laptop screenshots.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { serialiseModel, trainBaseline } from '../../src/lib/core/ml/model';
import { ModelChecksPage } from './pages/ModelChecksPage';
import { ModelsPage } from './pages/ModelsPage';

// Read, not imported: Playwright's loader wants an import attribute for JSON that the app's TypeScript setup does not use.
const shipped = JSON.parse(readFileSync(new URL('../../src/lib/checks/suite.fr.json', import.meta.url), 'utf8')) as { version: number; cases: { id: string; name: string; expect?: string; margin?: number }[] };
test.describe.configure({ timeout: 180_000 });
let modelJson = '';
test.beforeAll(async () => {
  const { texts, labels } = fixtureSet();
  modelJson = serialiseModel(await trainBaseline(texts, labels, { search: 'none', learningCurve: null, folds: 3 }));
});

async function importModel(page: Page, name: string): Promise<ModelsPage> {
  const models = new ModelsPage(page);
  await models.open();
  await models.importPicker.setInputFiles({ name: `${name}.model.json`, mimeType: 'application/json', buffer: Buffer.from(modelJson) });
  await expect(models.importedNotice(name)).toBeVisible();
  await expect(models.detailHeading(name)).toBeVisible();
  return models;
}

test('runs the suite on a model, shows failures, target gap and weakest slices, and keeps them with the model', async ({ page }, testInfo) => {
  const models = await importModel(page, 'verifie');
  const checks = new ModelChecksPage(page);
  await expect(checks.section.getByText('Ce modèle n’a pas encore été vérifié.')).toBeVisible();
  await expect(models.row('verifie')).toContainText('non vérifié');

  await checks.run(/^demo-v/);
  await expect(checks.summary).toContainText(/\d+ réussies?, \d+ échouées?, \d+ non jugées?/);
  // One result per case of the shipped suite, plus the nine slices of the labelled set.
  await expect(checks.results).toHaveCount(shipped.cases.length + 9);
  await expect(checks.targetGap).toContainText(/Écart de cible : -?\d,\d\d/);
  await expect(checks.weakest.getByRole('listitem').first()).toContainText(/exactitude/);
  // Every failing check shows its examples with probabilities.
  const failed = checks.section.locator('[data-state="failed"]');
  expect(await failed.count()).toBeGreaterThan(0);
  await expect(failed.first().locator('.failures li').first()).toContainText(/« .+ » \d,\d\d/);
  // A direction check says what each rewrite had to do, so that its failures can be judged.
  const politeHedge = shipped.cases.find((c) => c.id === 'dir-polite-hedge')!;
  await expect(checks.section.locator('[data-check-id="dir-polite-hedge"] summary').first()).toContainText(`probabilité ${politeHedge.expect === 'notUp' ? 'de plus de' : 'd’au moins'} ${String(politeHedge.margin).replace('.', ',')}`);
  // The comparison shows the checks passed beside the AUC.
  await expect(models.row('verifie').getByTestId('model-checks-cell')).toHaveText(/^\d+ \/ \d+$/);
  // Slices are counted apart (they depend on the labelled set picked) and judged on accuracy, not on a failure count.
  await expect(checks.section.getByTestId('checks-summary-slices')).toContainText(/tranches du jeu étiqueté : \d+ réussies?/);
  const cell = (await models.row('verifie').getByTestId('model-checks-cell').textContent()) ?? '';
  expect(Number(cell.split('/')[1])).toBeLessThanOrEqual(shipped.cases.length);
  await expect(checks.section.locator('[data-check-id^="slice:"]').first()).toContainText(/exactitude \d+,\d\s%.*contre \d+,\d\s%/);
  await page.screenshot({ path: testInfo.outputPath('checks-laptop.png'), fullPage: true });

  await page.reload();
  await expect(checks.summary).toContainText(/réussies?/);
  await expect(checks.results).toHaveCount(shipped.cases.length + 9);
});

test('edits the suite: a new case runs, a bad one is refused in French, reset brings the shipped suite back', async ({ page }) => {
  await importModel(page, 'edition');
  const checks = new ModelChecksPage(page);
  await checks.openEditor();
  await expect(checks.editor).toContainText(`Suite livrée, version ${shipped.version}, ${shipped.cases.length} cas.`);

  await checks.editor.getByRole('button', { name: 'Ajouter un cas' }).click();
  await checks.form.getByLabel('Type').selectOption({ label: 'Cible' });
  await checks.form.getByLabel('Nom').fill('Cible sans emplacement');
  await checks.form.getByLabel('Cibles du pouvoir').fill('les élus');
  await checks.form.getByLabel('Autres groupes').fill('les chômeurs');
  await checks.form.getByLabel(/Modèles de phrases/).fill('Ils sont des voleurs.');
  await checks.form.getByRole('button', { name: 'Enregistrer le cas' }).click();
  await expect(checks.form.getByRole('alert')).toContainText('n’a pas d’emplacement {x}');

  await checks.form.getByLabel(/Modèles de phrases/).fill('{x} sont des voleurs.');
  await checks.form.getByRole('button', { name: 'Enregistrer le cas' }).click();
  await expect(checks.editor.getByRole('status')).toHaveText('Cas « Cible sans emplacement » enregistré.');
  await expect(checks.caseRow('Cible sans emplacement')).toBeVisible();
  await expect(checks.editor).toContainText(`${shipped.cases.length + 1} cas.`);

  // Edit an existing case's sentences, then delete another.
  const first = shipped.cases[0];
  await checks.caseRow(first.name).getByRole('button', { name: `Modifier : ${first.name}` }).click();
  await checks.form.getByLabel('Phrases (une par ligne)').fill('Les fonctionnaires sont des incapables.');
  await checks.form.getByRole('button', { name: 'Enregistrer le cas' }).click();
  await expect(checks.caseRow(first.name)).toContainText('(1)');
  page.once('dialog', (d) => void d.accept());
  await checks.caseRow(shipped.cases[1].name).getByRole('button', { name: `Supprimer : ${shipped.cases[1].name}` }).click();
  await expect(checks.caseRow(shipped.cases[1].name)).toHaveCount(0);

  await checks.run();
  await expect(checks.results).toHaveCount(shipped.cases.length);
  await expect(checks.section.getByTestId('check-result').filter({ hasText: 'Cible sans emplacement' })).toBeVisible();
  await expect(checks.section).toContainText('(modifiée)');
  await expect(checks.section.getByTestId('checks-stale')).toHaveCount(0);

  // The edits survive a reload; reset drops them.
  await page.reload();
  await checks.openEditor();
  await expect(checks.caseRow('Cible sans emplacement')).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await checks.editor.getByRole('button', { name: 'Revenir à la suite livrée' }).click();
  await expect(checks.editor).toContainText(`Suite livrée, version ${shipped.version}, ${shipped.cases.length} cas.`);
  await expect(checks.caseRow('Cible sans emplacement')).toHaveCount(0);
  // The stored results judged the edited suite: they now say so, until the checks run again.
  await expect(checks.section.getByTestId('checks-stale')).toContainText('La suite a changé depuis ce passage');
  await checks.run();
  await expect(checks.section.getByTestId('checks-stale')).toHaveCount(0);
});

test('phone width: the section fits the screen and its results read', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await importModel(page, 'telephone');
  const checks = new ModelChecksPage(page);
  await checks.run();
  await expect(checks.summary).toBeVisible();
  await checks.openEditor();
  const overflow = await checks.section.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await checks.section.screenshot({ path: testInfo.outputPath('checks-phone.png') });
});
