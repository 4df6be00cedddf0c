// bench:label — a fast typist on the million-sentence file of bench:import, through the real UI in headless Chromium:
// imports it, opens Annoter, presses 50 label keys at 60 ms intervals, and times each key until its label is committed
// (seen from a second IndexedDB connection of the page). Prints one JSON document.
// Env: E2E_PORT (4302), E2E_DIST (.dist-label), BENCH_FILE, BENCH_SKIP_BUILD=1, BENCH_KEYS (50), BENCH_INTERVAL_MS (60).
import { cpus, loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { ensureSyntheticFile, startPreview } from './preview';

// Page-side objects in page.evaluate; the Node tsconfig has no DOM library. Checked by running the bench.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, indexedDB: any;

const PORT = Number(process.env.E2E_PORT ?? 4302);
const OUT = process.env.E2E_DIST ?? '.dist-label';
const FILE = process.env.BENCH_FILE ?? '.cache/grand-debat-synthetic.csv';
const KEYS = Number(process.env.BENCH_KEYS ?? 50);
const INTERVAL = Number(process.env.BENCH_INTERVAL_MS ?? 60);
const ANNOTATOR = 'Banc';

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

async function importFile(page: Page, base: string): Promise<number> {
  await page.goto(`${base}/#/donnees`);
  await page.getByTestId('csv-input').setInputFiles(FILE);
  const start = Date.now();
  await page.getByTestId('import-config').getByRole('button', { name: 'Importer' }).click();
  await page.getByTestId('import-report').waitFor({ timeout: 900_000 });
  return (Date.now() - start) / 1000;
}

async function openQueue(page: Page, base: string): Promise<number> {
  await page.goto(`${base}/#/annoter`);
  await page.getByLabel('Nom', { exact: true }).first().fill(ANNOTATOR);
  await page.keyboard.press('Enter');
  await page.locator('h1').click();
  const dataset = page.getByLabel('Jeu de données');
  const options = await dataset.locator('option').allTextContents();
  await dataset.selectOption({ index: options.findIndex((o) => o.includes('synthetic')) });
  const position = page.getByTestId('queue-position').filter({ hasText: /^Phrase 1 sur \d{1,3}(?:\s\d{3})+$/ });
  await position.waitFor({ timeout: 300_000 });
  return Number((await position.textContent())!.replace(/^.*sur /, '').replace(/\D/g, ''));
}

/**
 * In the page: records each label key's event time, and polls a second IndexedDB connection every 10 ms for the
 * annotator's stored label count, noting when each count was first reached. Independent of the app's own code, so it
 * measures the old and the new write path alike.
 */
async function startRecorder(page: Page): Promise<void> {
  await page.evaluate(async (name) => {
    const rec = { keys: [] as number[], reached: [] as number[], stop: false };
    window.labelBench = rec;
    window.addEventListener('keydown', (e: { key: string; timeStamp: number }) => e.key === '2' && rec.keys.push(e.timeStamp), true);
    const db = await new Promise<any>((resolve) => {
      const open = indexedDB.open('dissidentia');
      open.onsuccess = () => resolve(open.result);
    });
    const annotatorId = await new Promise<number>((resolve) => {
      const req = db.transaction('annotators').objectStore('annotators').index('name').get(name);
      req.onsuccess = () => resolve(req.result.id);
    });
    const count = () =>
      new Promise<number>((resolve) => {
        const req = db.transaction('annotations').objectStore('annotations').index('annotatorId').count(annotatorId);
        req.onsuccess = () => resolve(req.result);
      });
    void (async () => {
      while (!rec.stop) {
        const n = await count();
        const now = performance.now();
        while (rec.reached.length < n) rec.reached.push(now);
        await new Promise((r) => setTimeout(r, 10));
      }
      db.close();
    })();
  }, ANNOTATOR);
}

async function main() {
  ensureSyntheticFile(FILE);
  const preview = await startPreview(PORT, OUT);
  const browser = await chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    .catch((error: unknown) => {
      preview.stop();
      throw error;
    });
  try {
    const page = await browser.newPage();
    await page.addInitScript('globalThis.__name = (f) => f;');
    const importSeconds = await importFile(page, preview.base);
    const sentences = await openQueue(page, preview.base);
    await startRecorder(page);

    // Keys on a fixed schedule (not "press, then wait"), so a slow press does not slow the typist down.
    const t0 = Date.now();
    for (let i = 0; i < KEYS; i++) {
      const wait = t0 + i * INTERVAL - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await page.keyboard.press('2');
    }
    await page.waitForTimeout(1000);
    const afterOneSecond = await page.evaluate(() => window.labelBench.reached.length as number);
    const lastKeyToAll = await page.evaluate(
      async (n) => {
        const rec = window.labelBench;
        for (let i = 0; i < 600 && rec.reached.length < n; i++) await new Promise((r) => setTimeout(r, 100));
        return rec.reached.length >= n ? rec.reached[n - 1] - rec.keys[n - 1] : null;
      },
      KEYS,
    );
    const progressShown = await page
      .getByTestId('progress')
      .getByText(new RegExp(`^${ANNOTATOR} : ${KEYS} sur`))
      .waitFor({ timeout: 60_000 })
      .then(() => true, () => false);
    const { keys, reached } = await page.evaluate(() => {
      window.labelBench.stop = true;
      return { keys: window.labelBench.keys as number[], reached: window.labelBench.reached as number[] };
    });
    const latencies = keys.map((k, i) => (reached[i] === undefined ? Infinity : reached[i]! - k)).sort((a, b) => a - b);
    console.log(
      JSON.stringify(
        {
          bench: 'label',
          dataset: { file: FILE, sentences, importSeconds: round(importSeconds) },
          typist: { keys: KEYS, intervalMs: INTERVAL, keysSeen: keys.length },
          keyToCommittedMs: { p50: round(quantile(latencies, 0.5)), p95: round(quantile(latencies, 0.95)), max: round(latencies.at(-1) ?? NaN) },
          labelsStored1sAfterLastKey: afterOneSecond,
          lastKeyToAllStoredMs: lastKeyToAll === null ? null : round(lastKeyToAll),
          progressPanelReachedAll: progressShown,
          pollIntervalMs: 10,
          goals: { p95Ms: 100, labelsStored1sAfterLastKey: KEYS },
          machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverage: loadavg().map((l) => round(l)) },
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    preview.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
