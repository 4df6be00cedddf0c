// Hostile text — script, image, svg and javascript: payloads — imported from a CSV, from an annotations file, and typed,
// is shown as text on every screen that shows user text. The page's CSP is bypassed here on purpose: the rendering
// alone must keep the payloads inert (csp.spec.ts tests the policy as a second, independent wall).
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AgreementPage } from '../e2e/pages/AgreementPage';
import { AnnotatePage } from '../e2e/pages/AnnotatePage';
import { CorpusPage } from '../e2e/pages/CorpusPage';
import { DataPage } from '../e2e/pages/DataPage';
import { DemoPage } from '../e2e/pages/DemoPage';
import { PredictPage } from '../e2e/pages/PredictPage';
import { watch } from './helpers/watch';

test.use({ bypassCSP: true });

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const SVG = '<svg onload="window.__pwned=1">';
const URL_ = 'javascript:window.__pwned=1';
const SENTENCES = [`Honte à ce gouvernement ${SCRIPT} de menteurs`, `Ces incapables ${IMG} nous méprisent`, `Quel scandale ${SVG} vraiment`, `Allez voir ${URL_} et pleurez`];
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Elements a payload would have created had it been parsed as HTML (the app itself draws no such thing in <main>). */
async function expectNoPayloadElements(page: Page): Promise<void> {
  const planted = await page.evaluate(() => document.querySelectorAll('main script, main img[onerror], main img[src="x"], main svg[onload], main a[href^="javascript:"]').length);
  expect(planted).toBe(0);
}

test('script, image, svg and javascript: payloads are shown as text on every screen showing user text', async ({ page, context }, info) => {
  test.setTimeout(240_000);
  const seen = await watch(context, page);
  const csv = info.outputPath('hostile.csv');
  // The last row has too many fields: its excerpt is shown in the import report.
  writeFileSync(csv, ['id,contribution', ...SENTENCES.map((s, i) => `h${i},${quote(s)}`), `h9,${quote(IMG)},${quote(SVG)},${quote(SCRIPT)}`].join('\n') + '\n');
  const labels = info.outputPath('hostile-labels.csv');
  writeFileSync(labels, ['answer_id,sentence_index,text,annotator_A,annotator_B', ...SENTENCES.map((s, i) => `a${i},0,${quote(s)},dissident,non dissident`)].join('\n') + '\n');

  await test.step('Démo: typed text', async () => {
    const demo = new DemoPage(page);
    await page.goto('/');
    await demo.waitForModel();
    await demo.type(SENTENCES.join('. ') + '.');
    await expect(demo.sentences.first()).toBeVisible();
    await expect(page.locator('main')).toContainText(SCRIPT);
    await expect(page.locator('main')).toContainText(IMG);
    await expectNoPayloadElements(page);
  });

  await test.step('Données: preview, import report with a malformed row, overview', async () => {
    const data = new DataPage(page);
    await data.open();
    await data.chooseAndPreview(csv);
    await expect(data.config.getByTestId('preview-table')).toContainText(SCRIPT);
    await expect(data.config.getByTestId('preview-table')).toContainText(SVG);
    await expectNoPayloadElements(page);
    await data.importAndWait();
    await expect(data.reportValue('malformed')).toHaveText('1');
    await data.report.locator('summary', { hasText: /Enregistrements mal formés/ }).click();
    await expect(data.report.getByTestId('malformed-list')).toContainText('<img src=x');
    await expectNoPayloadElements(page);
  });

  const annotate = new AnnotatePage(page);
  await test.step('Annoter: annotations file, card, Parcourir, Similaires', async () => {
    await annotate.open();
    await annotate.createAnnotator('Témoin');
    // The sentences are found in the dataset just imported (same text): two annotators' labels land on them.
    await expect(await annotate.importAnnotations(labels)).toContainText('Étiquettes : 8 ajoutées');
    await annotate.tab('Étiqueter');
    await annotate.selectDataset('hostile');
    await expect(annotate.sentence).toContainText(/<script>|<img|<svg|javascript:/);
    await expectNoPayloadElements(page);
    await annotate.tab('Parcourir');
    await expect(annotate.browseRows).toHaveCount(4);
    for (const s of SENTENCES) await expect(annotate.browseRows.filter({ hasText: s })).toHaveCount(1);
    await annotate.browseRows.filter({ hasText: SCRIPT }).getByTestId('find-similar').click();
    await expect(page.getByTestId('similar-source')).toContainText(SCRIPT, { timeout: 30_000 });
    await expect(page.getByTestId('similar-row').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('similar-results')).toContainText(/<img|<svg|javascript:/);
    await expectNoPayloadElements(page);
  });

  await test.step('Accord: the disagreements', async () => {
    const agreement = new AgreementPage(page);
    await agreement.open();
    await agreement.selectDataset('hostile');
    await expect(agreement.sentence).toContainText(/<script>|<img|<svg|javascript:/);
    await expectNoPayloadElements(page);
  });

  await test.step('Prédire: typed answer, verdicts and explanations', async () => {
    const predict = new PredictPage(page);
    await predict.open();
    await predict.type(SENTENCES.join('. ') + '.');
    await expect(predict.sentences).toHaveCount(4);
    await predict.waitForExplanation(0);
    await expect(predict.explanationOf(0).getByTestId('method-exact').getByTestId('highlighted')).toContainText(SCRIPT);
    await expect(predict.sentence(1)).toContainText(IMG);
    await expectNoPayloadElements(page);
  });

  await test.step('Prédire › Tout un corpus: explorer and answer view', async () => {
    const corpus = new CorpusPage(page);
    await corpus.open();
    await corpus.chooseDataset('hostile');
    await corpus.score();
    await expect(corpus.rows.filter({ hasText: SVG })).toHaveCount(1);
    await corpus.row(SCRIPT).getByRole('button', { name: 'Voir la réponse' }).click();
    await expect(corpus.answer).toContainText(SCRIPT);
    await expectNoPayloadElements(page);
  });

  expect(await seen.pwned()).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  // The image payload, had it been parsed, would have asked the server for "x".
  expect(seen.requests.filter((u) => new URL(u).pathname.endsWith('/x'))).toEqual([]);
});
