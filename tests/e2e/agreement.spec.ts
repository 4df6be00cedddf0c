// Accord: the shared three-annotator file imported without its gold column shows the reference agreement figures;
// adjudicating a disagreement with the keyboard adds a gold label (and undo takes it back).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { parseCsvText } from '../../src/lib/core/annotation/import-parse';
import { agreementReport } from '../../src/lib/core/agreement/report';
import { AgreementPage } from './pages/AgreementPage';
import { AnnotatePage } from './pages/AnnotatePage';

const devCsv = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/data/dissidentia-dev.csv');

/**
 * The figures the screen must show, from the core code checked against the reference values in unit tests. The file
 * holds one sentence twice (same answer, same position, same labels); the app stores it once, so 150 sentences carry
 * three labels here, not 151, and the figures move in the third decimal.
 */
function expectedFigures() {
  const seen = new Set<string>();
  const units = parseCsvText(readFileSync(devCsv, 'utf8'))
    .rows.filter((r) => !seen.has(`${r.answer_id}/${r.sentence_index}`) && seen.add(`${r.answer_id}/${r.sentence_index}`))
    .map((r, i) => ({ id: i, labels: ['annotator_a', 'annotator_b', 'annotator_c'].map((c) => r[c] || null) }));
  return agreementReport(['a', 'b', 'c'], units, { samples: 0 });
}

test('shows the agreement of three annotators and adjudicates a disagreement into gold', async ({ page }) => {
  test.skip(!existsSync(devCsv), `missing ${devCsv}`);
  test.setTimeout(120_000);
  const annotate = new AnnotatePage(page);
  await annotate.open();
  // The project's final label is left out, so that every disagreement is still open.
  const report = await annotate.importAnnotations(devCsv, { label: 'ignore' });
  await expect(report).toContainText('Annotateurs : a, b, c');

  const agreement = new AgreementPage(page);
  await agreement.open();
  await agreement.selectDataset('dissidentia-dev');
  const expected = expectedFigures();
  expect(expected.items).toBe(150);
  await expect(agreement.summary).toHaveText(`150 phrases étiquetées, 3 annotateurs, ${expected.disagreements.length} désaccords.`);
  // French decimal commas, as on the other screens.
  const fr = (n: number, digits: number) => n.toFixed(digits).replace('.', ',');
  await expect(agreement.figure('fleiss')).toContainText(fr(expected.fleiss.kappa, 3));
  await expect(agreement.figure('alpha')).toContainText(fr(expected.krippendorffAlpha.alpha, 3));
  await expect(agreement.figure('alpha')).toContainText(/IC 95 % : 0,\d{3} à 0,\d{3}/);
  for (const pair of expected.pairs) await expect(agreement.pairCell(pair.a, pair.b)).toHaveText(fr(pair.kappa, 2));
  // Within a hundredth of the published figures (0.1843, 0.4576, 0.3454): the same annotators, one sentence fewer.
  expected.pairs.forEach((p, i) => expect(Math.abs(p.kappa - [0.1843, 0.4576, 0.3454][i]!)).toBeLessThan(0.01));

  // The dashboard with its heat map and charts drawn passes axe (contrast of the shaded cells included).
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await expect(agreement.goldCount).toHaveText('Étiquettes de référence dans ce jeu : 0');
  await expect(agreement.position).toHaveText(/^Désaccord 1 sur \d+$/);
  await expect(agreement.sentence).not.toHaveText('…');
  await page.keyboard.press('1');
  await expect(agreement.announcement).toHaveText('« dissident » retenu comme référence.');
  await expect(agreement.position).toHaveText(/^Désaccord 2 sur \d+$/);
  await expect(agreement.goldCount).toHaveText('Étiquettes de référence dans ce jeu : 1');
  await page.screenshot({ path: test.info().outputPath('agreement-laptop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('agreement-phone.png'), fullPage: true });

  await page.keyboard.press('z');
  await expect(agreement.announcement).toHaveText('Annulé : la référence « dissident ».');
  await expect(agreement.position).toHaveText(/^Désaccord 1 sur \d+$/);
  await expect(agreement.goldCount).toHaveText('Étiquettes de référence dans ce jeu : 0');

  // A disagreement goes to the guideline as an example for its next version.
  const sentence = (await agreement.sentence.textContent())!.trim();
  await agreement.proposeForGuideline();
  await expect(agreement.announcement).toContainText('Ajoutée aux exemples proposés pour la prochaine version du guide (1 en attente');
  await annotate.open();
  const text = await annotate.saveGuidelineWithProposedExamples();
  expect(text).toContain('## Exemples discutés (désaccords d’annotation)');
  expect(text).toContain(`« ${sentence.replace(/\s+/g, ' ')} »`);
  await expect(page.getByTestId('proposed-note')).toHaveCount(0);
});

test('undoing an adjudication over an imported reference puts that reference back on screen', async ({ page }) => {
  test.skip(!existsSync(devCsv), `missing ${devCsv}`);
  test.setTimeout(120_000);
  const annotate = new AnnotatePage(page);
  await annotate.open();
  // Imported with its final labels: every sentence already has a reference.
  await expect(await annotate.importAnnotations(devCsv)).toContainText('Référence (adjudication)');
  const agreement = new AgreementPage(page);
  await agreement.open();
  await agreement.selectDataset('dissidentia-dev');
  await expect(agreement.position).toHaveText(/^Désaccord 1 sur \d+$/);
  await expect(agreement.gold).toHaveText(/^Référence : « .+ »$/);
  const before = await agreement.gold.textContent();
  const other = before?.includes('« inclassable »') ? '1' : '3';
  await page.keyboard.press(other);
  await expect(agreement.position).toHaveText(/^Désaccord 2 sur \d+$/);
  await expect(agreement.announcement).toContainText(`à la place de « ${before!.match(/« (.+) »/)![1]} » (Z pour annuler)`);
  await page.keyboard.press('z');
  await expect(agreement.position).toHaveText(/^Désaccord 1 sur \d+$/);
  await expect(agreement.gold).toHaveText(before!);
});
